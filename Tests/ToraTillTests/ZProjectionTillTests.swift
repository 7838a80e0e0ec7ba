import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// The journal projection of the Z report (docs/journal-projection.md) where a fixed
/// `TORA_NOW` cannot go: a till kept running past midnight, and a shop whose time zone
/// changes. Each day's projection must equal the store's own Z report, byte for byte.
@Suite("the Z report projected across midnight")
struct ZProjectionTillTests {
    static func expectProjection(_ store: ShopStore, days: [String]) throws {
        let entries = try store.journal.auditEntries(last: Int.max)
        for day in days {
            var projection = try #require(DayProjection(day: day))
            for entry in entries { try projection.add(entry) }
            let projected = projection.report().json.pretty
            let stored = try store.reports.dayReport(day: try #require(BusinessDay(day))).json.pretty
            #expect(projected == stored, "\(day) differs:\n\(projected)\n--- store:\n\(stored)")
        }
    }

    @Test("sales, a cancelled sale and a repayment after midnight count on the day the shift opened, in the projection too")
    func shiftAcrossMidnight() throws {
        var till = try TillHarness()
        let clock = till.shop.clock
        clock.advance(seconds: 14 * 3600 + 50 * 60)  // 2026-11-29 23:50 in Jakarta
        till.type("01", "1234", "100000", "anggota M1", "KOPI-DESA", "GULA-PSR")
        #expect(till.type("pay kredit").contains("01-20261129-0001"))
        till.type("0,5*TLR-RAS", "batal 1", "GULA-AREN", "pay 50000")
        clock.advance(seconds: 20 * 60)  // 2026-11-30 00:10
        till.type("MINYAKITA", "pay qris")
        till.type("KOPI-KPA", "batalkan", "02", "2345")
        till.type("bayar-kasbon M1 20000")
        clock.advance(seconds: 10 * 60)
        till.type("close", "150000")
        clock.advance(seconds: 8 * 3600)  // 08:20 of the 30th: a new shift, left open
        till.type("01", "1234", "50000", "GULA-AREN", "pay")
        let z29 = try till.shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(z29.salesCount == 3 && z29.cancelledSales == 1 && z29.credit.repaid == Money(20_000) && z29.voidLines == 1)
        try Self.expectProjection(till.shop.store, days: ["2026-11-28", "2026-11-29", "2026-11-30"])
    }

    @Test("a shop moved to Asia/Jayapura: hours and the day's journal head follow the zone of the moment")
    func timeZoneChange() throws {
        var till = try TillHarness()
        let clock = till.shop.clock
        till.type("01", "1234", "0", "GULA-PSR", "pay")
        try till.shop.store.setSetting("shop.timezone", to: "Asia/Jayapura", actor: "t")
        clock.advance(seconds: 3600)
        till.type("KOPI-KPA", "pay")
        till.type("close", "35000")
        clock.advance(seconds: 13 * 3600)  // 23:00 in Jakarta, 01:00 of the 30th in Jayapura
        till.type("01", "1234", "0", "GULA-AREN", "pay")
        try Self.expectProjection(till.shop.store, days: ["2026-11-29", "2026-11-30"])
    }

    @Test("a product renamed, moved and made local while sold lines wait: each line counts as it was sold, in the projection too")
    func productChangedBetweenSaleAndRefund() throws {
        var till = try TillHarness()
        till.type("01", "1234", "0", "GULA-PSR")
        try till.shop.store.catalogue.changeProduct(sku: "GULA-PSR", actor: "t") { product in
            product.name = "Gula Pasir Curah 1 kg"
            product.category = "gula"
            product.isLocal = true
        }
        #expect(till.type("pay").contains("01-20261129-0001"))
        till.shop.clock.advance(seconds: 600)
        try till.shop.store.catalogue.changeProduct(sku: "GULA-PSR", actor: "t") { product in product.category = "sembako lain" }
        till.type("refund 01-20261129-0001", "02", "2345", "1", "pay")
        let report = try till.shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(report.refundCount == 1 && report.byCategory.map(\.key).contains("sembako"))
        try Self.expectProjection(till.shop.store, days: ["2026-11-29"])
    }
}
