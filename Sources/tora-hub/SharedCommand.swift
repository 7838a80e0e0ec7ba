import ArgumentParser
import Foundation
import ToraCore
import ToraHub

struct SharedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared", abstract: "The cooperative's shared data sent down to its outlets.", subcommands: [Publish.self])

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a file of the cooperative's data (docs/shared-data.md) as its next version.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The cooperative's code.") var cooperative: String
        @Option(help: "The JSON file of the data.") var file: String

        func run() async throws {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                printError("cannot read \(file)")
                throw ExitCode(ExitStatus.io.rawValue)
            }
            let cooperative = cooperative
            let version = try await database.run { try await $0.publishShared(cooperative: cooperative, json: Array(bytes)) }
            print("published version \(version) of \(cooperative)'s shared data")
        }
    }
}
