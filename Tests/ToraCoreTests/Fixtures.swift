import Testing

@testable import ToraCore

/// The error a refused call threw, or nil when it did not throw.
///
/// `#expect(refusal { try Money.parse("12.50") }?.code == .decimalMoney)` reads as the rule.
func refusal<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> CoreError? {
    do {
        _ = try body()
        return nil
    } catch let error as CoreError {
        return error
    } catch {
        Issue.record("threw \(error), which is not a CoreError", sourceLocation: sourceLocation)
        return nil
    }
}

/// A small village shop catalogue. Every price is written here once, and every expected
/// number in the tests is worked out by hand from these prices and docs/pricing.md.
enum Shop {
    /// Non-local, discountable, ppn. A real UPC-A code (check digit worked out in BarcodeTests).
    static let mie = Product(
        sku: "MIE-GORENG", barcodes: ["089686010947"], name: "Indomie Goreng", category: "mie", price: Money(3_500))
    /// Non-local, discountable, ppn, with a member price.
    static let minyak = Product(
        sku: "MINYAK-2L", name: "Minyak Goreng 2 L", category: "minyak", price: Money(38_900), memberPrice: Money(37_500))
    /// Local (made by a member), discountable, ppn, with a member price.
    static let kopi = Product(
        sku: "KOPI-DESA", name: "Kopi Bubuk Desa 250 g", category: "kopi", price: Money(48_000), memberPrice: Money(45_000),
        isLocal: true, origin: "Kelompok Tani Sumber Rejeki")
    /// Local, discountable, ppn, no member price.
    static let gulaAren = Product(
        sku: "GULA-AREN", name: "Gula Aren 500 g", category: "gula", price: Money(25_000), isLocal: true, origin: "Bu Narti, RT 03")
    /// Non-local, discountable, ppn.
    static let teh = Product(sku: "TEH-CELUP", name: "Teh Celup 25", category: "minuman", price: Money(3_000))
    /// Non-local, discountable, ppn.
    static let permen = Product(sku: "PERMEN", name: "Permen Jahe", category: "jajan", price: Money(3_050))
    /// Not discountable (cigarettes), ppn.
    static let rokok = Product(sku: "ROKOK-16", name: "Rokok Kretek 16", category: "rokok", price: Money(33_000), isDiscountable: false)
    /// Weighed, exempt from PPN (basic food).
    static let telur = Product(sku: "TELUR-KG", name: "Telur Ayam", category: "telur", unit: .kg, price: Money(28_000), tax: .exempt)
    /// Weighed at the scale, PLU 12345, exempt.
    static let beras = Product(
        sku: "BERAS-CURAH", name: "Beras Curah", category: "beras", unit: .kg, price: Money(12_999), tax: .exempt, isLocal: true,
        plu: "12345")

    /// A member of the default tier `anggota`: 2% off non-local, 5% off local products.
    static let siti = SaleMember(number: "A-0042", name: "Siti Rahma", tier: .defaultTier)

    static let plain = PricingRules()
    static let pkp = PricingRules(isPKP: true)
}

extension Sale {
    /// The sale with `count` whole pieces (or units) of `product` added as the next line.
    func adding(_ product: Product, _ count: Int64 = 1) throws(CoreError) -> Sale {
        try adding(SaleItem(product), quantity: Quantity(whole: count))
    }

    /// The sale with `thousandths` of a kg or l of `product` added as the next line.
    func adding(_ product: Product, thousandths: Int64) throws(CoreError) -> Sale {
        try adding(SaleItem(product), quantity: Quantity(thousandths: thousandths))
    }
}
