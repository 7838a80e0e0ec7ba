/// Totals of completed sales and refunds over a business day or a shift (docs/reports.md), all
/// money in whole rupiah. `net = gross − discounts − rounding − refunds`, and the
/// payments by method (change and refunds deducted) add up to `net`. A pure value with its
/// JSON, so the shop's store and the hub's projection of the journal
/// (docs/journal-projection.md) give and render the same report.
public struct SalesReport: Sendable, Hashable {
    /// A row of a breakdown (register, cashier, hour, category, product).
    public typealias Group = ReportGroup

    public struct Cash: Sendable, Hashable {
        public let openingFloat: Money
        public let expected: Money
        public let counted: Money
        public let overShort: Money
        public let openShifts: Int

        public init(openingFloat: Money, expected: Money, counted: Money, overShort: Money, openShifts: Int) {
            self.openingFloat = openingFloat
            self.expected = expected
            self.counted = counted
            self.overShort = overShort
            self.openShifts = openShifts
        }
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

    public init(
        date: String, salesCount: Int, refundCount: Int, voidLines: Int, cancelledSales: Int, gross: Money, discounts: Money,
        rounding: Money, refunds: Money, tax: Money, dpp: Money, payments: [TenderMethod: Money], cash: Cash, localNet: Money,
        memberNet: Money, memberSalesCount: Int, byCategory: [Group], byRegister: [Group], byCashier: [Group], byHour: [Group],
        topProducts: [Group], journalHead: JournalHead? = nil, credit: Credit = Credit(), subsidy: [SubsidyDayLine] = [],
        savings: Savings = Savings()
    ) {
        self.date = date
        self.salesCount = salesCount
        self.refundCount = refundCount
        self.voidLines = voidLines
        self.cancelledSales = cancelledSales
        self.gross = gross
        self.discounts = discounts
        self.rounding = rounding
        self.refunds = refunds
        self.tax = tax
        self.dpp = dpp
        self.payments = payments
        self.cash = cash
        self.localNet = localNet
        self.memberNet = memberNet
        self.memberSalesCount = memberSalesCount
        self.byCategory = byCategory
        self.byRegister = byRegister
        self.byCashier = byCashier
        self.byHour = byHour
        self.topProducts = topProducts
        self.journalHead = journalHead
        self.credit = credit
        self.subsidy = subsidy
        self.savings = savings
    }

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
