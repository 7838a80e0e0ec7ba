/// The cooperative's shared data as one numbered version (docs/shared-data.md): what the
/// hub sends down to every outlet of the cooperative. A shop applies a version whole or
/// not at all, and keeps what the cooperative does not set: its own products, and its own
/// value of every field a shared entry leaves out.
public struct CooperativeData: Sendable, Hashable, Codable {
    /// Numbered from 1 by the hub; a shop applies only a newer version than its last.
    public var version: Int64
    public var cooperative: String
    public var products: [SharedProduct]
    public var tiers: [Tier]
    public var programmes: [SubsidyProgramme]
    public var members: [SharedMember]
    /// Subsidised units sold to each buyer at the cooperative's other outlets, so a
    /// buyer's limit holds across outlets as far as the last sync.
    public var subsidyUse: [SubsidyUse]

    public init(
        version: Int64, cooperative: String, products: [SharedProduct] = [], tiers: [Tier] = [],
        programmes: [SubsidyProgramme] = [], members: [SharedMember] = [], subsidyUse: [SubsidyUse] = []
    ) {
        self.version = version
        self.cooperative = cooperative
        self.products = products
        self.tiers = tiers
        self.programmes = programmes
        self.members = members
        self.subsidyUse = subsidyUse
    }
}

/// A catalogue entry the cooperative sets: a field left nil keeps the shop's own value
/// (or the default, for a product new to the shop).
public struct SharedProduct: Sendable, Hashable, Codable {
    public var sku: String
    public var name: String?
    public var category: String?
    public var unit: MeasureUnit?
    public var price: Money?
    public var memberPrice: Money?
    public var barcodes: [String]?
    public var tax: TaxClass?
    public var isLocal: Bool?
    public var origin: String?
    public var subsidy: String?
    public var isActive: Bool?

    public init(
        sku: String, name: String? = nil, category: String? = nil, unit: MeasureUnit? = nil, price: Money? = nil,
        memberPrice: Money? = nil, barcodes: [String]? = nil, tax: TaxClass? = nil, isLocal: Bool? = nil, origin: String? = nil,
        subsidy: String? = nil, isActive: Bool? = nil
    ) {
        self.sku = sku
        self.name = name
        self.category = category
        self.unit = unit
        self.price = price
        self.memberPrice = memberPrice
        self.barcodes = barcodes
        self.tax = tax
        self.isLocal = isLocal
        self.origin = origin
        self.subsidy = subsidy
        self.isActive = isActive
    }

    /// `product` with every field this entry sets.
    func applied(to product: Product) -> Product {
        var result = product
        if let name { result.name = name }
        if let category { result.category = category }
        if let unit { result.unit = unit }
        if let price { result.price = price }
        if let memberPrice { result.memberPrice = memberPrice }
        if let barcodes { result.barcodes = barcodes }
        if let tax { result.tax = tax }
        if let isLocal { result.isLocal = isLocal }
        if let origin { result.origin = origin }
        if let subsidy { result.subsidy = subsidy.isEmpty ? nil : subsidy }
        if let isActive { result.isActive = isActive }
        return result
    }
}

/// A member as the cooperative knows them; nil fields keep the shop's values.
public struct SharedMember: Sendable, Hashable, Codable {
    public var number: String
    public var name: String
    public var tier: String?
    public var nik: String?
    public var phone: String?
    public var creditLimit: Money?

    public init(number: String, name: String, tier: String? = nil, nik: String? = nil, phone: String? = nil, creditLimit: Money? = nil) {
        self.number = number
        self.name = name
        self.tier = tier
        self.nik = nik
        self.phone = phone
        self.creditLimit = creditLimit
    }

    func applied(to member: Member) -> Member {
        var result = member
        result.name = name
        if let tier { result.tier = tier }
        if let nik { result.nik = nik.isEmpty ? nil : nik }
        if let phone { result.phone = phone.isEmpty ? nil : phone }
        if let creditLimit { result.creditLimit = creditLimit }
        return result
    }
}

/// Units of one programme sold to one buyer on one business day at other outlets.
public struct SubsidyUse: Sendable, Hashable, Codable {
    public var programme: String
    public var nik: String
    public var day: String
    public var units: Quantity

    public init(programme: String, nik: String, day: String, units: Quantity) {
        self.programme = programme
        self.nik = nik
        self.day = day
        self.units = units
    }
}
