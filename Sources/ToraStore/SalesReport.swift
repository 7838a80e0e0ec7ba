import Foundation
import GRDB
import ToraCore

/// Totals of completed sales and refunds over a business day or a shift (docs/reports.md), all
/// money in whole rupiah. `net = gross − discounts − rounding − refunds`, and the
/// payments by method (change and refunds deducted) add up to `net`.
public struct SalesReport: Sendable, Hashable {
    /// A row of a breakdown (register, cashier, hour, category, product).
    public typealias Group = ReportGroup

    public struct Cash: Sendable, Hashable {
        public let openingFloat: Money
        public let expected: Money
        public let counted: Money
        public let overShort: Money
        public let openShifts: Int
    }

    public let date: String
    public let salesCount: Int
    public let refundCount: Int
    public let voidLines: Int
    public let cancelledSales: Int
    public let gross: Money
    public let discounts: Money
    public let rounding: Money
    public let refunds: Money
    public let tax: Money
    public let dpp: Money
    public let payments: [TenderMethod: Money]
    public let cash: Cash
    public let localNet: Money
    public let memberNet: Money
    public let memberSalesCount: Int
    public let byCategory: [Group]
    public let byRegister: [Group]
    public let byCashier: [Group]
    public let byHour: [Group]
    public let topProducts: [Group]
    /// The last journal entry of the business day (nil for a shift's X report or an
    /// empty journal): an anchor for `tora audit verify --anchor SEQ:HASH`.
    public var journalHead: JournalHead?
    /// Members' credit: taken and refunded by the sales, repaid apart from them.
    public var credit = Credit()
    /// Subsidised goods by programme (docs/subsidised-goods.md); the Z report's only.
    public var subsidy: [SubsidyDayLine] = []
    /// Members' savings deposited and withdrawn (not sales).
    public var savings = Savings()

    public var net: Money { ReportFigures.net(gross: gross, discounts: discounts, rounding: rounding, refunds: refunds) }

    /// local.net ÷ (gross − discounts − refunds) in tenths of a percent, round-half-up.
    public var localShareTenths: Int64 {
        ReportFigures.shareTenths(localNet, of: ReportFigures.goods(gross: gross, discounts: discounts, refunds: refunds))
    }

    /// The goods sold that are not local (never below zero), for the local/other chart.
    public var otherNet: Money {
        ReportFigures.otherThanLocal(ReportFigures.goods(gross: gross, discounts: discounts, refunds: refunds), local: localNet)
    }

    /// `37.5`: a tenths value as a plain decimal, for JSON (people read `IndonesianNumber`).
    public static func decimal(tenths: Int64) -> String {
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// `12.5`: thousandths as a plain decimal without trailing zeros, for JSON (people read
    /// `Quantity.formatted`).
    public static func decimal(thousandths: Int64) -> String {
        let sign = thousandths < 0 ? "-" : ""
        let whole = thousandths.magnitude / 1000
        var fraction = String(thousandths.magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    public var localSharePercent: String { Self.decimal(tenths: localShareTenths) }

    /// `37,5`: the local share as people read it (comma decimal mark), for text, CSV and
    /// paper; `localSharePercent` is the plain number JSON carries.
    public var localShareText: String { IndonesianNumber.format(localShareTenths, decimals: 1, minimumDecimals: 1) }

    /// The JSON of docs/reports.md.
    public var json: JSONValue {
        func groups(_ list: [Group], key: String, withQuantity: Bool, withName: Bool = false, withCount: Bool = true) -> JSONValue {
            .array(
                list.map { group in
                    var object: [String: JSONValue] = [
                        key: key == "hour" ? .int(Int64(group.key) ?? 0) : .string(group.key), "net": .int(group.net.rupiah),
                    ]
                    if withQuantity {
                        object["quantities"] = .object(
                            Dictionary(
                                uniqueKeysWithValues: group.quantityList.map {
                                    ($0.unit.rawValue, JSONValue.number(Self.decimal(thousandths: $0.quantity.thousandths)))
                                }))
                    }
                    if withName { object["name"] = .string(group.name) }
                    if withCount { object["sales_count"] = .int(Int64(group.count)) }
                    return .object(object)
                })
        }
        var top: [JSONValue] = []
        for group in topProducts {
            let (unit, quantity) = group.quantityList.first ?? (.pcs, .zero)
            top.append(
                .object([
                    "sku": .string(group.key), "name": .string(group.name),
                    "quantity": .number(Self.decimal(thousandths: quantity.thousandths)),
                    "unit": .string(unit.rawValue), "net": .int(group.net.rupiah),
                ]))
        }
        return .object([
            "date": .string(date), "sales_count": .int(Int64(salesCount)), "refund_count": .int(Int64(refundCount)),
            "void_lines": .int(Int64(voidLines)), "cancelled_sales": .int(Int64(cancelledSales)), "gross": .int(gross.rupiah),
            "discounts": .int(discounts.rupiah), "rounding": .int(rounding.rupiah), "refunds": .int(refunds.rupiah),
            "net": .int(net.rupiah),
            "tax": .int(tax.rupiah), "dpp": .int(dpp.rupiah),
            "payments": .object(
                Dictionary(uniqueKeysWithValues: TenderMethod.allCases.map { ($0.rawValue, JSONValue.int(payments[$0]?.rupiah ?? 0)) })),
            "cash": .object([
                "opening_float": .int(cash.openingFloat.rupiah), "expected": .int(cash.expected.rupiah),
                "counted": .int(cash.counted.rupiah),
                "over_short": .int(cash.overShort.rupiah), "open_shifts": .int(Int64(cash.openShifts)),
            ]),
            "local": .object(["net": .int(localNet.rupiah), "share_pct": .number(localSharePercent)]),
            "members": .object(["net": .int(memberNet.rupiah), "sales_count": .int(Int64(memberSalesCount))]),
            "by_category": groups(byCategory, key: "category", withQuantity: true, withCount: false),
            "by_register": groups(byRegister, key: "register", withQuantity: false),
            "by_cashier": groups(byCashier, key: "cashier", withQuantity: false, withName: true),
            "by_hour": groups(byHour, key: "hour", withQuantity: false),
            "top_products": .array(top),
            "journal_head": journalHead.map { .object(["seq": .int($0.seq), "hash": .string($0.hash)]) } ?? .null,
            "credit": credit.json,
            "subsidy": .array(subsidy.map(\.json)),
            "savings": savings.json,
        ])
    }
}

extension ReportQueries {
    /// The end-of-day (Z) report of a business day, all registers; today when `day` is nil.
    public func dayReport(day: BusinessDay?) throws -> SalesReport {
        try read { db in
            let date = try day ?? self.moment(db).businessDay
            var report = try Self.salesReport(date: date.text, scope: .day(date), db)
            report.journalHead = try AuditJournal.head(ofDay: date.text, db)
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
            try Self.salesReport(date: shift.businessDay, scope: .shift(shift.id), db)
        }
    }

    /// The sales report of `scope`, dated `date`.
    static func salesReport(date: String, scope: ReportScope, _ db: Database) throws -> SalesReport {
        // Two passes, one over the sales and one over their lines, folded by ToraCore's
        // `DayFold`: the day's rows are read once instead of once per figure (128 ms → see
        // docs/performance.md).
        let filter = scope.conditions.sales
        let args = scope.arguments
        var fold = DayFold()
        let sales = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.kind = 'refund', s.register, s.cashier, s.hour, s.member_number IS NOT NULL, s.gross, s.discounts, s.rounding,
                    s.total, s.tax, s.dpp
                FROM sales s WHERE \(filter)
                """, arguments: args)
        while let row = try sales.next() {
            fold.add(
                ReportSale(
                    isRefund: row[0], register: row[1], cashier: row[2], hour: row[3], isMember: row[4], gross: Money(row[5]),
                    discounts: Money(row[6]), rounding: Money(row[7]), total: Money(row[8]), tax: Money(row[9]), dpp: Money(row[10])))
        }
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
        return report
    }

    /// The drawers of the shifts of `scope`, added up by ToraCore's
    /// `DrawerTally`: each shift's `DrawerCash` from its float, the cash payments of its
    /// sales and of its refunds, and its members' money in cash; found by shift, whatever
    /// the sale's day, through the `sales_shift` index.
    static func shiftsCash(_ scope: ReportScope, _ db: Database) throws -> SalesReport.Cash {
        let shiftFilter = scope.conditions.shifts
        let args = scope.arguments
        var sales: [Int64: Int64] = [:]
        var refunds: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.shift_id, coalesce(sum(CASE WHEN s.kind = 'sale' THEN p.amount END), 0),
                    coalesce(sum(CASE WHEN s.kind = 'refund' THEN -p.amount END), 0)
                FROM sales s JOIN payments p ON p.sale_id = s.id
                WHERE s.shift_id IN (SELECT id FROM shifts WHERE \(shiftFilter)) AND p.method = 'cash'
                GROUP BY s.shift_id
                """, arguments: args)
        {
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
}
