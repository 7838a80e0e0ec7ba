import Testing

@testable import ToraCore

@Suite("Product validation (docs/catalogue-and-stock.md)")
struct ProductValidationTests {
    static let valid = Product(
        sku: "KOPI-DESA_250", barcodes: ["8992388101016", "96385074", "036000291452", "TS-0001"], name: "Kopi Bubuk Desa",
        category: "kopi", price: Money(48_000), memberPrice: Money(45_000), cost: Money(40_000), isLocal: true,
        consignor: "UMKM-SRI", consignorPrice: Money(38_000), plu: "01234", reorderPoint: Quantity(whole: 5))

    func codes(_ product: Product) -> [CoreError.Code] { product.problems().map(\.code) }
    func fields(_ product: Product) -> [String?] { product.problems().map(\.field) }

    @Test("the fixture products and a fully filled product are valid")
    func validProducts() throws {
        for product in [Self.valid, Shop.mie, Shop.minyak, Shop.kopi, Shop.gulaAren, Shop.rokok, Shop.telur, Shop.beras] {
            #expect(product.problems().isEmpty, "\(product.sku)")
        }
        #expect(try Self.valid.validated() == Self.valid)
    }

    @Test(
        "a sku is 1–32 letters, digits, '-' or '_'", arguments: ["", "gula aren", "gula/aren", "kopi.1", String(repeating: "x", count: 33)])
    func badSKU(sku: String) {
        var product = Self.valid
        product.sku = sku
        #expect(codes(product) == [.invalidSKU])
        #expect(refusal { try Product.validateSKU(sku) }?.field == "sku")
    }

    @Test("a sku of exactly 32 characters is accepted")
    func longestSKU() throws {
        try Product.validateSKU(String(repeating: "x", count: 32))
    }

    @Test("each barcode is checked: check digit, scale prefix, characters, duplicates")
    func badBarcodes() {
        var product = Self.valid
        // 8992388101011: the check digit must be 6 (BarcodeTests).
        product.barcodes = ["8992388101011"]
        #expect(codes(product) == [.badCheckDigit])
        // 2012345012554: a valid scale label, reserved for PLU lookups.
        product.barcodes = ["2012345012554"]
        #expect(codes(product) == [.reservedScalePrefix])
        product.barcodes = ["TS 0001"]
        #expect(codes(product) == [.invalidBarcode])
        product.barcodes = ["TS-0001", "TS-0001"]
        #expect(codes(product) == [.invalidBarcode])
        #expect(product.problems().first?.reason.contains("twice") == true)
    }

    @Test("a name and a category are required")
    func nameAndCategory() {
        var product = Self.valid
        product.name = "  "
        product.category = ""
        #expect(fields(product) == ["name", "category"])
        #expect(codes(product) == [.invalidField, .invalidField])
    }

    @Test("money fields may not be negative nor above the cap")
    func moneyFields() {
        var product = Self.valid
        product.cost = Money(-1)
        #expect(codes(product) == [.negativeAmount])
        #expect(fields(product) == ["cost"])
        product = Self.valid
        product.price = Money(10_000_000_000)
        #expect(codes(product) == [.amountTooLarge])
        #expect(fields(product) == ["price"])
    }

    @Test("a member price above the price is refused; equal is allowed")
    func memberPriceAbovePrice() {
        var product = Self.valid
        product.memberPrice = Money(48_001)
        #expect(codes(product) == [.invalidField])
        #expect(fields(product) == ["member_price"])
        product.memberPrice = Money(48_000)
        #expect(product.problems().isEmpty)
    }

    @Test("a consignor and a consignor price go together")
    func consignment() {
        var product = Self.valid
        product.consignorPrice = nil
        #expect(fields(product) == ["consignor_price"])
        product = Self.valid
        product.consignor = nil
        #expect(fields(product) == ["consignor"])
        product.consignorPrice = nil
        #expect(product.problems().isEmpty)
        product = Self.valid
        product.consignor = "UMKM SRI"
        #expect(fields(product) == ["consignor"])
    }

    @Test("a PLU is exactly 5 digits", arguments: ["1234", "123456", "12a45", ""])
    func badPLU(plu: String) {
        var product = Self.valid
        product.plu = plu
        #expect(fields(product) == ["plu"])
    }

    @Test("a reorder point is zero or more, and whole for pieces")
    func reorderPoint() {
        var product = Self.valid
        product.reorderPoint = Quantity(whole: -1)
        #expect(codes(product) == [.invalidQuantity])
        product.reorderPoint = Quantity(thousandths: 2_500)
        #expect(codes(product) == [.wholeQuantityRequired])
        product.unit = .kg
        #expect(product.problems().isEmpty)
    }

    @Test("problems lists every rule broken at once; validated throws the first")
    func allProblems() {
        var product = Self.valid
        product.sku = "bad sku"
        product.name = ""
        product.plu = "1"
        #expect(fields(product) == ["sku", "name", "plu"])
        #expect(refusal { try product.validated() }?.code == .invalidSKU)
    }

    @Test("tax classes read in English and Indonesian")
    func taxClass() throws {
        #expect(try TaxClass.parse("PPN") == .ppn)
        #expect(try TaxClass.parse("") == .ppn)
        #expect(try TaxClass.parse("exempt") == .exempt)
        #expect(try TaxClass.parse("bebas") == .exempt)
        #expect(refusal { try TaxClass.parse("vat") }?.code == .invalidField)
    }
}

@Suite("Members and tiers (docs/catalogue-and-stock.md)")
struct MemberTests {
    @Test("the default tier anggota gives 2% and 5% on local products")
    func defaultTier() throws {
        #expect(Tier.defaultTier == Tier(name: "anggota", discountPct: 2, localDiscountPct: 5))
        #expect(try Tier.defaultTier.validated() == Tier.defaultTier)
    }

    @Test("tier percents are whole 0–100")
    func tierPercents() {
        #expect(refusal { try Tier(name: "emas", discountPct: 101, localDiscountPct: 5).validated() }?.field == "discount_pct")
        #expect(refusal { try Tier(name: "emas", discountPct: 2, localDiscountPct: -1).validated() }?.code == .invalidPercent)
        #expect(refusal { try Tier(name: "emas perak", discountPct: 2, localDiscountPct: 5).validated() }?.code == .invalidField)
    }

    @Test("a percent is read with or without %, whole only")
    func parsePercent() throws {
        #expect(try Tier.parsePercent("5%", field: "discount") == 5)
        #expect(try Tier.parsePercent(" 100 ", field: "discount") == 100)
        #expect(try Tier.parsePercent("0", field: "discount") == 0)
        for text in ["101", "2.5", "2,5", "", "%", "-1", "abc", "0100"] {
            #expect(refusal { try Tier.parsePercent(text, field: "discount") }?.code == .invalidPercent, "\(text)")
        }
    }

    @Test("a member needs a number and a name; phone and credit limit are checked")
    func memberProblems() {
        #expect(Member(number: "A-0042", name: "Siti Rahma", phone: "+62 812-3456-7890", creditLimit: Money(500_000)).problems().isEmpty)
        #expect(Member(number: "A 42", name: "").problems().map(\.field) == ["number", "name"])
        #expect(Member(number: "A-1", name: "Siti", phone: "12345").problems().map(\.field) == ["phone"])
        #expect(Member(number: "A-1", name: "Siti", creditLimit: Money(-1)).problems().map(\.code) == [.negativeAmount])
    }
}
