import Foundation
import Testing
import ToraTestSupport

/// `tora audit receipt`: a member's receipt checked against the shop's own books, by its
/// number or by the hash its QR code holds (docs/audit-journal.md, "Checking a receipt").
@Suite("checking a receipt against the books")
struct ReceiptCheckTests {
    @Test("a receipt is found by number and by its QR hash and vouched for; a tampered file or an unknown receipt exits 65")
    func receiptCheck() throws {
        let books = try BooksShop("tora-receipt-check")
        let byNumber = try books.run(db: books.shop.db, ["audit", "receipt", "01-20261129-0002"])
        #expect(byNumber.status == 0, "\(byNumber.stderr)")
        #expect(byNumber.stdout.contains("receipt        01-20261129-0002 (sale)"))
        #expect(byNumber.stdout.contains("total          Rp76.100") && byNumber.stdout.contains("verified       yes"))
        let entryLine = try #require(byNumber.stdout.split(separator: "\n").first { $0.hasPrefix("journal entry") })
        let hash = String(try #require(entryLine.split(separator: " ").last))
        #expect(hash.count == 64)

        let byHash = try books.run(db: books.shop.db, ["audit", "receipt", hash.uppercased()])
        #expect(byHash.status == 0 && byHash.stdout == byNumber.stdout, "\(byHash.stderr)")
        #expect(!byHash.stdout.contains("KDMP") && !byHash.stdout.contains("Siti"))

        let unknown = try books.run(db: books.shop.db, ["audit", "receipt", "09-20261129-0001"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no receipt '09-20261129-0001'"), "\(unknown.stderr)")

        let tampered = try books.copy("tampered.sqlite")
        try BooksShop.sql(
            tampered, "DROP TRIGGER payments_no_update; UPDATE payments SET amount = amount - 50000 WHERE method = 'qris';")
        let caught = try books.run(db: tampered, ["audit", "receipt", "01-20261129-0002"])
        #expect(caught.status == 65, "\(caught.stdout)")
        #expect(caught.stderr.contains("receipt 01-20261129-0002 is NOT vouched for by the books: the books do not match"))
        #expect(caught.stderr.split(separator: "\n").count == 1)
    }
}
