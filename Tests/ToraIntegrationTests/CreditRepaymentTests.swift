import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Members repay credit (kasbon) at the till and in the back office; the Z report's
/// `credit` section and expected cash reconcile to the rupiah (figures worked by hand).
@Suite("credit repayment")
struct CreditRepaymentTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-credit", now: "2026-11-29T09:30:00+07:00") }

    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", ShiftControlTests.catalogue)])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah", "--credit-limit", "100000"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
    }

    func till(_ lines: [String], lang: String = "id") throws -> String {
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", lang], stdin: lines.joined(separator: "\n") + "\n", environment: shop.env)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test("cash and QRIS repayments: own receipt numbers and slips, Z credit section and expected cash to the rupiah")
    func repaymentsReconcile() throws {
        try makeShop()
        // 0001: BERAS-5 45.000 for M1 all on credit (available 100.000). 0002: TEH 3.500 exact cash.
        // 0003: M1 repays 20.000 cash (owed 25.000). 0004: 5.000 by QRIS (owed 20.000).
        let first = try till([
            "01", "1234", "100000", "member M1", "BERAS-5", "pay credit", "TEH", "pay", "bayar-kasbon M1 20000",
            "bayar-kasbon M1 5000 qris", "bayar-kasbon M1 30000", "kasbon M1 1000 kredit", "bayar-kasbon M9 1000", "x", "quit",
        ])
        #expect(first.contains("Lunas. Struk 01-20261129-0001") && first.contains("Lunas. Struk 01-20261129-0002"))
        #expect(first.contains("Kasbon M1 Siti Aminah dibayar Rp20.000 (Tunai): struk 01-20261129-0003. Sisa kasbon Rp25.000"))
        #expect(first.contains("Kasbon M1 Siti Aminah dibayar Rp5.000 (QRIS): struk 01-20261129-0004. Sisa kasbon Rp20.000"))
        #expect(first.contains("Bayar kasbon, sisa Rp25.000"))  // the slip, through the receipt layout
        #expect(first.contains("Rp30.000 lebih dari kasbon anggota M1 (Rp20.000)"))
        #expect(first.contains("tidak dimengerti: kasbon dibayar dengan tunai, qris atau debit"))
        #expect(first.contains("anggota 'M9' tidak ditemukan"))
        #expect(first.contains("Laci: modal Rp100.000 + tunai Rp3.500 - retur Rp0 = Rp123.500"))
        #expect(first.contains("  termasuk kasbon dibayar tunai Rp20.000 (semua cara bayar Rp25.000)"))

        // Back office: more than owed is refused; 5.000 by debit is kept (owed 15.000, no drawer).
        let tooMuch = try shop.tora.run(["members", "repay", "M1", "20001"], environment: shop.env)
        #expect(tooMuch.status == 65 && tooMuch.stderr.contains("Rp20.001 is more than member M1 owes (Rp20.000)"))
        let creditMethod = try shop.tora.run(["members", "repay", "M1", "1000", "--method", "credit"], environment: shop.env)
        #expect(creditMethod.status == 64)
        #expect(try shop.ok(["members", "repay", "M1", "5000", "--method", "debit"]).contains("still owed Rp15.000, available Rp85.000"))

        // 0005: BERAS-5 + MINYAK-2 = 75.000 on credit fits the 85.000 the repayments freed
        // (without them only 55.000 would be available).
        let second = try till(
            ["01", "1234", "repay M1 999999", "member M1", "BERAS-5", "MINYAK-2", "pay credit", "close", "123500"], lang: "en")
        #expect(second.contains("Rp999.999 is more than member M1 owes (Rp15.000)"))
        #expect(second.contains("Paid. Receipt 01-20261129-0005"))
        #expect(second.contains("Expected Rp123.500, counted Rp123.500, over/short Rp0"))

        let json = try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let z = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let int = ShiftControlTests.int
        #expect(int("sales_count", z) == 3)
        #expect(int("net", z) == 45_000 + 3_500 + 75_000)  // repayments are not sales
        #expect(int("cash", z["payments"]) == 3_500 && int("credit", z["payments"]) == 120_000)
        #expect(int("qris", z["payments"]) == 0 && int("debit", z["payments"]) == 0)
        let credit = z["credit"]
        #expect(int("taken", credit) == 120_000 && int("refunded", credit) == 0 && int("repaid", credit) == 30_000)
        let byMethod = (credit as? [String: Any])?["repaid_by_method"]
        #expect(int("cash", byMethod) == 20_000 && int("qris", byMethod) == 5_000 && int("debit", byMethod) == 5_000)
        // Expected cash = float 100.000 + cash sales 3.500 + credit repaid in cash 20.000.
        #expect(int("opening_float", z["cash"]) == 100_000 && int("expected", z["cash"]) == 123_500)
        #expect(int("counted", z["cash"]) == 123_500 && int("over_short", z["cash"]) == 0)
        let text = try shop.ok(["report", "eod", "--date", "2026-11-29"])
        #expect(text.contains("Kasbon anggota") && text.contains("Rp30.000"))

        // Owed = 120.000 taken − 30.000 repaid = 90.000; available 100.000 − 90.000.
        let show = try shop.ok(["members", "show", "M1"])
        #expect(show.contains("credit limit      Rp100.000"))
        #expect(show.contains("credit owed       Rp90.000"))
        #expect(show.contains("credit available  Rp10.000"))
        #expect(show.contains("purchases 2026    Rp120.000"))

        // Each repayment is journaled with what a check of the books compares.
        let journal = try shop.ok(["audit", "list", "--kind", "credit.repaid"])
        #expect(journal.split(separator: "\n").count == 3)
        #expect(
            journal.contains(
                "\"amount\":20000,\"business_day\":\"2026-11-29\",\"kind\":\"repayment\",\"member\":\"M1\",\"method\":\"cash\",\"owed_after\":25000,\"receipt\":\"01-20261129-0003\",\"register\":\"01\",\"shift\":1"
            ))
        #expect(journal.contains("\"method\":\"debit\",\"owed_after\":15000,\"receipt\":null,\"register\":null,\"shift\":null"))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
        #expect(try ShopStore(path: shop.db).integrityCheck() == "ok")

        // A repayment raised with sqlite3 no longer matches its journal entry.
        try BooksShop.sql(shop.db, "PRAGMA wal_checkpoint(TRUNCATE);")
        let forged = shop.folder.file("forged.sqlite")
        try FileManager.default.copyItem(atPath: shop.db, toPath: forged)
        try BooksShop.sql(forged, "DROP TRIGGER member_money_no_update; UPDATE member_money SET amount = 50000 WHERE id = 1;")
        let verify = try shop.tora.run(["audit", "verify", "--db", forged], environment: shop.env)
        #expect(verify.status == 65)
        #expect(verify.stderr.contains("member_money row 1: amount is 50000 but journal entry"), "\(verify.stderr)")
    }
}
