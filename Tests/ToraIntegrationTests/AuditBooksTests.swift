import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// `tora audit verify` checks the books against the journal, not only the chain: a shop
/// file tampered with sqlite3 in each way exits 65 naming the first mismatch.
@Suite("audit verify checks the books")
struct AuditBooksTests {
    /// Tampers a copy of the shop with `sql` and runs `audit verify` on it.
    func verify(_ books: BooksShop, _ name: String, _ sql: String, anchor: String? = nil) throws -> ToraRun {
        let path = try books.copy(name + ".sqlite")
        try BooksShop.sql(path, sql)
        return try books.run(db: path, ["audit", "verify"] + (anchor.map { ["--anchor", $0] } ?? []))
    }

    func expectCaught(_ run: ToraRun, _ fragments: [String], _ comment: String) {
        #expect(run.status == 65, "\(comment): exit \(run.status), \(run.stdout)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(comment): \(run.stderr)")
        for fragment in fragments { #expect(run.stderr.contains(fragment), "\(comment): \(run.stderr)") }
    }

    @Test("an untouched shop verifies; each way of tampering with the books is named and exits 65")
    func tamperedBooks() throws {
        let books = try BooksShop("tora-verify")
        let clean = try books.run(["audit", "verify"])
        #expect(clean.hasPrefix("audit journal intact") && clean.contains("books match the journal"))
        let sale2 = try #require(try books.run(["audit", "list", "--kind", "sale.completed"]).split(separator: "\n").dropFirst().first)
        let sale2Seq = String(sale2.prefix { $0 != " " })

        // Sale 1's QRIS payment lowered by Rp50.000: the Z payments would no longer add up.
        let payment = try verify(
            books, "payment",
            "DROP TRIGGER payments_no_update; UPDATE payments SET amount = amount - 50000 WHERE method = 'qris';")
        expectCaught(payment, ["payments row 1: amount is 0 but journal entry", "says 50000"], "a payment lowered")

        let total = try verify(
            books, "total",
            "DROP TRIGGER sales_no_update; UPDATE sales SET total = total + 1000 WHERE receipt_no = '01-20261129-0002';")
        expectCaught(total, ["sales row 2: total is 77100 but journal entry \(sale2Seq) (sale.completed) says 76100"], "a sale total")

        let deleted = try verify(books, "deleted", "DROP TRIGGER sales_no_delete; DELETE FROM sales WHERE id = 2;")
        expectCaught(deleted, ["journal entry \(sale2Seq) (sale.completed) recorded a sales row that is not there"], "a sale deleted")

        let movement = try verify(
            books, "movement",
            """
            INSERT INTO stock_movements(product_id, at, business_day, kind, quantity, actor)
            SELECT id, '2026-11-29T08:00:00.000Z', '2026-11-29', 'adjust', 5000, '01' FROM products WHERE sku = 'KOPI-KPA';
            """)
        expectCaught(movement, ["stock_movements row", "has no journal entry"], "a movement inserted")

        let float = try verify(books, "float", "UPDATE shifts SET opening_float = 150000 WHERE register = '01';")
        expectCaught(float, ["shifts row 1: opening_float is 150000 but journal entry", "(shift.opened) says 100000"], "a shift's float")

        let payload = try verify(
            books, "payload",
            """
            DROP TRIGGER audit_journal_no_update;
            UPDATE audit_journal SET payload = replace(payload, '"total":76100', '"total":77100') WHERE seq = \(sale2Seq);
            """)
        expectCaught(
            payload, ["audit journal entry \(sale2Seq) does not verify: its contents do not match its hash"], "a payload edited")
    }

    @Test("a deleted last entry is caught with --anchor; without one, verify can only see the entries that record book rows")
    func deletedTail() throws {
        let books = try BooksShop("tora-anchor")
        let report = try books.json(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let head = try #require(report["journal_head"] as? [String: Any])
        let seq = try #require(head["seq"] as? Int)
        let anchor = "\(seq):\(try #require(head["hash"] as? String))"
        let delete = "DROP TRIGGER audit_journal_no_delete; DELETE FROM audit_journal WHERE seq = (SELECT max(seq) FROM audit_journal);"

        let anchored = try verify(books, "anchored", delete, anchor: anchor)
        expectCaught(anchored, ["the audit journal ends at entry \(seq - 1), before the anchor \(seq)"], "the last entry deleted")
        // The deleted entry (the receipt footer setting) recorded no book row, so without an
        // anchor the shorter chain is whole.
        let unanchored = try verify(books, "unanchored", delete)
        #expect(unanchored.status == 0 && unanchored.stdout.contains("intact: \(seq - 1) entries"))

        // Deleting the entry of a shift's closing as well leaves a closed shift without its entry.
        let closing = try verify(
            books, "closing",
            delete + " DELETE FROM audit_journal WHERE seq = (SELECT max(seq) FROM audit_journal);")
        expectCaught(closing, ["shifts (closing) row 2 has no journal entry"], "the shift closing deleted")

        // An anchor whose hash differs, and one that is not SEQ:HASH.
        let forged = try books.run(db: books.shop.db, ["audit", "verify", "--anchor", "\(seq):" + String(repeating: "0", count: 64)])
        expectCaught(forged, ["audit journal entry \(seq) is not the anchor"], "a different anchor")
        let malformed = try books.run(db: books.shop.db, ["audit", "verify", "--anchor", "12:abc"])
        #expect(malformed.status == 64 && malformed.stderr.contains("is not SEQ:HASH"))
    }

    @Test("the store's verify counts the rows it checked and names the head")
    func storeVerification() throws {
        let books = try BooksShop("tora-verify-store")
        let result = try ShopStore(path: books.shop.db).journal.verifyAudit()
        #expect(result.isIntact && result.problem == nil)
        // Sales, lines, payments, movements (the catalogue's opening counts too), shifts.
        #expect(result.rowsChecked > 20)
        #expect(result.head?.seq == Int64(result.entriesChecked))
    }
}
