import ToraCore

/// Why a journal could not be projected: the entry and what is wrong with it.
public struct JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    public let seq: Int64
    public let reason: String

    public init(seq: Int64, reason: String) {
        self.seq = seq
        self.reason = reason
    }

    public var description: String { "journal entry \(seq): \(reason)" }
}

/// What a shop's journal has said about the shop so far, as a Z report needs it: the time
/// zone of its business days, its users' names, its catalogue (name, category, unit, local)
/// and the business day of each register's open shift (docs/journal-projection.md).
public struct JournalShopState: Sendable {
    /// A product as a sold line names it.
    public struct ProductFacts: Sendable, Hashable {
        public var name: String
        public var category: String
        public var unit: MeasureUnit
        public var isLocal: Bool

        public init(name: String, category: String, unit: MeasureUnit, isLocal: Bool) {
            self.name = name
            self.category = category
            self.unit = unit
            self.isLocal = isLocal
        }
    }

    /// The setting `shop.timezone`: its default until a `settings.changed` says otherwise.
    public private(set) var timeZone = "Asia/Jakarta"
    public private(set) var userNames: [String: String] = [:]
    public private(set) var products: [String: ProductFacts] = [:]
    /// Register → business day of the shift open there.
    public private(set) var openShiftDays: [String: String] = [:]

    public init() {}

    /// The kinds `apply` reads.
    static let kinds: Set<String> = [
        "settings.changed", "user.created", "product.created", "product.changed", "shift.opened", "shift.closed",
    ]

    /// Takes the next entry of the journal (entries of other kinds change nothing), so
    /// a hub can keep the state of an outlet as its entries arrive and start a day's
    /// `DayProjection` from it instead of from the first entry.
    public mutating func apply(_ entry: AuditEntry) throws(JournalError) {
        guard Self.kinds.contains(entry.kind) else { return }
        guard let payload = JSONDocument.parse(entry.payload)?.root else {
            throw JournalError(seq: entry.seq, reason: "its payload is not JSON")
        }
        apply(entry, payload)
    }

    /// Takes one entry of a kind in `kinds`, its payload already read.
    mutating func apply(_ entry: AuditEntry, _ payload: JSONView) {
        switch entry.kind {
        case "settings.changed":
            if payload["key"]?.stringValue == "shop.timezone", let zone = payload["new"]?.stringValue { timeZone = zone }
        case "user.created":
            if let code = payload["code"]?.stringValue, let name = payload["name"]?.stringValue {
                userNames[code] = name.trimmingSpaces()
            }
        case "product.created":
            guard let sku = payload["sku"]?.stringValue else { return }
            products[sku] = ProductFacts(
                name: payload["name"]?.stringValue ?? sku, category: payload["category"]?.stringValue ?? "",
                unit: payload["unit"]?.stringValue.flatMap(MeasureUnit.init(rawValue:)) ?? .pcs,
                isLocal: payload["local"]?.boolValue == true)
        case "product.changed":
            changeProduct(payload)
        case "shift.opened":
            if let register = entry.register, let day = payload["business_day"]?.stringValue { openShiftDays[register] = day }
        case "shift.closed":
            if let register = entry.register { openShiftDays[register] = nil }
        default:
            break
        }
    }

    /// `{sku, changes: {field: [old, new]}}`; a changed sku moves the product.
    private mutating func changeProduct(_ payload: JSONView) {
        guard let sku = payload["sku"]?.stringValue, let changes = payload["changes"] else { return }
        func new(_ field: String) -> JSONView? { changes[field]?.arrayValue?.last }
        var oldSKU = sku
        if let old = changes["sku"]?.arrayValue?.first?.stringValue { oldSKU = old }
        var facts =
            products.removeValue(forKey: oldSKU) ?? products[sku] ?? ProductFacts(name: sku, category: "", unit: .pcs, isLocal: false)
        if let name = new("name")?.stringValue { facts.name = name }
        if let category = new("category")?.stringValue { facts.category = category }
        if let unit = new("unit")?.stringValue.flatMap(MeasureUnit.init(rawValue:)) { facts.unit = unit }
        if let local = new("local") { facts.isLocal = local.boolValue == true }
        products[sku] = facts
    }

    /// The facts of `sku` as the catalogue last said them; a sku never seen is its own name.
    func product(_ sku: String) -> ProductFacts {
        products[sku] ?? ProductFacts(name: sku, category: "", unit: .pcs, isLocal: false)
    }
}
