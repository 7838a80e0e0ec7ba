/// One product in the products report: sold net of refunds, at what cost.
public struct ProductSales: Sendable, Hashable {
    public let sku: String
    public let name: String
    public let category: String
    public let unit: MeasureUnit
    public let isLocal: Bool
    public let quantity: Quantity
    public let net: Money
    /// Σ over lines of round-half-up(quantity × the cost recorded on the line when it was sold).
    public let cost: Money
    public var margin: Money { ReportFigures.margin(net: net, cost: cost) }
}

/// One sold or refunded line, as the products report folds it.
public struct ProductLine: Sendable, Hashable {
    public let isRefund: Bool
    public let sku: String
    public let name: String
    public let category: String
    public let unit: MeasureUnit
    public let isLocal: Bool
    public let quantity: Quantity
    public let net: Money
    /// The product's cost per unit when the line was sold.
    public let unitCost: Money

    public init(
        isRefund: Bool, sku: String, name: String, category: String, unit: MeasureUnit, isLocal: Bool, quantity: Quantity, net: Money,
        unitCost: Money
    ) {
        self.isRefund = isRefund
        self.sku = sku
        self.name = name
        self.category = category
        self.unit = unit
        self.isLocal = isLocal
        self.quantity = quantity
        self.net = net
        self.unitCost = unitCost
    }
}

/// The products report as a fold over the period's non-voided lines: per sku, quantity,
/// net and cost with refunds negative; name, category and unit are the greatest seen
/// (byte order), so a renamed product shows one row.
public struct ProductTally: Sendable {
    private var rows: [String: Row] = [:]

    private struct Row {
        var name = "", category = "", unit = "", isLocal = false
        var quantity: Int64 = 0, net: Int64 = 0, cost: Int64 = 0
    }

    public init() {}

    public mutating func add(_ line: ProductLine) {
        let sign: Int64 = line.isRefund ? -1 : 1
        var row = rows[line.sku] ?? Row()
        row.name = Self.greatest(row.name, line.name)
        row.category = Self.greatest(row.category, line.category)
        row.unit = Self.greatest(row.unit, line.unit.rawValue)
        row.isLocal = row.isLocal || line.isLocal
        row.quantity += sign * line.quantity.thousandths
        row.net += sign * line.net.rupiah
        row.cost += sign * ReportFigures.lineCost(quantity: line.quantity, unitCost: line.unitCost).rupiah
        rows[line.sku] = row
    }

    /// Best net first, then by sku (byte order).
    public func products() -> [ProductSales] {
        rows.map { sku, row in
            ProductSales(
                sku: sku, name: row.name, category: row.category, unit: MeasureUnit(rawValue: row.unit) ?? .pcs, isLocal: row.isLocal,
                quantity: Quantity(thousandths: row.quantity), net: Money(row.net), cost: Money(row.cost))
        }
        .sorted { $0.net != $1.net ? $0.net > $1.net : $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) }
    }

    private static func greatest(_ lhs: String, _ rhs: String) -> String {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? rhs : lhs
    }
}
