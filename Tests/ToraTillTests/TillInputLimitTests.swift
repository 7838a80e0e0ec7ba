import Foundation
import Testing
import ToraCore
import ToraResources
import ToraStore
import ToraTestSupport
import ToraTill

/// A terminal fed from a list of lines that keeps everything written to it.
final class ScriptedTerminal: Terminal {
    var lines: [String]
    var written = ""

    init(_ lines: [String]) { self.lines = lines }

    var isInteractive: Bool { false }

    func readLine(secret: Bool) -> String? { lines.isEmpty ? nil : lines.removeFirst() }

    func write(_ text: String) { written += text }
}

@Suite("till input at the edges")
struct TillInputLimitTests {
    static let huge = String(repeating: "8", count: 10_000_000)

    @Test("a 10 MB line is answered in one short line, in the till's language, and not repeated")
    func hugeLine() throws {
        var till = try TillHarness()
        till.login()
        let answer = till.type(Self.huge)
        #expect(answer == "Line too long (more than 4096 bytes); ignored")
        #expect(till.type("?" + Self.huge) == answer)
        #expect(till.type("GULA-PSR").contains("Gula Pasir"))
    }

    @Test("a piped 10 MB line is echoed cut short: the transcript stays small")
    func hugeLineEcho() throws {
        let till = try TillHarness()
        var session = till.session
        let terminal = ScriptedTerminal(["01", "1234", "0", Self.huge, "?" + Self.huge])
        TillLoop.run(&session, terminal: terminal, first: session.start())
        #expect(terminal.written.utf8.count < 2_000)
        #expect(terminal.written.components(separatedBy: "Line too long").count == 3)
        #expect(terminal.written.contains("01> 8888888888888888888888888888888888888888…\n"))
    }

    @Test("a search too long for SQLite's LIKE is refused in one translated line")
    func longSearch() throws {
        var till = try TillHarness()
        till.login()
        let answer = till.type("?" + String(repeating: "kopi ", count: 800))
        #expect(answer == "Search text too long (at most 200 characters)")
        #expect(till.type("?kopi").contains("Kopi Robusta"))
    }

    @Test("a failure inside SQLite reaches the cashier as a translated line, not SQLite's words", arguments: ["en", "id"])
    func sqliteErrorTranslated(lang: String) throws {
        var till = try TillHarness()
        till.session = TillSession(store: till.shop.store, register: "01", texts: try Translations.load(lang), sink: till.sink)
        till.login()
        try GRDBTamper.dropSearchIndex(db: till.shop.store.path)
        let answer = till.type("?kopi")
        // One of the till's own store.* lines, in the till's language.
        #expect(answer.contains(lang == "id" ? "database toko" : "shop database"), "\(answer)")
        #expect(!answer.contains("SQLite") && !answer.contains("products_fts") && !answer.contains("no such table"))
    }
}
