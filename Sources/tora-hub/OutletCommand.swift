import ArgumentParser
import Foundation
import ToraCore
import ToraHub

struct OutletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlet", abstract: "Add and list the cooperatives' outlets; clear a flag, give a new key.",
        subcommands: [Add.self, List.self, Clear.self, Rekey.self, Events.self])

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

    /// `--cooperative C --outlet X`: the outlet a command acts on.
    struct OutletOptions: ParsableArguments {
        @Option(name: .long, help: "The cooperative's code.") var cooperative: String
        @Option(name: .long, help: "The outlet's code.") var outlet: String
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift an outlet's flag once its journal is put right; its next batch is checked as every batch is.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var which: OutletOptions
        @Option(name: .long, help: "Who decided and why (kept in the outlet's events).") var reason: String

        func run() async throws {
            let (cooperative, outlet, reason) = (which.cooperative, which.outlet, reason)
            let head = try await database.run { try await $0.clearFlag(cooperative: cooperative, outlet: outlet, reason: reason) }
            print("outlet \(outlet) of \(cooperative) cleared; its next batch must continue the hub's head \(head?.text ?? "(none)")")
        }
    }

    struct Rekey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an outlet's key now; prints a one-time code for the shop's tora hub join URL --code CODE --rekey.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var which: OutletOptions
        @Option(name: .long, help: "Who decided and why (kept in the outlet's events).") var reason: String

        func run() async throws {
            let (cooperative, outlet, reason) = (which.cooperative, which.outlet, reason)
            let code = try await database.run { try await $0.rekey(cooperative: cooperative, outlet: outlet, reason: reason) }
            print(
                "the key of outlet \(outlet) of \(cooperative) is revoked; give the shop this one-time code (tora hub join URL --code … --rekey):"
            )
            print(code)
        }
    }

    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An outlet's history at the hub: flagged, cleared, new key asked for and given.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var which: OutletOptions

        func run() async throws {
            let (cooperative, outlet) = (which.cooperative, which.outlet)
            let events = try await database.run { try await $0.events(cooperative: cooperative, outlet: outlet) }
            print(["at", "event", "detail"].joined(separator: "\t"))
            for event in events { print([event.at, event.kind, event.detail].joined(separator: "\t")) }
        }
    }
}
