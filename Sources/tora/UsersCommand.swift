import ArgumentParser
import Foundation
import ToraCommandLine
import ToraReports
import ToraStore
import ToraTill

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "People who log in: cashiers, supervisors, managers.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Pin.self, ResetPin.self, Unlock.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add a user (a manager signs in). The new PIN (4–8 digits) is asked without echo, or read as one line from piped input.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
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
                let (store, actor) = try signIn.open(shop, as: .manager)
                let pin = try PinInput.readNew(for: code)
                try store.users.addUser(code: code, name: name, role: Role(rawValue: role.lowercased()) ?? .cashier, pin: pin, actor: actor)
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
                let now = try ShopClock.fromEnvironment().now
                for user in try shop.open().users.all() {
                    let state = !user.isActive ? "disabled" : (user.lockedUntil.map { $0 > now } ?? false) ? "locked" : "active"
                    table.add([user.code, user.name, user.role.rawValue, state])
                }
                print(table.rendered, terminator: "")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a user from logging in (a manager signs in).")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.users.setUserActive(code: code, active: false, actor: actor)
                print("disabled \(code)")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a disabled or locked user log in again (a manager signs in).")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.users.setUserActive(code: code, active: true, actor: actor)
                print("enabled \(code)")
            }
        }
    }

    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change your own PIN: sign in with the old one; the new PIN is asked twice, or read as one line from piped input.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .cashier)
                try store.users.setPin(code: actor, pin: try PinInput.readNew(for: actor), reset: false, actor: actor)
                print("PIN changed for \(actor)")
            }
        }
    }

    struct ResetPin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-pin",
            abstract: "Give a user a new PIN and lift any lockout (a manager signs in); the new PIN as for users add.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.users.setPin(code: code, pin: try PinInput.readNew(for: code), reset: true, actor: actor)
                print("PIN reset for \(code)")
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift a lockout after five wrong PINs (a manager signs in); the PIN stays as it was.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The user's code.") var code: String

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.users.unlockUser(code: code, actor: actor)
                print("unlocked \(code)")
            }
        }
    }
}
