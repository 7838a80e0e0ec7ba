import ArgumentParser
import Foundation
import ToraReports
import ToraStore
import ToraTill

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "People who log in: cashiers, supervisors, managers.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The PIN (4–8 digits) is asked without echo, or read as one line from piped input.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "Short login code, e.g. 01 or siti.") var code: String
        @Option(help: "Full name.") var name: String
        @Option(help: "cashier, supervisor or manager.") var role: String

        func validate() throws {
            guard Role(rawValue: role.lowercased()) != nil else {
                throw ValidationError("'\(role)' is not a role; use cashier, supervisor or manager")
            }
        }

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let pin = try PinInput.read(prompt: "PIN for \(code): ")
                if PinInput.isTerminal {
                    let again = try PinInput.read(prompt: "PIN again: ")
                    guard again == pin else { throw StoreError(.invalidInput, "PIN: the two PINs differ; nothing was saved") }
                }
                try store.addUser(
                    code: code, name: name, role: Role(rawValue: role.lowercased()) ?? .cashier, pin: pin, actor: commandLineActor)
                print("added \(role.lowercased()) \(code): \(name)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingErrors {
                var table = TextTable([("code", .left), ("name", .left), ("role", .left), ("state", .left)])
                let now = Date()
                for user in try shop.open().users() {
                    let state = !user.isActive ? "disabled" : (user.lockedUntil.map { $0 > now } ?? false) ? "locked" : "active"
                    table.add([user.code, user.name, user.role.rawValue, state])
                }
                print(table.rendered, terminator: "")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a user from logging in.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                try shop.open().setUserActive(code: code, active: false, actor: commandLineActor)
                print("disabled \(code)")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a disabled or locked user log in again.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                try shop.open().setUserActive(code: code, active: true, actor: commandLineActor)
                print("enabled \(code)")
            }
        }
    }
}

/// Reads a PIN: without echo on a terminal (the till's own terminal code), or one line
/// of piped input.
enum PinInput {
    static var isTerminal: Bool { StandardTerminal().isInteractive }

    static func read(prompt: String) throws -> String {
        let terminal = StandardTerminal()
        if terminal.isInteractive { FileHandle.standardError.write(Data(prompt.utf8)) }
        guard let line = terminal.readLine(secret: true) else {
            throw StoreError(.invalidInput, "PIN: no PIN on standard input (give it as one line)")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
