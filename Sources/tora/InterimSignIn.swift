import ArgumentParser
import Foundation
import ToraStore

/// Who runs a back-office command that needs a role (`shift close`): `--user CODE`, else
/// `$TORA_USER`; the PIN from `$TORA_PIN`, else asked on the terminal, else one line of
/// standard input. Interim: kept in this one place so the shop-wide back-office sign-in
/// replaces it (swap the `@OptionGroup` and the one `signIn(_:atLeast:)` call).
struct InterimSignIn: ParsableArguments {
    @Option(help: ArgumentHelp("Your user code (else $TORA_USER); the PIN is $TORA_PIN or asked.", valueName: "code"))
    var user: String?

    /// The signed-in user, or exit 77 (not signed in, wrong PIN, or a role below `role`).
    func signIn(_ store: ShopStore, atLeast role: Role) throws -> User {
        let environment = ProcessInfo.processInfo.environment
        guard let code = user ?? environment["TORA_USER"], !code.isEmpty else {
            printError("not signed in: give --user CODE (or set TORA_USER) of a \(role.rawValue) or above")
            throw ExitCode(77)
        }
        let pin: String
        if let given = environment["TORA_PIN"], !given.isEmpty {
            pin = given
        } else {
            pin = try PinInput.read(prompt: "PIN for \(code): ")
        }
        let signedIn: User
        do {
            signedIn = try store.authenticate(code: code, pin: pin, register: nil)
        } catch let error as StoreError where error.code == .denied {
            printError("not signed in: \(error.message)")
            throw ExitCode(77)
        }
        guard signedIn.role >= role else {
            printError("not allowed: \(signedIn.code) is a \(signedIn.role.rawValue); this needs a \(role.rawValue) or above")
            throw ExitCode(77)
        }
        return signedIn
    }
}
