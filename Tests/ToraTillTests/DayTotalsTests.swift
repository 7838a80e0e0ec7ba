import Foundation
import GRDB
import Testing
import ToraCore
import ToraResources
import ToraTestSupport
import ToraTill

@testable import ToraStore

/// The per-day totals (`day_totals`, kept by triggers) and the one-pass Z and X reports,
/// checked against the queries they replaced, on shops rung through the real till.
@Suite("day totals and the Z and X reports")
struct DayTotalsTests {
    static let days = ["2026-11-29", "2026-11-30"]

    /// Day 1: M1 buys 2 local coffees and sugar; a sale with a voided local line; half of
    /// M1's coffees come back. Day 2: a QRIS sale, a partial refund of day 1's second
    /// sale, and M1 buys a local product.
    static func twoDays() throws -> TillHarness {
        var till = try TillHarness()
        till.login()
        till.type("member M1", "2*KOPI-DESA", "GULA-PSR", "pay")
        till.type("KOPI-KPA", "GULA-AREN", "MINYAKITA", "void 2", "pay")
        till.type("refund 01-20261129-0001", "02", "2345", "1 1", "pay")
        // A shift's sales belong to the day it opened: day 2 is a new shift.
        till.type("close", "0")
        till.shop.clock.advance(seconds: 24 * 3600)
        till = try TillHarness.reopen(till)
        till.login()
        till.type("3*KOPI-KPA", "pay qris")
        till.type("refund 01-20261129-0002", "02", "2345", "1 1", "pay")
        till.type("member M1", "GULA-AREN", "pay")
        return till
    }

    @Test("day_totals, kept by triggers over signed_sales, equals ToraCore's DayFold of the same sales over two days")
    func totalsOverTwoDays() throws {
        let till = try Self.twoDays()
        let store = till.shop.store
        #expect(try store.dayTotalsMismatches().isEmpty)
        let days = try store.reports.dailySales(from: "2026-11-01", to: "2026-11-30")
        #expect(days.map(\.date) == Self.days)
        #expect(days.map(\.salesCount) == [2, 2] && days.map(\.refundCount) == [1, 1])
        // Day 1 local: 2 × 30.000 − 5% = 57.000, half refunded; the voided GULA-AREN not at all.
        // Day 2 local: GULA-AREN 18.000 − 5% = 17.100.
        #expect(days.map(\.localNet) == [Money(28_500), Money(17_100)])
        for (day, totals) in zip(Self.days, days) {
            let report = try store.reports.dayReport(day: try #require(BusinessDay(day)))
            #expect(
                [report.gross, report.discounts, report.rounding, report.refunds, report.tax, report.localNet]
                    == [totals.gross, totals.discounts, totals.rounding, totals.refunds, totals.tax, totals.localNet])
            #expect(report.salesCount == totals.salesCount && report.refundCount == totals.refundCount)
        }
        let voids = try store.read { db in try Int.fetchAll(db, sql: "SELECT void_lines FROM day_totals ORDER BY business_day") }
        #expect(voids == [1, 0])
    }

    @Test("day totals and completed lines cannot be deleted, so the totals cannot drift from the sales")
    func appendOnly() throws {
        let till = try Self.twoDays()
        for sql in ["DELETE FROM day_totals", "DELETE FROM sale_lines", "DELETE FROM payments", "DELETE FROM sales"] {
            #expect(throws: StoreError.self, "\(sql) was allowed") { try till.shop.store.write { db in try db.execute(sql: sql) } }
        }
        #expect(try till.shop.store.dayTotalsMismatches().isEmpty)
    }

    @Test("a shop with sales from before day_totals is backfilled when the new version opens it")
    func backfill() throws {
        let till = try Self.twoDays()
        let path = till.shop.folder.file("shop.sqlite")
        let before = try till.shop.store.reports.dailySales(from: "2026-11-01", to: "2026-11-30")
        // Take the file back to the v4 schema, as a shop written by the previous version.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // Back before v10: no savings at the cooperative's other outlets.
            try db.execute(sql: "DROP TABLE savings_hub_balances; DROP TABLE savings_hub_as_of")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v10-savings-hub-balances'")
            // Back before v9: no subsidised units counted by the hub.
            try db.execute(sql: "DROP TABLE subsidy_hub_use")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-subsidy-hub-use'")
            // Back before v8: no shared data from a cooperative hub.
            try db.execute(sql: "DROP TABLE subsidy_remote_use; DROP TABLE shared_data_versions")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-shared-data'")
            // Back before v8: sales by shift through the index on shift_id alone.
            try db.execute(sql: "DROP INDEX sales_shift_kind; CREATE INDEX sales_shift ON sales(shift_id)")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-perf-sales-shift-kind-index'")
            // Back before v8: no hub link.
            try db.execute(sql: "DROP TABLE hub_link")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-hub-link'")
            // Back before v7: no subsidised goods.
            try db.execute(sql: "DROP TABLE subsidy_sales")
            try db.execute(sql: "DROP TABLE subsidy_programmes")
            try db.execute(sql: "ALTER TABLE products DROP COLUMN subsidy")
            try db.execute(sql: "ALTER TABLE members DROP COLUMN nik")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-subsidy-programmes'")
            for trigger in [
                "sales_day_totals", "sale_lines_day_totals", "day_totals_no_delete", "sale_lines_no_delete", "payments_no_delete",
            ] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "DROP VIEW signed_sales; DROP VIEW signed_sale_lines")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-onedomain-signed-sales'")
            try db.execute(sql: "DROP TABLE day_totals")
            try db.execute(sql: "DROP TABLE member_money")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v5-day-totals', 'v6-shifts-member-money')")
            // And back before v6: sales without their own tax rate.
            try db.execute(sql: "ALTER TABLE sales DROP COLUMN ppn_rate")
            try db.execute(sql: "ALTER TABLE sales DROP COLUMN pkp")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-numbers-sale-tax-rate'")
        }
        let v4 = try DatabaseQueue(path: till.shop.folder.file("v4.sqlite"))
        try Schema.migrator.migrate(v4, upTo: "v4-local-hint-index")
        let schema = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
        let oldSchema = try v4.read { db in try Row.fetchAll(db, sql: schema) }
        #expect(try queue.read { db in try Row.fetchAll(db, sql: schema) } == oldSchema)
        try queue.close()
        try v4.close()

        let reopened = try ShopStore(path: path, clock: till.shop.clock.shopClock)
        #expect(try reopened.dayTotalsMismatches().isEmpty)
        #expect(try reopened.reports.dailySales(from: "2026-11-01", to: "2026-11-30") == before)
        #expect(before.count == 2)
    }

    @Test("on a random two-day till history, day_totals is the fold of the sales and the X reports add up to the Z report")
    func reportsUnchanged() throws {
        var till = try TillHarness()
        try till.shop.store.members.addMember(Member(number: "M2", name: "Ujang", creditLimit: Money(500_000)), actor: "t")
        till.login()
        // Single lines and whole refunds (refund, supervisor, line and quantity, pay).
        var vocabulary = [
            "KOPI-KPA", "GULA-PSR", "KOPI-DESA", "GULA-AREN", "3*MINYAKITA", "0,7*TLR-RAS", "2*KOPI-DESA", "member M1", "member M2",
            "void 1", "void 2", "qty 1 3", "disc 1 10%", "pay", "pay", "pay", "pay qris", "pay 100000", "pay debit", "pay credit",
            "park", "resume 1", "cancel", "02", "2345",
        ].map { [$0] }
        for day in ["20261129", "20261130"] {
            for number in 1...9 {
                vocabulary.append(["refund 01-\(day)-000\(number)", "02", "2345", "1 1", "2", "pay", "batal"])
            }
        }
        var random = SeededGenerator(seed: 61)
        for round in 0..<2 {
            for _ in 0..<250 {
                for line in vocabulary[random.next(upTo: vocabulary.count)] { _ = till.session.handle(line) }
            }
            for line in ["batal", "cancel", "02", "2345", "close", "0"] { _ = till.session.handle(line) }
            if round == 0 { till.shop.clock.advance(seconds: 24 * 3600) }
            till = try TillHarness.reopen(till)
            till.type("01", "1234", "50000")
        }
        let store = till.shop.store
        #expect(try store.dayTotalsMismatches().isEmpty)
        let shifts = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM shifts ORDER BY id").map(Shift.init(row:)) }
        #expect(shifts.count >= 2)
        for day in Self.days {
            let report = try store.reports.dayReport(day: try #require(BusinessDay(day)))
            #expect(report.salesCount > 5 && report.refundCount > 0 && report.voidLines > 0)
            // day_totals (the triggers' running sums of signed_sales) against ToraCore's fold.
            let kept = try #require(
                try store.read { db in try Row.fetchOne(db, sql: "SELECT * FROM day_totals WHERE business_day = ?", arguments: [day]) })
            let folded: [Int64] = [
                Int64(report.salesCount), Int64(report.refundCount), report.gross.rupiah, report.discounts.rupiah, report.rounding.rupiah,
                report.refunds.rupiah, report.tax.rupiah, report.dpp.rupiah, report.memberNet.rupiah, Int64(report.memberSalesCount),
                report.localNet.rupiah, Int64(report.voidLines),
            ]
            let columns = [
                "sales_count", "refund_count", "gross", "discounts", "rounding", "refunds", "tax", "dpp", "member_net",
                "member_sales_count",
                "local_net", "void_lines",
            ]
            #expect(columns.map { kept[$0] as Int64 } == folded, "day_totals of \(day) is not the fold of its sales")
            for list in [report.byCategory, report.byRegister, report.byCashier, report.byHour] {
                #expect(list.reduce(Int64(0)) { $0 + $1.net.rupiah } == report.net.rupiah, "a breakdown of \(day) misses the net")
            }
            // The day's shifts' X reports add up to its Z report.
            let xs = try shifts.filter { $0.businessDay == day }.map { try store.reports.shiftReport($0) }
            #expect(xs.reduce(Int64(0)) { $0 + $1.net.rupiah } == report.net.rupiah)
            #expect(xs.reduce(Int64(0)) { $0 + $1.cash.expected.rupiah } == report.cash.expected.rupiah)
        }
    }
}
