import Foundation
import GRDB
import ToraCore

/// Totals of completed sales and refunds over a business day or a shift (SPEC §9), all
/// money in whole rupiah. `net = gross − discounts − rounding − refunds`, and the
/// payments by method (change and refunds deducted) add up to `net`.
public struct SalesReport: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public let key: String
        public let name: String
        public let count: Int
        /// Thousandths of the unit (for products and categories).
        public let quantity: Int64
        public let net: Money
    }

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
    /// Members' credit: taken and refunded by the sales, repaid apart from them.
    public var credit = Credit()

    public var net: Money { Money(gross.rupiah - discounts.rupiah - rounding.rupiah - refunds.rupiah) }

    /// local.net ÷ (gross − discounts − refunds) in tenths of a percent, round-half-up.
    public var localShareTenths: Int64 {
        let base = gross.rupiah - discounts.rupiah - refunds.rupiah
        guard base > 0 else { return 0 }
        return multipliedRoundingHalfUp(localNet.rupiah, by: 1000, dividedBy: base) ?? 0
    }

    /// `37.5`: a tenths value as a decimal text.
    public static func decimal(tenths: Int64) -> String {
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// `12.5`: thousandths as a decimal without trailing zeros.
    public static func decimal(thousandths: Int64) -> String {
        let sign = thousandths < 0 ? "-" : ""
        let whole = thousandths.magnitude / 1000
        var fraction = String(thousandths.magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    public var localSharePercent: String { Self.decimal(tenths: localShareTenths) }

    /// The JSON of SPEC §9.
    public var json: JSONValue {
        func groups(_ list: [Group], key: String, withQuantity: Bool, withName: Bool = false, withCount: Bool = true) -> JSONValue {
            .array(
                list.map { group in
                    var object: [String: JSONValue] = [
                        key: key == "hour" ? .int(Int64(group.key) ?? 0) : .string(group.key), "net": .int(group.net.rupiah),
                    ]
                    if withQuantity { object["quantity"] = .number(Self.decimal(thousandths: group.quantity)) }
                    if withName { object["name"] = .string(group.name) }
                    if withCount { object["sales_count"] = .int(Int64(group.count)) }
                    return .object(object)
                })
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
            "top_products": groups(topProducts, key: "sku", withQuantity: true, withName: true, withCount: false),
            "credit": credit.json,
        ])
    }
}

extension ShopStore {
    /// The end-of-day (Z) report of a business day, all registers; today when `day` is nil.
    public func dayReport(day: String?) throws -> SalesReport {
        try read { db in
            let date = try day ?? self.moment(db).day
            return try Self.salesReport(date: date, filter: "s.business_day = ?", argument: date, shiftFilter: "business_day = ?", db)
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
            try Self.salesReport(date: shift.businessDay, filter: "s.shift_id = ?", argument: shift.id, shiftFilter: "id = ?", db)
        }
    }

    static func salesReport(
        date: String, filter: String, argument: any DatabaseValueConvertible & Sendable, shiftFilter: String, _ db: Database
    ) throws -> SalesReport {
        // Two passes, one over the sales and one over their lines, summed here: the day's
        // rows are read once instead of once per figure (128 ms → see docs/performance.md).
        // Groups are keyed and ordered by UTF-8 bytes, as SQLite's GROUP BY and ORDER BY.
        let args: StatementArguments = [argument]
        var totals = ReportTotals()
        var registers: [BinaryText: GroupSum] = [:]
        var cashiers: [BinaryText: GroupSum] = [:]
        var hours: [Int64: GroupSum] = [:]
        let sales = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.kind = 'sale', s.register, s.cashier, s.hour, s.member_number IS NOT NULL, s.gross, s.discounts, s.rounding,
                    s.total, s.tax, s.dpp
                FROM sales s WHERE \(filter)
                """, arguments: args)
        while let row = try sales.next() {
            let isSale: Bool = row[0]
            let total: Int64 = row[8]
            let signedTotal = isSale ? total : -total
            totals.add(
                sale: isSale, member: row[4], gross: row[5], discounts: row[6], rounding: row[7], total: total, tax: row[9], dpp: row[10])
            registers[BinaryText(row[1]), default: GroupSum()].add(sale: isSale, net: signedTotal)
            cashiers[BinaryText(row[2]), default: GroupSum()].add(sale: isSale, net: signedTotal)
            hours[row[3], default: GroupSum()].add(sale: isSale, net: signedTotal)
        }
        var voidLines = 0
        var localNet: Int64 = 0
        var categories: [BinaryText: GroupSum] = [:]
        var products: [BinaryText: GroupSum] = [:]
        let lines = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.kind = 'sale', l.voided, l.local, l.quantity, l.net, l.sku, l.category, l.name
                FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter)
                """, arguments: args)
        while let row = try lines.next() {
            let isSale: Bool = row[0]
            let voided: Bool = row[1]
            let net: Int64 = isSale ? row[4] : -(row[4] as Int64)
            if voided { voidLines += 1 }
            let local: Bool = row[2]
            if local { localNet += net }
            guard !voided else { continue }
            let quantity: Int64 = isSale ? row[3] : -(row[3] as Int64)
            categories[BinaryText(row[6]), default: GroupSum()].add(quantity: quantity, net: net)
            products[BinaryText(row[5]), default: GroupSum()].add(quantity: quantity, net: net, name: row[7])
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
        let cancelled =
            filter.hasPrefix("s.business_day")
            ? try Int.fetchOne(db, sql: "SELECT count(*) FROM cancelled_sales WHERE business_day = ?", arguments: args) ?? 0 : 0
        // Expected cash is the float plus every cash payment of the shift's sales and refunds
        // (a refund's is negative) and its members' money in cash, as `shiftCash`; found by shift, whatever the sale's day,
        // and through the `sales_shift` index alone.
        var cashByShift: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.shift_id, sum(p.amount) FROM sales s JOIN payments p ON p.sale_id = s.id
                WHERE s.shift_id IN (SELECT id FROM shifts WHERE \(shiftFilter)) AND p.method = 'cash'
                GROUP BY s.shift_id
                """, arguments: args)
        {
            cashByShift[row[0]] = row[1]
        }
        for (shift, amount) in try memberMoneyCash(shiftFilter: shiftFilter, arguments: args, db) {
            cashByShift[shift, default: 0] += amount
        }
        var float: Int64 = 0
        var expected: Int64 = 0
        var counted: Int64 = 0
        var overShort: Int64 = 0
        var openShifts = 0
        for shift in try Row.fetchAll(db, sql: "SELECT * FROM shifts WHERE \(shiftFilter)", arguments: args).map(Shift.init(row:)) {
            let shiftExpected = shift.openingFloat.rupiah + (cashByShift[shift.id] ?? 0)
            float += shift.openingFloat.rupiah
            expected += shiftExpected
            if let count = shift.countedCash {
                counted += count.rupiah
                overShort += count.rupiah - shiftExpected
            } else {
                openShifts += 1
            }
        }
        var cashierGroups: [SalesReport.Group] = []
        for (key, sum) in cashiers.sorted(by: { $0.key < $1.key }) {
            let name = try String.fetchOne(db, sql: "SELECT name FROM users WHERE code = ?", arguments: [key.text]) ?? key.text
            cashierGroups.append(SalesReport.Group(key: key.text, name: name, count: sum.count, quantity: 0, net: Money(sum.net)))
        }
        // Best net first, then by key; only the first `limit`.
        func ranked(_ groups: [BinaryText: GroupSum], limit: Int = .max, withName: Bool) -> [SalesReport.Group] {
            groups.sorted { $0.value.net != $1.value.net ? $0.value.net > $1.value.net : $0.key < $1.key }.prefix(limit).map {
                SalesReport.Group(
                    key: $0.key.text, name: withName ? $0.value.name ?? "" : "", count: 0, quantity: $0.value.quantity,
                    net: Money($0.value.net))
            }
        }
        var report = SalesReport(
            date: date, salesCount: totals.salesCount, refundCount: totals.refundCount, voidLines: voidLines, cancelledSales: cancelled,
            gross: Money(totals.gross), discounts: Money(totals.discounts), rounding: Money(totals.rounding),
            refunds: Money(totals.refunds), tax: Money(totals.tax), dpp: Money(totals.dpp), payments: payments,
            cash: SalesReport.Cash(
                openingFloat: Money(float), expected: Money(expected), counted: Money(counted), overShort: Money(overShort),
                openShifts: openShifts),
            localNet: Money(localNet), memberNet: Money(totals.memberNet), memberSalesCount: totals.memberSalesCount,
            byCategory: ranked(categories, withName: false),
            byRegister: registers.sorted { $0.key < $1.key }.map {
                SalesReport.Group(key: $0.key.text, name: "", count: $0.value.count, quantity: 0, net: Money($0.value.net))
            },
            byCashier: cashierGroups,
            byHour: hours.sorted { $0.key < $1.key }.map {
                SalesReport.Group(key: String($0.key), name: "", count: $0.value.count, quantity: 0, net: Money($0.value.net))
            },
            topProducts: ranked(products, limit: 10, withName: true))
        report.credit = try creditSummary(
            filter: filter, moneyFilter: filter.hasPrefix("s.business_day") ? "business_day = ?" : "shift_id = ?", arguments: args, db)
        return report
    }
}

/// The scalar figures of a report, summed sale by sale.
private struct ReportTotals {
    var salesCount = 0
    var refundCount = 0
    var gross: Int64 = 0
    var discounts: Int64 = 0
    var rounding: Int64 = 0
    var refunds: Int64 = 0
    var tax: Int64 = 0
    var dpp: Int64 = 0
    var memberNet: Int64 = 0
    var memberSalesCount = 0

    mutating func add(sale: Bool, member: Bool, gross: Int64, discounts: Int64, rounding: Int64, total: Int64, tax: Int64, dpp: Int64) {
        if sale {
            salesCount += 1
            self.gross += gross
            self.discounts += discounts
            self.rounding += rounding
            self.tax += tax
            self.dpp += dpp
            if member {
                memberNet += total
                memberSalesCount += 1
            }
        } else {
            refundCount += 1
            refunds += total
            self.tax -= tax
            self.dpp -= dpp
            if member { memberNet -= total }
        }
    }
}

/// One group of a report being summed: sales counted, net, quantity, and the greatest
/// name by bytes (SQL's `max(name)`).
private struct GroupSum {
    var count = 0
    var quantity: Int64 = 0
    var net: Int64 = 0
    var name: String?

    mutating func add(sale: Bool, net: Int64) {
        if sale { count += 1 }
        self.net += net
    }

    mutating func add(quantity: Int64, net: Int64, name: String? = nil) {
        self.quantity += quantity
        self.net += net
        if let name, self.name.map({ compareUTF8($0, name) < 0 }) ?? true { self.name = name }
    }
}

/// Text that is equal, hashed and ordered by its UTF-8 bytes, as SQLite's BINARY
/// collation; Swift's `String` compares by Unicode canonical equivalence instead.
private struct BinaryText: Hashable, Comparable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: Self, rhs: Self) -> Bool { compareUTF8(lhs.text, rhs.text) == 0 }
    static func < (lhs: Self, rhs: Self) -> Bool { compareUTF8(lhs.text, rhs.text) < 0 }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
