import ArgumentParser
import Foundation
import ToraCore
import ToraHub

struct OutletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlet", abstract: "Add and list the cooperatives' outlets.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an outlet; prints its one-time enrolment code on the last line.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "The cooperative's code (made when new).") var cooperative: String
        @Option(name: .long, help: "The outlet's code, unique in its cooperative.") var outlet: String
        @Option(name: .long, help: "The outlet's name.") var name: String

        func run() async throws {
            let (cooperative, outlet, name) = (cooperative, outlet, name)
            let code = try await database.run { try await $0.addOutlet(cooperative: cooperative, code: outlet, name: name) }
            print("outlet \(outlet) of \(cooperative) added; give the shop this one-time enrolment code (tora hub join URL --code …):")
            print(code)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List outlets: last sync, journal head, state.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let outlets = try await database.run { try await $0.outlets() }
            print(["cooperative", "outlet", "name", "last sync", "head", "state"].joined(separator: "\t"))
            for outlet in outlets {
                let state = outlet.state == "ok" ? (outlet.enrolled ? "ok" : "not enrolled") : "flagged: \(outlet.flagReason ?? "")"
                let row = [
                    outlet.cooperative, outlet.code, outlet.name, outlet.lastSync ?? "never", outlet.head?.text ?? "-", state,
                ]
                print(row.joined(separator: "\t"))
            }
        }
    }
}
