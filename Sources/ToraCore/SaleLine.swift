/// What a sale keeps of a product: the facts pricing, receipts and reports need, frozen
/// at the moment it was scanned so a later catalogue change does not reprice the sale.
public struct SaleItem: Sendable, Hashable, Codable {
    public var sku: String
    public var name: String
    public var category: String
    public var unit: MeasureUnit
    public var price: Money
    public var memberPrice: Money?
    public var cost: Money
    public var tax: TaxClass
    public var isLocal: Bool
    public var isDiscountable: Bool
    public var consignor: String?
    public var consignorPrice: Money?
    /// The shop database's row id of the product, when the item came from there: the
    /// store checks it against the sku instead of looking the sku up again.
    public var productID: Int64?
    /// The subsidy programme of the product when it was scanned, if any.
    public var subsidy: String?

    public init(_ product: Product, productID: Int64? = nil) {
        self.productID = productID
        sku = product.sku
        name = product.name
        category = product.category
        unit = product.unit
        price = product.price
        memberPrice = product.memberPrice
        cost = product.cost
        tax = product.tax
        isLocal = product.isLocal
        isDiscountable = product.isDiscountable
        consignor = product.consignor
        consignorPrice = product.consignorPrice
        subsidy = product.subsidy
    }
}

/// A discount a supervisor gives on one line; it replaces the member's tier discount.
public enum ManualDiscount: Sendable, Hashable, Codable {
    case percent(Int64)
    case amount(Money)
}

/// One line of a sale. Its number never changes: a voided line keeps it (docs/till-grammar.md).
public struct SaleLine: Sendable, Hashable, Codable {
    public let number: Int
    public let item: SaleItem
    public internal(set) var quantity: Quantity
    /// A supervisor's price for this line, replacing price and member price.
    public internal(set) var priceOverride: Money?
    /// The amount printed on a price-embedded scale label (`22…`): the line costs this.
    public internal(set) var fixedAmount: Money?
    public internal(set) var manualDiscount: ManualDiscount?
    public internal(set) var isVoided: Bool

    public init(number: Int, item: SaleItem, quantity: Quantity, fixedAmount: Money? = nil) {
        self.number = number
        self.item = item
        self.quantity = quantity
        self.fixedAmount = fixedAmount
        self.priceOverride = nil
        self.manualDiscount = nil
        self.isVoided = false
    }
}

/// The member attached to a sale, with the tier whose discounts apply.
public struct SaleMember: Sendable, Hashable, Codable {
    public var number: String
    public var name: String
    public var tier: Tier

    public init(number: String, name: String, tier: Tier) {
        self.number = number
        self.name = name
        self.tier = tier
    }
}
