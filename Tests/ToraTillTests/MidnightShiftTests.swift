import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport
import ToraTill

/// A till kept running past midnight (the clock moves inside one session, which a fixed
/// `TORA_NOW` cannot do): the shift's sales belong to the business day it opened.
@Suite("a shift across midnight")
struct MidnightShiftTests {
    @Test("a shift opened at 23:50 and closed after midnight reconciles in the Z report of the day it opened")
    func shiftAcrossMidnight() throws {
        var till = try TillHarness()
        _ = try till.shop.store.catalogue.importCatalogue(
            path: till.shop.csv(
                "m.csv",
                [
                    "sku,name,category,unit,price,tax,discountable", "BERAS-5,Beras 5 kg,sembako,pcs,45000,exempt,no",
                    "TEH,Teh,minuman,pcs,3500,exempt,no",
                ]),
            dryRun: false, actor: "t")
        let clock = till.shop.clock
        clock.advance(seconds: 14 * 3600 + 50 * 60)  // 2026-11-29 23:50 in Jakarta
        till.type("01", "1234", "100000", "BERAS-5")
        #expect(till.type("pay 50000").contains("Receipt 01-20261129-0001"))
        clock.advance(seconds: 20 * 60)  // 2026-11-30 00:10
        till.type("TEH")
        #expect(till.type("pay").contains("Receipt 01-20261129-0002"))  // numbered on the shift's day
        clock.advance(seconds: 10 * 60)
        till.type("close")
        #expect(till.type("148500").contains("Expected Rp148.500, counted Rp148.500, over/short Rp0"))

        // 29th: float 100.000 + cash kept 45.000 + 3.500 = 148.500 expected, as counted.
        let z29 = try till.shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(z29.salesCount == 2 && z29.net == Money(48_500))
        #expect(z29.payments[.cash] == Money(48_500))
        #expect(z29.cash.openingFloat == Money(100_000) && z29.cash.expected == Money(148_500))
        #expect(z29.cash.counted == Money(148_500) && z29.cash.overShort == .zero && z29.cash.openShifts == 0)
        let paid = z29.payments.values.reduce(0) { $0 + $1.rupiah }
        #expect(paid + z29.cash.openingFloat.rupiah == z29.cash.expected.rupiah)
        #expect(z29.byHour.map(\.key) == ["0", "23"])

        // 30th: nothing was sold in a shift of that day.
        let z30 = try till.shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-30")))
        #expect(z30.salesCount == 0 && z30.payments.values.allSatisfy(\.isZero))
        #expect(z30.cash.openingFloat == .zero && z30.cash.expected == .zero && z30.cash.counted == .zero && z30.cash.overShort == .zero)
        #expect(try till.shop.store.dayTotalsMismatches().isEmpty)
    }

    @Test("a shift closed from elsewhere stops the till's next sale, which waits for the next login")
    func shiftClosedElsewhere() throws {
        var till = try TillHarness()
        till.login()
        till.type("GULA-PSR")
        _ = try till.shop.store.shifts.closeShift(register: "01", counted: .zero, actor: "02")
        let refused = till.type("pay")
        #expect(refused.contains("Register 01's shift has been closed; log in again to open a new one"))
        #expect(try till.shop.store.sales.receiptNumbers().isEmpty)
    }
}
