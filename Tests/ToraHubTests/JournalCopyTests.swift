import NIOCore
import Testing
import ToraJournal

@testable import ToraHub

/// The rows `COPY journal_entries … FROM STDIN` is given (text format): one line per entry,
/// tab-separated, with the bytes the format reads specially escaped.
@Suite("journal COPY rows")
struct JournalCopyTests {
    @Test("backslashes, tabs, line feeds and carriage returns are escaped; a register of none is \\N")
    func escapesTheFormatsBytes() {
        let entry = AuditEntry(
            seq: 7, at: "2026-11-28T03:00:00.000Z", actor: "0\t1", register: nil, kind: "sale.completed",
            payload: #"{"name":"Kopi \"Luwak\" \\ Gayo","note":"a\nb"}"#, prevHash: "p\r", hash: "h")
        let rows = JournalCopy.rows([entry], outlet: 42)
        let text = String(decoding: rows.readableBytesView, as: UTF8.self)
        let payload = #"{"name":"Kopi \\"Luwak\\" \\\\ Gayo","note":"a\\nb"}"#
        #expect(text == "42\t7\t2026-11-28T03:00:00.000Z\t0\\t1\t\\N\tsale.completed\t\(payload)\tp\\r\th\n")
    }

    @Test("each entry is one line, in the order given")
    func oneLinePerEntry() {
        let entries = (1...3).map {
            AuditEntry(seq: $0, at: "t", actor: "01", register: "01", kind: "k", payload: "{}", prevHash: "p", hash: "h\($0)")
        }
        let lines = String(decoding: JournalCopy.rows(entries, outlet: 1).readableBytesView, as: UTF8.self).split(separator: "\n")
        #expect(lines.map { $0.split(separator: "\t")[1] } == ["1", "2", "3"])
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == JournalCopy.columns.count })
    }
}
