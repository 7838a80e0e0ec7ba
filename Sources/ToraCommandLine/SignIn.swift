import ArgumentParser
import Foundation
import ToraCore
import ToraStore

/// The sign-in of every command that changes the shop (docs/sign-in-and-files.md):
/// `--user CODE`, else `$TORA_USER`; the PIN from `$TORA_PIN`, else asked on the terminal
/// without echo. Without them the command stops with exit 77 before the shop is opened.
/// A wrong PIN counts towards the user's lockout and is journaled like a till login; the
/// journal names the user who signed in, never the account of the computer.
///
/// A changing command adopts it with two lines:
/// ```
/// @OptionGroup var signIn: SignInOptions
/// let (store, actor) = try signIn.open(shop, as: .manager)
/// ```
public struct SignInOptions: ParsableArguments {
    public init() {}

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sign in as this user (else $TORA_USER); the PIN is $TORA_PIN or asked on the terminal.", valueName: "code"))
    public var user: String?

    /// Opens the shop to change it and signs in as a user whose role is at least `role`;
    /// returns the store and the code the journal names.
    public func open(_ shop: ShopOptions, as role: Role) throws -> (store: ShopStore, actor: String) {
        let (code, pin) = try credentials()
        let store = try shop.openForWriting()
        let user = try Self.authenticate(store, code: code, pin: pin, as: role)
        return (store, user.code)
    }

    /// The user's code and PIN; exit 77 when either is missing.
    public func credentials() throws -> (code: String, pin: String) {
        let environment = ProcessInfo.processInfo.environment
        guard
            let code = [user, environment["TORA_USER"]].compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: {
                !$0.isEmpty
            })
        else {
            throw StoreError(
                .notAllowed, "sign in to change the shop: --user CODE (or TORA_USER), with the PIN in TORA_PIN or typed on the terminal")
        }
        if let pin = environment["TORA_PIN"] { return (code, pin) }
        guard PinInput.isTerminal else {
            throw StoreError(.notAllowed, "no PIN to sign in \(code): set TORA_PIN or run the command on a terminal")
        }
        return (code, try PinInput.read(prompt: "PIN \(code): "))
    }

    /// Checks the code and PIN (wrong ones count towards the lockout) and the role.
    public static func authenticate(_ store: ShopStore, code: String, pin: String, as role: Role) throws -> User {
        let user = try store.users.authenticate(code: code, pin: pin, register: nil)
        guard user.role >= role else {
            throw StoreError(.notAllowed, "\(user.code) is a \(user.role.rawValue); this needs a \(role.rawValue) to sign in")
        }
        return user
    }
}
