import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraResources
import ToraStore
import ToraTill

/// `tora till`: runs one register's till on the terminal. (`TillCommand` is the parsed line
/// of the till itself, in ToraTill.)
struct TillSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "till",
        abstract: "The cashier's till for one register: scan, pay, print, close the shift.",
        discussion: """
            Reads one line at a time from standard input (a barcode scanner types digits and \
            Enter), so it works on a terminal, under tmux, or with a file piped in. Type \
            'help' at the till for its commands. Every change is stored before the till answers.
            """)

    @OptionGroup var shop: ShopOptions

    @Option(help: "The register number, two digits (01, 02, ...).") var register: String

    @Option(help: "Language of the till: id (Bahasa Indonesia) or en.") var lang = "id"

    func validate() throws {
        _ = try RegisterID.argument(register)
        guard Translations.languages.contains(lang) else { throw ValidationError("--lang takes id or en") }
    }

    func run() throws {
        try reportingErrors {
            let store = try Self.inLanguage(lang) { try shop.openForWriting() }
            try Self.runTill(store: store, register: register, lang: lang, scripted: [])
        }
    }

    /// Runs a till on the terminal; `scripted` lines are handled first (the demo logs in).
    static func runTill(store: ShopStore, register: String, lang: String, scripted: [String]) throws {
        let texts = try translations(lang)
        let lock = try RegisterLock(database: store.path, register: register, texts: texts)
        defer { lock.release() }
        var session = TillSession(
            store: store, register: try RegisterID.argument(register), texts: texts, sink: try ReceiptPrinting.sink(for: store))
        let terminal = StandardTerminal()
        var reply = session.start()
        for line in scripted {
            reply = session.handle(line)
            for shown in reply.lines { terminal.write(shown + "\n") }
        }
        if !scripted.isEmpty { reply.lines = [] }
        TillLoop.run(&session, terminal: terminal, first: reply)
    }

    static func translations(_ lang: String) throws -> Translations {
        do {
            return try Translations.load(lang)
        } catch {
            throw StoreError(.io, "cannot read the till's translations (\(lang).json): \(error.localizedDescription)")
        }
    }

    /// Runs `body`; a store error whose reason the till can word is said in the till's
    /// language, since the cashier reads it before the till starts.
    static func inLanguage<T>(_ lang: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as StoreError {
            if let (key, values) = error.reason?.tillText, let texts = try? Translations.load(lang), texts.strings[key] != nil {
                error.message = texts.text(key, values)
            }
            throw error
        }
    }
}

/// One till per register: a second `tora till --register 01` on the same shop would share
/// the first one's open sale. An advisory lock file next to the database says the register
/// is in use; the system drops it when the process ends, even on `kill -9`.
final class RegisterLock {
    private let descriptor: Int32

    /// Refusals are said in the till's language (`texts`): the cashier reads them before
    /// the till starts.
    init(database: String, register: String, texts: Translations) throws {
        let path = database + ".register-\(register).lock"
        descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.io, texts.text("till.lock_failed", ["path": path, "detail": reason]))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError(.invalidInput, texts.text("till.register_in_use", ["register": register]))
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
