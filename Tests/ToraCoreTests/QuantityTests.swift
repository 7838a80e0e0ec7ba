import Testing

@testable import ToraCore

@Suite("Quantity: pieces are whole 1…9 999 on a sale line (docs/pricing.md)")
struct PiecesQuantityTests {
    @Test("the smallest and the largest whole counts are accepted")
    func bounds() throws {
        // 1 pcs = 1 × 1000 thousandths.
        #expect(try Quantity.parse("1", unit: .pcs) == Quantity(thousandths: 1_000))
        // 9 999 pcs = 9 999 × 1000 = 9 999 000 thousandths.
        #expect(try Quantity.parse("9999", unit: .pcs) == Quantity(thousandths: 9_999_000))
        #expect(try Quantity.parse(" 3 ", unit: .pcs) == Quantity(whole: 3))
    }

    @Test("zero and ten thousand pieces are out of range", arguments: ["0", "10000", "-1"])
    func outOfRange(text: String) {
        let error = refusal { try Quantity.parse(text, unit: .pcs) }
        #expect(error?.code == .quantityOutOfRange)
        #expect(error?.details["min"] == "1")
        #expect(error?.details["max"] == "9.999")
    }

    @Test("a fraction of a piece is refused as not whole", arguments: ["1,5", "0,001", "-1,5"])
    func notWhole(text: String) {
        #expect(refusal { try Quantity.parse(text, unit: .pcs) }?.code == .wholeQuantityRequired)
    }
}

@Suite("Quantity: kg and l take 0,001…999,999 (docs/pricing.md)")
struct MeasuredQuantityTests {
    @Test("the comma is the decimal mark")
    func commaMark() throws {
        // 1,255 kg = 1 × 1000 + 255 = 1 255 thousandths (grams).
        #expect(try Quantity.parse("1,255", unit: .kg) == Quantity(thousandths: 1_255))
        // 0,75 l = 750 ml: a short fraction is padded to three digits.
        #expect(try Quantity.parse("0,75", unit: .l) == Quantity(thousandths: 750))
        // 0,5 kg = 500 g.
        #expect(try Quantity.parse("0,5", unit: .kg) == Quantity(thousandths: 500))
        // 2 kg = 2 000 g.
        #expect(try Quantity.parse("2", unit: .kg) == Quantity(thousandths: 2_000))
    }

    @Test("one gram and 999,999 kg are the bounds")
    func bounds() throws {
        #expect(try Quantity.parse("0,001", unit: .kg) == Quantity(thousandths: 1))
        // 999,999 kg = 999 × 1000 + 999 = 999 999 thousandths.
        #expect(try Quantity.parse("999,999", unit: .l) == Quantity(thousandths: 999_999))
    }

    @Test("zero and a thousand kg are out of range", arguments: ["0", "0,000", "1000", "1.000", "-0,5"])
    func outOfRange(text: String) {
        let error = refusal { try Quantity.parse(text, unit: .kg) }
        #expect(error?.code == .quantityOutOfRange)
        #expect(error?.details["min"] == "0,001")
        #expect(error?.details["max"] == "999,999")
    }

    @Test("more than three decimals is refused", arguments: ["1,2555", "0,0001"])
    func tooManyDecimals(text: String) {
        #expect(refusal { try Quantity.parse(text, unit: .kg) }?.code == .invalidQuantity)
    }

    @Test(
        "text that is not a number is refused",
        arguments: ["", "abc", "1.2.3", "1,2.3", "1.", ".5", ",5", "1 kg", "1e3", "1,2,3", "1234.567", "1.23.456"])
    func notANumber(text: String) {
        #expect(refusal { try Quantity.parse(text, unit: .kg) }?.code == .invalidQuantity)
    }
}

@Suite("Quantity: formatting and the other purposes")
struct QuantityFormattingTests {
    @Test("measured quantities print with a comma and without trailing zeros")
    func commaDefault() {
        #expect(Quantity(thousandths: 1_255).formatted(.kg) == "1,255")
        // 500 g → "0,5"; 7 500 g → "7,5" (never "7.500", which reads as seven thousand five hundred).
        #expect(Quantity(thousandths: 500).formatted(.kg) == "0,5")
        #expect(Quantity(thousandths: 7_500).formatted(.kg) == "7,5")
        // 101 754 g → "101,754"; 1 000 ml → "1"; 5 ml → "0,005" (leading zeros of the fraction kept).
        #expect(Quantity(thousandths: 101_754).formatted(.kg) == "101,754")
        #expect(Quantity(thousandths: 1_000).formatted(.l) == "1")
        #expect(Quantity(thousandths: 5).formatted(.l) == "0,005")
        #expect(Quantity(thousandths: -1_255).formatted(.kg) == "-1,255")
        #expect(Quantity(thousandths: 1_255).description == "1,255")
    }

    @Test("a dot groups thousands in what is printed")
    func groupedThousands() {
        // 1 234 567,5 kg = 1 234 567 500 thousandths.
        #expect(Quantity(thousandths: 1_234_567_500).formatted(.kg) == "1.234.567,5")
        #expect(Quantity(whole: 1_000).formatted(.pcs) == "1.000")
        #expect(Quantity(whole: -12_000).formatted(.pcs) == "-12.000")
    }

    @Test("pieces print as whole numbers")
    func pieces() {
        #expect(Quantity(whole: 3).formatted(.pcs) == "3")
        #expect(Quantity(whole: -2).formatted(.pcs) == "-2")
    }

    @Test("formatting and parsing round-trip")
    func roundTrip() throws {
        for thousandths: Int64 in [1, 50, 999, 1_000, 1_255, 999_999, 1_000_000, 9_999_999_000] {
            let text = Quantity(thousandths: thousandths).formatted(.kg)
            #expect(try Quantity.parse(text, unit: .kg, purpose: .level).thousandths == thousandths)
        }
    }

    @Test("a stock movement may be negative only when allowed")
    func stockPurpose() throws {
        // −2 pcs = −2 000 thousandths.
        #expect(try Quantity.parse("-2", unit: .pcs, purpose: .stock(allowNegative: true)) == Quantity(whole: -2))
        #expect(refusal { try Quantity.parse("-2", unit: .pcs, purpose: .stock(allowNegative: false)) }?.code == .quantityOutOfRange)
        #expect(refusal { try Quantity.parse("0", unit: .pcs, purpose: .stock(allowNegative: false)) }?.code == .quantityOutOfRange)
        // Stock takes up to 9 999 999 units: more than a sale line's 9 999.
        #expect(try Quantity.parse("9999999", unit: .pcs, purpose: .stock(allowNegative: false)) == Quantity(whole: 9_999_999))
        #expect(refusal { try Quantity.parse("10000000", unit: .pcs, purpose: .stock(allowNegative: false)) }?.code == .quantityOutOfRange)
        // Still whole for pieces.
        #expect(refusal { try Quantity.parse("-1,5", unit: .pcs, purpose: .stock(allowNegative: true)) }?.code == .wholeQuantityRequired)
    }

    @Test("a level (reorder point, counted stock) may be zero but not negative")
    func levelPurpose() throws {
        #expect(try Quantity.parse("0", unit: .pcs, purpose: .level) == Quantity.zero)
        #expect(try Quantity.parse("12,5", unit: .kg, purpose: .level) == Quantity(thousandths: 12_500))
        #expect(refusal { try Quantity.parse("-1", unit: .pcs, purpose: .level) }?.code == .quantityOutOfRange)
    }

    @Test("quantities add, subtract and compare in thousandths")
    func arithmetic() {
        let a = Quantity(thousandths: 1_255)
        let b = Quantity(thousandths: 745)
        // 1 255 + 745 = 2 000 → whole.
        #expect((a + b) == Quantity(whole: 2))
        #expect((a + b).isWhole && !a.isWhole)
        // 745 − 1 255 = −510.
        #expect((b - a) == Quantity(thousandths: -510))
        #expect((b - a).isNegative)
        #expect(-a == Quantity(thousandths: -1_255))
        #expect(b < a)
    }

    @Test(
        "units read in English and Indonesian, any case",
        arguments: [
            ("pcs", MeasureUnit.pcs), ("buah", .pcs), ("", .pcs), ("KG", .kg), ("kilo", .kg), ("l", .l), ("Liter", .l), ("ltr", .l),
        ])
    func unitNames(text: String, unit: MeasureUnit) throws {
        #expect(try MeasureUnit.parse(text) == unit)
    }

    @Test("an unknown unit is refused")
    func unknownUnit() {
        #expect(refusal { try MeasureUnit.parse("karung") }?.code == .invalidField)
    }
}
