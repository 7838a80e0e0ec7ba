/// One completed sale or refund as a day's (Z) or shift's (X) report sums it.
public struct ReportSale: Sendable, Hashable {
    public var isRefund: Bool
    public var register: String
    public var cashier: String
    public var hour: Int
    public var isMember: Bool
    /// For a sale: Σ line amounts, Σ line discounts, the cash rounding forgiven.
    public var gross: Money
    public var discounts: Money
    public var rounding: Money
    /// The sale's total before rounding, or what the refund paid back.
    public var total: Money
    public var tax: Money
    public var dpp: Money

    public init(
        isRefund: Bool, register: String, cashier: String, hour: Int, isMember: Bool, gross: Money, discounts: Money, rounding: Money,
        total: Money, tax: Money, dpp: Money
    ) {
        self.isRefund = isRefund
        self.register = register
        self.cashier = cashier
        self.hour = hour
        self.isMember = isMember
        self.gross = gross
        self.discounts = discounts
        self.rounding = rounding
        self.total = total
        self.tax = tax
        self.dpp = dpp
    }

    /// What the sale adds to the day's net (gross − discounts − rounding), or the refund
    /// takes away from it (its total): so its register, cashier and hour carry its
    /// rounding and refunds, and each of those lists adds up to the net.
    public var net: Money {
        isRefund ? Money(-total.rupiah) : Money(gross.rupiah - discounts.rupiah - rounding.rupiah)
    }
}

/// One line of a completed sale or refund as the reports sum it.
public struct ReportLine: Sendable, Hashable {
    public var isRefund: Bool
    public var sku: String
    public var name: String
    public var category: String
    public var unit: MeasureUnit
    public var quantity: Quantity
    public var net: Money
    public var isVoided: Bool
    public var isLocal: Bool

    public init(
        isRefund: Bool, sku: String, name: String, category: String, unit: MeasureUnit, quantity: Quantity, net: Money, isVoided: Bool,
        isLocal: Bool
    ) {
        self.isRefund = isRefund
        self.sku = sku
        self.name = name
        self.category = category
        self.unit = unit
        self.quantity = quantity
        self.net = net
        self.isVoided = isVoided
        self.isLocal = isLocal
    }
}

/// One row of a report's breakdown: a register, cashier, hour, category or product.
public struct ReportGroup: Sendable, Hashable {
    public let key: String
    public let name: String
    /// Sales (not refunds) counted in the group; 0 for categories and products.
    public let count: Int
    /// Net quantity per unit: kilograms and pieces are never added into one figure.
    public let quantities: [MeasureUnit: Quantity]
    public let net: Money

    public init(key: String, name: String = "", count: Int = 0, quantities: [MeasureUnit: Quantity] = [:], net: Money) {
        self.key = key
        self.name = name
        self.count = count
        self.quantities = quantities
        self.net = net
    }

    /// The quantities in unit order (pcs, kg, l), for rendering.
    public var quantityList: [(unit: MeasureUnit, quantity: Quantity)] {
        MeasureUnit.allCases.compactMap { unit in quantities[unit].map { (unit, $0) } }
    }
}
