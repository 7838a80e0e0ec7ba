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
        let lines = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.kind = 'refund', l.voided, l.local, l.quantity, l.net, l.sku, l.category, l.name, l.unit
                FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter)
                """, arguments: args)
        while let row = try lines.next() {
            fold.add(
                ReportLine(
                    isRefund: row[0], sku: row[5], name: row[7], category: row[6], unit: MeasureUnit(rawValue: row[8]) ?? .pcs,
                    quantity: Quantity(thousandths: row[3]), net: Money(row[4]), isVoided: row[1], isLocal: row[2]))
        }
        var payments: [TenderMethod: Money] = [:]
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT p.method, sum(p.amount) AS amount FROM payments p JOIN sales s ON s.id = p.sale_id WHERE \(filter) GROUP BY p.method",
            arguments: args)
        {
            if let method = TenderMethod(rawValue: row["method"]) { payments[method] = Money(row["amount"]) }
        }
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
        let sales = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.kind = 'refund', s.register, s.cashier, s.hour, s.member_number IS NOT NULL, s.gross, s.discounts, s.rounding,
                    s.total, s.tax, s.dpp, s.audit_seq
                FROM sales s WHERE \(filter)
                """, arguments: args)
        while let row = try sales.next() {
            fold.add(
                ReportSale(
                    isRefund: row[0], register: row[1], cashier: row[2], hour: row[3], isMember: row[4], gross: Money(row[5]),
                    discounts: Money(row[6]), rounding: Money(row[7]), total: Money(row[8]), tax: Money(row[9]), dpp: Money(row[10])))
            let seq: Int64 = row[11]
            lastSaleSeq = max(lastSaleSeq ?? seq, seq)
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
        for row in try Row.fetchAll(db, sql: shiftsCashSQL(shiftFilter: shiftFilter), arguments: args) {
            sales[row[0]] = row[1]
            refunds[row[0]] = row[2]
        }
        let memberMoney = try MemberStore.memberMoneyCash(scope, db)
        var tally = DrawerTally()
        for shift in try Row.fetchAll(db, sql: "SELECT * FROM shifts WHERE \(shiftFilter)", arguments: args).map(Shift.init(row:)) {
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
        SELECT s.shift_id, coalesce(sum(CASE WHEN s.kind = 'sale' THEN p.amount END), 0),
            coalesce(sum(CASE WHEN s.kind = 'refund' THEN -p.amount END), 0)
        FROM sales s JOIN payments p ON p.sale_id = s.id
        WHERE s.shift_id IN (SELECT id FROM shifts WHERE \(shiftFilter)) AND p.method = 'cash'
        GROUP BY s.shift_id
        """
    }
}
