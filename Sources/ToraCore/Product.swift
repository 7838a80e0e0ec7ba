/// Whether a product's price carries PPN (value-added tax) or is exempt from it.
public enum TaxClass: String, Sendable, Hashable, Codable, CaseIterable {
    case ppn
    case exempt

    public static func parse(_ text: String, field: String? = "tax") throws(CoreError) -> TaxClass {
        switch text.trimmingSpaces().lowercased() {
        case "ppn", "": return .ppn
        case "exempt", "bebas", "non-ppn", "nonppn": return .exempt
        default:
            throw CoreError(.invalidField, field: field, value: text, reason: "'\(text)' is not a tax class; use ppn or exempt")
        }
    }
}

/// A product of the catalogue (docs/catalogue-and-stock.md), as a value. Validation is `validated()`; the
/// store adds what needs the whole catalogue (unique sku, barcodes and PLU).
public struct Product: Sendable, Hashable, Codable {
    public var sku: String
    public var barcodes: [String]
    public var name: String
    public var category: String
    public var unit: MeasureUnit
    public var price: Money
    public var memberPrice: Money?
    public var cost: Money
    public var tax: TaxClass
    /// Made by a member, a UMKM of the village or the region: listed and suggested first.
    public var isLocal: Bool
    public var origin: String
    /// The UMKM that owns the goods until sold (consignment, titip jual).
    public var consignor: String?
    public var consignorPrice: Money?
    /// Five digits read from scale labels.
    public var plu: String?
    public var reorderPoint: Quantity
    public var isDiscountable: Bool
    public var isActive: Bool
    /// The code of the subsidy programme the product is sold under (LPG 3 kg, SPHP rice):
    /// its prices may not exceed the programme's HET and buyers are limited.
    public var subsidy: String?

    /// The category given to a product imported without one.
    public static let defaultCategory = "lainnya"

    public init(
        sku: String, barcodes: [String] = [], name: String, category: String = Product.defaultCategory,
        unit: MeasureUnit = .pcs, price: Money, memberPrice: Money? = nil, cost: Money = .zero,
        tax: TaxClass = .ppn, isLocal: Bool = false, origin: String = "", consignor: String? = nil,
        consignorPrice: Money? = nil, plu: String? = nil, reorderPoint: Quantity = .zero,
        isDiscountable: Bool = true, isActive: Bool = true, subsidy: String? = nil
    ) {
        self.subsidy = subsidy
        self.sku = sku
        self.barcodes = barcodes
        self.name = name
        self.category = category
        self.unit = unit
        self.price = price
        self.memberPrice = memberPrice
        self.cost = cost
        self.tax = tax
        self.isLocal = isLocal
        self.origin = origin
        self.consignor = consignor
        self.consignorPrice = consignorPrice
        self.plu = plu
        self.reorderPoint = reorderPoint
        self.isDiscountable = isDiscountable
        self.isActive = isActive
    }

    /// Every rule of a product that can be checked on its own, as a list so an importer
    /// can report them all at once. Empty means valid.
    /// Over 60 lines on purpose: one check per product rule (docs/catalogue-and-stock.md), listed to be read against it.
    public func problems() -> [CoreError] {
        var found: [CoreError] = []
        func check(_ rule: () throws(CoreError) -> Void) {
            do { try rule() } catch { found.append(error) }
        }
        check { () throws(CoreError) in try Product.validateSKU(sku) }
        var seen = Set<String>()
        for code in barcodes {
            check { () throws(CoreError) in _ = try Barcode.validate(code) }
            if !seen.insert(code).inserted {
                found.append(CoreError(.invalidBarcode, field: "barcode", value: code, reason: "'\(code)' is listed twice"))
            }
        }
        if name.trimmingSpaces().isEmpty || name.count > 120 {
            found.append(CoreError(.invalidField, field: "name", value: name, reason: "a name of 1–120 characters is required"))
        }
        found += CoreError.plainTextProblems([("name", name), ("category", category), ("origin", origin)])
        if category.trimmingSpaces().isEmpty || category.count > 60 {
            found.append(CoreError(.invalidField, field: "category", value: category, reason: "a category of 1–60 characters is required"))
        }
        for (field, amount) in [
            ("price", Optional(price)), ("member_price", memberPrice), ("cost", Optional(cost)), ("consignor_price", consignorPrice),
        ] {
            guard let amount else { continue }
            if amount.isNegative {
                found.append(CoreError(.negativeAmount, field: field, value: amount.formatted, reason: "must be zero or more"))
            }
            check { () throws(CoreError) in _ = try Money.validated(amount.rupiah, field: field) }
        }
        if let memberPrice, memberPrice > price {
            found.append(
                CoreError(
                    .invalidField, field: "member_price", value: memberPrice.formatted,
                    reason: "the member price \(memberPrice.formatted) is above the price \(price.formatted)"))
        }
        switch (consignor, consignorPrice) {
        case (nil, nil): break
        case (let code?, _?):
            if !Product.isCode(code) {
                found.append(
                    CoreError(
                        .invalidField, field: "consignor", value: code,
                        reason: "'\(code)' is not a consignor code; use 1–32 letters, digits, '-' or '_'"))
            }
        case (_?, nil):
            found.append(
                CoreError(
                    .invalidField, field: "consignor_price", reason: "a consigned product needs the consignor_price the shop pays per unit")
            )
        case (nil, _?):
            found.append(CoreError(.invalidField, field: "consignor", reason: "a consignor_price needs the consignor it is paid to"))
        }
        if let subsidy, !Product.isCode(subsidy) {
            found.append(
                CoreError(
                    .invalidField, field: "subsidy", value: subsidy,
                    reason: "'\(subsidy)' is not a programme code; use 1–32 letters, digits, '-' or '_'"))
        }
        if let plu, plu.count != 5 || !plu.allSatisfy(\.isASCIIDigit) {
            found.append(CoreError(.invalidField, field: "plu", value: plu, reason: "'\(plu)' is not a PLU; a PLU is exactly 5 digits"))
        }
        if reorderPoint.isNegative {
            found.append(
                CoreError(.invalidQuantity, field: "reorder_point", value: reorderPoint.formatted(unit), reason: "must be zero or more"))
        }
        if !unit.isMeasured && !reorderPoint.isWhole {
            found.append(
                CoreError(
                    .wholeQuantityRequired, field: "reorder_point", value: reorderPoint.formatted(unit),
                    reason: "products in pcs take whole quantities"))
        }
        return found
    }

    /// Throws the first of `problems()`, for callers that handle one product at a time.
    public func validated() throws(CoreError) -> Product {
        if let first = problems().first { throw first }
        return self
    }

    /// docs/catalogue-and-stock.md: 1–32 letters, digits, `-`, `_`.
    public static func validateSKU(_ sku: String) throws(CoreError) {
        guard isCode(sku) else {
            throw CoreError(.invalidSKU, field: "sku", value: sku, reason: "'\(sku)' is not a sku; use 1–32 letters, digits, '-' or '_'")
        }
    }

    /// 1–32 ASCII letters, digits, `-` and `_`: skus, member numbers, consignor codes.
    public static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" }
    }
}
