import Foundation
import Testing
import ToraCore
import ToraReports
import ToraStore
import ToraTestSupport

/// The Z report adds up: every breakdown sums to the net exactly, quantities stay per
/// unit, and its foot names the journal entry to anchor `audit verify` to.
@Suite("the Z report adds up")
struct ZReportBooksTests {
    @Test("by category, register, cashier and hour each sum to the net, with the cash rounding and the refund in them")
    func breakdownsSumToNet() throws {
        let books = try BooksShop("tora-zbooks")
        let report = try books.json(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        // gross 194.850 + 9.990, discounts 2.500, rounding 50 + 90, refunds 15.700.
        #expect(report["net"] as? Int == 176_600 + 9_900)
        #expect(report["rounding"] as? Int == 140)
        func rows(_ key: String) throws -> [[String: Any]] { try #require(report[key] as? [[String: Any]]) }
        func nets(_ key: String, by name: String) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try rows(key).map { ("\($0[name] ?? "")", $0["net"] as? Int ?? 0) })
        }
        // Register 01: 116.250 − 50 + 76.100 − 15.700 = 176.600; register 02: 9.990 − 90 = 9.900.
        #expect(try nets("by_register", by: "register") == ["01": 176_600, "02": 9_900])
        #expect(try nets("by_cashier", by: "cashier") == ["01": 176_600, "03": 9_900])
        #expect(try nets("by_hour", by: "hour") == ["9": 176_600, "14": 9_900])
        // minuman 16.500 + 28.500 + 30.600; sembako 47.100 + 37.650 + 15.000 + 17.000 − 15.700 + 9.990.
        #expect(try nets("by_category", by: "category") == ["minuman": 75_600, "sembako": 111_040, "rounding": -140])
        for key in ["by_category", "by_register", "by_cashier", "by_hour"] {
            #expect(try rows(key).reduce(0) { $0 + ($1["net"] as? Int ?? 0) } == 186_500, "\(key) does not sum to net")
        }
        let payments = try #require(report["payments"] as? [String: Int])
        #expect(payments.values.reduce(0, +) == 186_500)
    }

    @Test("a category's kilograms and pieces are listed apart, in JSON, text and CSV")
    func quantitiesPerUnit() throws {
        let books = try BooksShop("tora-zunits")
        let report = try books.json(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let categories = try #require(report["by_category"] as? [[String: Any]])
        let sembako = try #require(categories.first { $0["category"] as? String == "sembako" })
        let quantities = try #require(sembako["quantities"] as? [String: NSNumber])
        // Pieces: 3 Minyakita + 1 Gula Aren − 1 refunded; kg: 1,255 + 0,5 + 0,333.
        #expect(quantities["pcs"]?.intValue == 3)
        #expect(quantities["kg"]?.doubleValue == 2.088)
        #expect(sembako["quantity"] == nil)
        let minuman = try #require(categories.first { $0["category"] as? String == "minuman" })
        let drinks = try #require(minuman["quantities"] as? [String: NSNumber])
        #expect(drinks.count == 1 && drinks["pcs"]?.intValue == 4)
        let top = try #require(report["top_products"] as? [[String: Any]])
        #expect(top.first { $0["sku"] as? String == "TLR-RAS" }?["unit"] as? String == "kg")

        let text = try books.run(["report", "eod", "--date", "2026-11-29"])
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("sembako") })
        #expect(line.contains("3 pcs + 2,088 kg"))
        #expect(!line.contains("5,088") && !line.contains("5.088"))
        let csv = try books.run(["report", "eod", "--date", "2026-11-29", "--format", "csv"])
        #expect(csv.contains("by_category_quantity,sembako kg,\"2,088\"\n") && csv.contains("by_category,rounding,-140\n"))
    }

    @Test("journal_head is the day's last journal entry, printed at the foot, and verify reaches it")
    func journalHead() throws {
        let books = try BooksShop("tora-zhead")
        let report = try books.json(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let head = try #require(report["journal_head"] as? [String: Any])
        let seq = try #require(head["seq"] as? Int)
        let hash = try #require(head["hash"] as? String)
        // The day's last entry is the receipt footer set at 21:00, the journal's last.
        let last = try #require(try books.run(["audit", "list", "--last", "1"]).split(separator: " ").first)
        #expect(String(last) == String(seq))
        let verify = try books.run(["audit", "verify", "--anchor", "\(seq):\(hash)"])
        #expect(verify.contains("last hash \(hash)") && verify.contains("anchor \(seq) reached"))
        let text = try books.run(["report", "eod", "--date", "2026-11-29"])
        #expect(text.hasSuffix("\nJurnal audit: \(seq):\(hash)\n"))
        let paper = DayReportPaper.lines(
            try ShopStore(path: books.shop.db).reports.dayReport(day: try #require(BusinessDay("2026-11-29"))), shopName: "Toko Uji",
            columns: 32)
        #expect(paper.suffix(3) == ["Jurnal audit #\(seq)", String(hash.prefix(32)), String(hash.suffix(32))])
        // Entries of the next day leave the day's head where it was.
        try books.run(["config", "set", "receipt.footer", "Sampai jumpa"], at: "2026-11-30T08:00:00+07:00")
        let again = try books.json(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        #expect((again["journal_head"] as? [String: Any])?["seq"] as? Int == seq)
        let next = try books.json(["report", "eod", "--date", "2026-11-30", "--format", "json"])
        #expect((next["journal_head"] as? [String: Any])?["seq"] as? Int == seq + 1)
        // The day before has no entries: no head.
        let before = try books.json(["report", "eod", "--date", "2026-11-28", "--format", "json"])
        #expect(before["journal_head"] is NSNull)
    }

    @Test("an impossible --date is a usage error (exit 64) in one line; a leap day is a day")
    func impossibleDates() throws {
        let shop = try ToraShopFolder("tora-zdates", now: "2026-11-29T09:30:00+07:00")
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        for date in ["2026-13-45", "2026-02-30", "2026-04-31", "2026-00-10", "26-11-29"] {
            let run = try shop.tora.run(["report", "eod", "--date", date], environment: shop.env)
            #expect(run.status == 64, "--date \(date) exited \(run.status)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("--date '\(date)' is not a day"))
        }
        #expect(try shop.tora.run(["report", "eod", "--date", "2028-02-29"], environment: shop.env).status == 0)
        #expect(DayReportText.isDay("2000-02-29") && !DayReportText.isDay("1900-02-29"))
    }
}
