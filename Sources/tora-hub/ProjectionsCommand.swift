import ArgumentParser
import ToraCore
import ToraHub

struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "The materialized days the cooperative's reports read.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild", abstract: "Fold the stored journals into the materialized days again.",
            discussion: """
                Each outlet in one transaction with its row locked, so its pushes wait; safe while serving. \
                `tora-hub migrate` runs this once when it adds the materialized days.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this outlet's code (else every outlet).") var outlet: String?
        @Option(help: "The outlet's cooperative (needed when two cooperatives use the code).") var cooperative: String?

        func run() async throws {
            let (outlet, cooperative) = (outlet, cooperative)
            let rebuilt = try await database.run { database in
                let id = try await outlet.asyncMap { try await database.outlet(code: $0, cooperative: cooperative).id }
                return try await database.rebuildProjections(outletID: id)
            }
            print("projected \(rebuilt.entries) journal entries of \(rebuilt.outlets) outlets")
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
