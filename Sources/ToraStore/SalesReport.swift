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
            let cash = try shiftCash(shift, db)
            float += shift.openingFloat.rupiah
            expected += cash.expected.rupiah
            if let count = shift.countedCash {
                counted += count.rupiah
                overShort += count.rupiah - cash.expected.rupiah
            } else {
                openShifts += 1
            }
        }
        func groups(_ sql: String) throws -> [SalesReport.Group] {
            try Row.fetchAll(db, sql: sql, arguments: args).map {
                SalesReport.Group(
                    key: Self.text(of: $0["key"]),
                    name: $0["name"] ?? "", count: $0["count"] ?? 0, quantity: $0["quantity"] ?? 0, net: Money($0["net"] ?? 0))
            }
        }
        let signedNet = "CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END"
        let signedQuantity = "CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END"
        let signedTotal = "CASE WHEN s.kind = 'sale' THEN s.total ELSE -s.total END"
        let lineFrom = "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE \(filter) AND l.voided = 0"
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
            byCategory: try groups(
                "SELECT l.category AS key, sum(\(signedQuantity)) AS quantity, sum(\(signedNet)) AS net \(lineFrom) GROUP BY l.category ORDER BY net DESC, key"
            ),
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
            topProducts: try groups(
                "SELECT l.sku AS key, max(l.name) AS name, sum(\(signedQuantity)) AS quantity, sum(\(signedNet)) AS net \(lineFrom) GROUP BY l.sku ORDER BY net DESC, key LIMIT 10"
            ))
    }
}
