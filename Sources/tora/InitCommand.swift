import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the shop database with its first manager (or bring an existing one up to date).",
        discussion: """
            A new shop needs its first manager: --manager CODE --manager-name NAME; the PIN (4–8 \
            digits) comes from $TORA_PIN, else it is asked on the terminal, else read as one line \
            of piped input. A new shop gets the default member tier 'anggota' (2% off, 5% off \
            local products) and default settings. On a shop that has a manager, init changes it \
            like any other command: a manager signs in (--user or $TORA_USER, else --manager). \
            A file that is not a Tora Sera shop is refused and left as it was (exit 74).
            """)

    @OptionGroup var shop: ShopOptions
    @OptionGroup var signIn: SignInOptions

    @Option(name: .customLong("shop-name"), help: "The shop's name, printed on receipts.")
    var shopName: String?

    @Option(help: ArgumentHelp("The first manager's login code, e.g. 03 or dedeh.", valueName: "code"))
    var manager: String?

    @Option(name: .customLong("manager-name"), help: ArgumentHelp("The first manager's full name.", valueName: "name"))
    var managerName: String?

    func run() throws {
        try reportingErrors {
            guard FileManager.default.fileExists(atPath: shop.path) || (manager != nil && managerName != nil) else {
                throw Self.needsManager()
            }
            let store = try shop.openForWriting(create: true)
            let actor: String
            if try store.users.hasManager() {
                var credentials = signIn
                if credentials.user == nil && ProcessInfo.processInfo.environment["TORA_USER"] == nil { credentials.user = manager }
                let (code, pin) = try credentials.credentials()
                actor = try SignInOptions.authenticate(store, code: code, pin: pin, as: .manager).code
            } else {
                guard let manager, let managerName else { throw Self.needsManager() }
                let pin = try ProcessInfo.processInfo.environment["TORA_PIN"] ?? PinInput.readNew(for: manager)
                try store.users.addUser(code: manager, name: managerName, role: .manager, pin: pin, actor: manager)
                actor = manager
            }
            try store.initialize(shopName: shopName, actor: actor)
            let name = try store.setting(.shopName)
            print("Shop database ready: \(store.path) (\(name))")
        }
    }

    static func needsManager() -> ExitCode {
        printError("a new shop needs its first manager: tora init --manager CODE --manager-name NAME (PIN in TORA_PIN)")
        return ExitCode(.usage)
    }
}
