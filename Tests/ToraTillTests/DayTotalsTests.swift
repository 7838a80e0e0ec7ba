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
        let days = try store.dailySales(from: "2026-11-01", to: "2026-11-30")
        #expect(days.map(\.date) == Self.days)
        #expect(days.map(\.salesCount) == [2, 2] && days.map(\.refundCount) == [1, 1])
        // Day 1 local: 2 × 30.000 − 5% = 57.000, half refunded; the voided GULA-AREN not at all.
        // Day 2 local: GULA-AREN 18.000 − 5% = 17.100.
        #expect(days.map(\.localNet) == [Money(28_500), Money(17_100)])
        for (day, totals) in zip(Self.days, days) {
            let report = try store.dayReport(day: day)
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
        let before = try till.shop.store.dailySales(from: "2026-11-01", to: "2026-11-30")
        // Take the file back to the v4 schema, as a shop written by the previous version.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for trigger in [
                "sales_day_totals", "sale_lines_day_totals", "day_totals_no_delete", "sale_lines_no_delete", "payments_no_delete",
            ] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
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
        #expect(try reopened.dailySales(from: "2026-11-01", to: "2026-11-30") == before)
        #expect(before.count == 2)
    }

    @Test("the Z and X reports equal the former query-per-figure reports on a random two-day till history")
    func reportsUnchanged() throws {
        var till = try TillHarness()
        try till.shop.store.addMember(Member(number: "M2", name: "Ujang", creditLimit: Money(500_000)), actor: "t")
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
            let report = try store.dayReport(day: day)
            #expect(report.salesCount > 5 && report.refundCount > 0 && report.voidLines > 0)
            let expected = try store.read { db in
                var report = try Legacy.salesReport(
                    date: day, filter: "s.business_day = ?", argument: day, shiftFilter: "business_day = ?", db)
                report.journalHead = try AuditJournal.head(ofDay: day, db)
                return report
            }
            #expect(report == expected, "the Z report of \(day) changed")
            for list in [report.byCategory, report.byRegister, report.byCashier, report.byHour] {
                #expect(list.reduce(Int64(0)) { $0 + $1.net.rupiah } == report.net.rupiah, "a breakdown of \(day) misses the net")
            }
        }
        for shift in shifts {
            let expected = try store.read { db in
                try Legacy.salesReport(date: shift.businessDay, filter: "s.shift_id = ?", argument: shift.id, shiftFilter: "id = ?", db)
            }
            #expect(try store.shiftReport(shift) == expected, "the X report of shift \(shift.id) changed")
        }
    }
}

/// The reports as they were computed before `day_totals` and the one-pass report: one
/// query per figure, straight from the sales and their lines.
enum Legacy {
    static func salesReport(
        date: String, filter: String, argument: any DatabaseValueConvertible & Sendable, shiftFilter: String, _ db: Database
    ) throws -> SalesReport {
        let args: StatementArguments = [argument]
        let totals = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    count(CASE WHEN kind = 'sale' THEN 1 END) AS sales_count,
                    count(CASE WHEN kind = 'refund' THEN 1 END) AS refund_count,
                    coalesce(sum(CASE WHEN kind = 'sale' THEN gross END), 0) AS gross,
                    coalesce(sum(CASE WHEN kind = 'sale' THEN discounts END), 0) AS discounts,
                    coalesce(sum(CASE WHEN kind = 'sale' THEN rounding END), 0) AS rounding,
                    coalesce(sum(CASE WHEN kind = 'refund' THEN total END), 0) AS refunds,
                    coalesce(sum(CASE WHEN kind = 'sale' THEN tax ELSE -tax END), 0) AS tax,
                    coalesce(sum(CASE WHEN kind = 'sale' THEN dpp ELSE -dpp END), 0) AS dpp,
                    coalesce(sum(CASE WHEN member_number IS NOT NULL THEN (CASE WHEN kind = 'sale' THEN total ELSE -total END) END), 0) AS member_net,
                    count(CASE WHEN member_number IS NOT NULL AND kind = 'sale' THEN 1 END) AS member_sales
                FROM sales s WHERE \(filter)
                """, arguments: args)
        let lineTotals = try Row.fetchOne(
            db,
            sql: """
                SELECT count(CASE WHEN l.voided = 1 THEN 1 END) AS void_lines,
                    coalesce(sum(CASE WHEN l.local = 1 THEN (CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END) END), 0) AS local_net
                FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter)
                """, arguments: args)
        var payments: [TenderMethod: Money] = [:]
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT p.method, sum(p.amount) AS amount FROM payments p JOIN sales s ON s.id = p.sale_id WHERE \(filter) GROUP BY p.method",
            arguments: args)
        {
            if let method = TenderMethod(rawValue: row["method"]) { payments[method] = Money(row["amount"]) }
        }
        let cancelled =
            filter.hasPrefix("s.business_day")
            ? try Int.fetchOne(db, sql: "SELECT count(*) FROM cancelled_sales WHERE business_day = ?", arguments: args) ?? 0 : 0
        var float: Int64 = 0
        var expected: Int64 = 0
        var counted: Int64 = 0
        var overShort: Int64 = 0
        var openShifts = 0
        for shift in try Row.fetchAll(db, sql: "SELECT * FROM shifts WHERE \(shiftFilter)", arguments: args).map(Shift.init(row:)) {
            let cash = try ShopStore.shiftCash(shift, db)
            float += shift.openingFloat.rupiah
            expected += cash.expected.rupiah
            if let count = shift.countedCash {
                counted += count.rupiah
                overShort += count.rupiah - cash.expected.rupiah
            } else {
                openShifts += 1
            }
        }
        let signedNet = "CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END"
        let signedQuantity = "CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END"
        // A sale adds what was kept (its total less the cash rounding); a refund takes its total away.
        let signedTotal = "CASE WHEN s.kind = 'sale' THEN s.total - s.rounding ELSE -s.total END"
        let lineFrom = "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter) AND l.voided = 0"
        func groups(_ sql: String) throws -> [SalesReport.Group] {
            try Row.fetchAll(db, sql: sql, arguments: args).map {
                SalesReport.Group(
                    key: ShopStore.text(of: $0["key"]), name: $0["name"] ?? "", count: $0["count"] ?? 0, net: Money($0["net"] ?? 0))
            }
        }
        /// Net and quantity per unit of each key, best net first; at most `limit`.
        func unitGroups(_ key: String, limit: Int) throws -> [SalesReport.Group] {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS key, max(l.name) AS name, l.unit, sum(\(signedQuantity)) AS quantity, sum(\(signedNet)) AS net
                    \(lineFrom) GROUP BY \(key), l.unit
                    """, arguments: args)
            var sums: [String: (name: String, net: Int64, quantities: [MeasureUnit: Quantity])] = [:]
            for row in rows {
                let key = ShopStore.text(of: row["key"])
                let unit = MeasureUnit(rawValue: row["unit"]) ?? .pcs
                var sum = sums[key] ?? ("", 0, [:])
                sum.name = max(sum.name, row["name"] as String)
                sum.net += row["net"] as Int64
                sum.quantities[unit] = Quantity(thousandths: row["quantity"])
                sums[key] = sum
            }
            return sums.sorted { $0.value.net != $1.value.net ? $0.value.net > $1.value.net : $0.key < $1.key }.prefix(limit).map {
                SalesReport.Group(
                    key: $0.key, name: key == "l.sku" ? $0.value.name : "", quantities: $0.value.quantities, net: Money($0.value.net))
            }
        }
        var categories = try unitGroups("l.category", limit: .max)
        let rounding: Int64 = totals?["rounding"] ?? 0
        if rounding != 0 { categories.append(SalesReport.Group(key: "rounding", net: Money(-rounding))) }
        return SalesReport(
            date: date, salesCount: totals?["sales_count"] ?? 0, refundCount: totals?["refund_count"] ?? 0,
            voidLines: lineTotals?["void_lines"] ?? 0, cancelledSales: cancelled, gross: Money(totals?["gross"] ?? 0),
            discounts: Money(totals?["discounts"] ?? 0), rounding: Money(totals?["rounding"] ?? 0), refunds: Money(totals?["refunds"] ?? 0),
            tax: Money(totals?["tax"] ?? 0), dpp: Money(totals?["dpp"] ?? 0), payments: payments,
            cash: SalesReport.Cash(
                openingFloat: Money(float), expected: Money(expected), counted: Money(counted), overShort: Money(overShort),
                openShifts: openShifts),
            localNet: Money(lineTotals?["local_net"] ?? 0), memberNet: Money(totals?["member_net"] ?? 0),
            memberSalesCount: totals?["member_sales"] ?? 0,
            byCategory: categories,
            byRegister: try groups(
                "SELECT s.register AS key, count(CASE WHEN s.kind = 'sale' THEN 1 END) AS count, sum(\(signedTotal)) AS net FROM sales s WHERE \(filter) GROUP BY s.register ORDER BY key"
            ),
            byCashier: try groups(
                """
                SELECT s.cashier AS key, coalesce(u.name, s.cashier) AS name, count(CASE WHEN s.kind = 'sale' THEN 1 END) AS count,
                    sum(\(signedTotal)) AS net
                FROM sales s LEFT JOIN users u ON u.code = s.cashier WHERE \(filter) GROUP BY s.cashier ORDER BY key
                """),
            byHour: try groups(
                "SELECT s.hour AS key, count(CASE WHEN s.kind = 'sale' THEN 1 END) AS count, sum(\(signedTotal)) AS net FROM sales s WHERE \(filter) GROUP BY s.hour ORDER BY s.hour"
            ),
            topProducts: try unitGroups("l.sku", limit: 10))
    }
}
