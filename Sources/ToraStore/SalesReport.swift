import Foundation
import GRDB
import ToraCore

extension ReportQueries {
    /// The end-of-day (Z) report of a business day, all registers; today when `day` is nil.
    public func dayReport(day: BusinessDay?) throws -> SalesReport {
        try read { db in
            let date = try day ?? self.moment(db).businessDay
            var (report, lastSaleSeq) = try Self.salesReport(date: date.text, scope: .day(date), db)
            report.journalHead = try AuditJournal.head(ofDay: date.text, lastSaleSeq: lastSaleSeq, db)
            report.subsidy = try SubsidyStore.subsidyDay(date.text, db)
            return report
        }
    }

    static func text(of value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        default: return ""
        }
    }

    /// The report of one shift so far (the X report).
    public func shiftReport(_ shift: Shift) throws -> SalesReport {
        try read { db in
            try Self.salesReport(date: shift.businessDay, scope: .shift(shift.id), db).report
        }
    }

    /// The sales report of `scope`, dated `date`, and the greatest journal entry of those
    /// sales (`max(audit_seq)`), read in the same pass for the Z report's journal head.
    static func salesReport(date: String, scope: ReportScope, _ db: Database) throws -> (report: SalesReport, lastSaleSeq: Int64?) {
        // Two passes, one over the sales and one over their lines, folded by ToraCore's
        // `DayFold`: the day's rows are read once instead of once per figure (128 ms → see
        // docs/performance.md).
        let filter = scope.conditions.sales
        let args = scope.arguments
        var fold = DayFold()
        let lastSaleSeq = try foldSales(filter: filter, args, into: &fold, db)
        let lines = try SaleLineRecord.fetchCursor(
            db,
            sql: "SELECT \(SaleLineRecord.selection) FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter)",
            arguments: args)
        while let record = try lines.next() { fold.add(record.reportLine) }
        let payments = try MemberStore.byMethod(
            db,
            sql:
                "SELECT p.method AS key, sum(p.amount) AS total FROM payments p JOIN sales s ON s.id = p.sale_id WHERE \(filter) GROUP BY p.method",
            arguments: args)
        var cancelled = 0
        if case .day = scope {
            cancelled = try Int.fetchOne(db, sql: "SELECT count(*) FROM cancelled_sales WHERE business_day = ?", arguments: args) ?? 0
        }
        let cash = try shiftsCash(scope, db)
        let cashiers = try fold.byCashier { code in
            try String.fetchOne(db, sql: "SELECT name FROM users WHERE code = ?", arguments: [code]) ?? code
        }
        var report = SalesReport(
            date: date, salesCount: fold.salesCount, refundCount: fold.refundCount, voidLines: fold.voidLines, cancelledSales: cancelled,
            gross: Money(fold.gross), discounts: Money(fold.discounts), rounding: Money(fold.rounding),
            refunds: Money(fold.refunds), tax: Money(fold.tax), dpp: Money(fold.dpp), payments: payments, cash: cash,
            localNet: Money(fold.localNet), memberNet: Money(fold.memberNet), memberSalesCount: fold.memberSalesCount,
            byCategory: fold.byCategory(), byRegister: fold.byRegister(), byCashier: cashiers, byHour: fold.byHour(),
            topProducts: fold.topProducts(limit: 10))
        report.credit = try MemberStore.creditSummary(scope, db)
        report.savings = try MemberStore.savingsSummary(scope, db)
        return (report, lastSaleSeq)
    }

    /// Folds the sales `filter` selects into `fold`; returns their greatest `audit_seq`
    /// (nil when there are none), as `SELECT max(audit_seq)` over the same rows would.
    static func foldSales(filter: String, _ args: StatementArguments, into fold: inout DayFold, _ db: Database) throws -> Int64? {
        var lastSaleSeq: Int64?
        let sales = try ReportSaleRecord.fetchCursor(
            db, sql: "SELECT \(ReportSaleRecord.selection) FROM sales s WHERE \(filter)", arguments: args)
        while let record = try sales.next() {
            fold.add(record.sale)
            lastSaleSeq = max(lastSaleSeq ?? record.auditSeq, record.auditSeq)
        }
        return lastSaleSeq
    }

    /// The drawers of the shifts of `scope`, added up by ToraCore's
    /// `DrawerTally`: each shift's `DrawerCash` from its float, the cash payments of its
    /// sales and of its refunds, and its members' money in cash; found by shift, whatever
    /// the sale's day, through the `sales_shift_kind` index alone (no sales row is read).
    static func shiftsCash(_ scope: ReportScope, _ db: Database) throws -> SalesReport.Cash {
        let shiftFilter = scope.conditions.shifts
        let args = scope.arguments
        var sales: [Int64: Int64] = [:]
        var refunds: [Int64: Int64] = [:]
        for record in try ShiftCashRecord.fetchAll(db, sql: shiftsCashSQL(shiftFilter: shiftFilter), arguments: args) {
            sales[record.shiftID] = record.cashSales
            refunds[record.shiftID] = record.cashRefunds
        }
        let memberMoney = try MemberStore.memberMoneyCash(scope, db)
        var tally = DrawerTally()
        for shift in try Shift.fetchAll(db, sql: "SELECT * FROM shifts WHERE \(shiftFilter)", arguments: args) {
            let drawer = DrawerCash(
                openingFloat: shift.openingFloat, cashSales: Money(sales[shift.id] ?? 0), cashRefunds: Money(refunds[shift.id] ?? 0),
                memberMoney: Money(memberMoney[shift.id] ?? 0))
            tally.add(drawer, counted: shift.countedCash)
        }
        return SalesReport.Cash(
            openingFloat: tally.openingFloat, expected: tally.expected, counted: tally.counted, overShort: tally.overShort,
            openShifts: tally.openShifts)
    }

    /// Cash payments of the sales and of the refunds of each shift `shiftFilter` selects.
    static func shiftsCashSQL(shiftFilter: String) -> String {
        """
        SELECT s.shift_id, coalesce(sum(CASE WHEN s.kind = 'sale' THEN p.amount END), 0) AS cash_sales,
            coalesce(sum(CASE WHEN s.kind = 'refund' THEN -p.amount END), 0) AS cash_refunds
        FROM sales s JOIN payments p ON p.sale_id = s.id
        WHERE s.shift_id IN (SELECT id FROM shifts WHERE \(shiftFilter)) AND p.method = 'cash'
        GROUP BY s.shift_id
        """
    }
}
