import Testing

@testable import ToraCore

@Suite("Money: formatting (docs/numbers-and-money.md)")
struct MoneyFormattingTests {
    @Test("dots group thousands after Rp")
    func groupsThousands() {
        #expect(Money(12_500).formatted == "Rp12.500")
        // 1000 → "1" "000": one dot.
        #expect(Money(1_000).formatted == "Rp1.000")
        // Under a thousand: no dot.
        #expect(Money(999).formatted == "Rp999")
        // 1 234 567 → "1" "234" "567".
        #expect(Money(1_234_567).formatted == "Rp1.234.567")
    }

    @Test("a negative amount puts the minus before Rp")
    func negative() {
        #expect(Money(-12_500).formatted == "-Rp12.500")
    }

    @Test("zero is Rp0")
    func zero() {
        #expect(Money.zero.formatted == "Rp0")
    }

    @Test("the largest amount is Rp9.999.999.999")
    func largest() {
        #expect(Money(9_999_999_999).formatted == "Rp9.999.999.999")
        #expect(Money.maximum.formatted == "Rp9.999.999.999")
    }

    @Test("formattedPlain leaves out the currency sign, description is the formatted text")
    func plainAndDescription() {
        #expect(Money(12_500).formattedPlain == "12.500")
        #expect(Money(-12_500).formattedPlain == "-12.500")
        #expect(Money(84_400).description == "Rp84.400")
    }
}

@Suite("Money: reading amounts people type (docs/csv-import.md)")
struct MoneyParsingTests {
    @Test(
        "every written form of twelve thousand five hundred reads as 12500",
        arguments: ["12500", "12.500", "Rp12.500", "Rp 12.500", "rp12500", "RP12500", "  Rp12.500  "])
    func readsAllForms(text: String) throws {
        #expect(try Money.parse(text) == Money(12_500))
    }

    @Test("dots may group several thousands, up to the largest amount")
    func severalGroups() throws {
        // 1.234.567 → 1234567.
        #expect(try Money.parse("1.234.567") == Money(1_234_567))
        // 9.999.999.999 is exactly the cap: accepted.
        #expect(try Money.parse("Rp9.999.999.999") == Money.maximum)
        #expect(try Money.parse("0") == Money.zero)
    }

    @Test("a decimal comma is refused as decimal money")
    func decimalComma() {
        #expect(refusal { try Money.parse("12500,50") }?.code == .decimalMoney)
        // The Indonesian written form with cents is a decimal part too.
        #expect(refusal { try Money.parse("Rp12.500,00") }?.code == .decimalMoney)
    }

    @Test("a dot followed by fewer or more than three digits is a decimal part, refused")
    func decimalDot() {
        // "12.50": the group after the dot has 2 digits, so it is not a thousands group.
        #expect(refusal { try Money.parse("12.50") }?.code == .decimalMoney)
        // "1.2345": 4 digits after the dot.
        #expect(refusal { try Money.parse("1.2345") }?.code == .decimalMoney)
        // "1234.567": the first group has 4 digits, so the dot cannot be grouping.
        #expect(refusal { try Money.parse("1234.567") }?.code == .decimalMoney)
    }

    @Test("letters, empty text and a bare Rp are not amounts", arguments: ["abc", "12a00", "", "   ", "Rp", "1..000", "12 500"])
    func notAnAmount(text: String) {
        #expect(refusal { try Money.parse(text) }?.code == .invalidAmount)
    }

    @Test("a cell or a line ending in CR LF, tab or BOM still reads")
    func lineEnds() throws {
        // "\r\n" is a single Character in Swift; it must be trimmed like "\n".
        #expect(try Money.parse("12500\r\n") == Money(12_500))
        #expect(try Money.parse("\u{FEFF}Rp12.500\t") == Money(12_500))
        #expect("  gula\r\n".trimmingSpaces() == "gula")
    }

    @Test("an amount above Rp9.999.999.999 is refused as too large")
    func aboveCap() {
        // 9.999.999.999 + 1 = 10.000.000.000.
        #expect(refusal { try Money.parse("10.000.000.000") }?.code == .amountTooLarge)
        #expect(refusal { try Money.parse("10000000000") }?.code == .amountTooLarge)
        // 20 digits would not even fit in Int64; still a clear "too large", never a crash.
        #expect(refusal { try Money.parse("99999999999999999999") }?.code == .amountTooLarge)
    }

    @Test("the error names the field and the value as typed")
    func errorNamesField() {
        let error = refusal { try Money.parse("12,5", field: "price") }
        #expect(error?.field == "price")
        #expect(error?.value == "12,5")
        #expect(error?.description.hasPrefix("price: ") == true)
    }

    @Test("a negative amount is refused unless the caller allows it")
    func negative() throws {
        #expect(refusal { try Money.parse("-12500") }?.code == .negativeAmount)
        #expect(refusal { try Money.parse("-Rp12.500") }?.code == .negativeAmount)
        #expect(try Money.parse("-12500", allowNegative: true) == Money(-12_500))
        #expect(try Money.parse("-Rp12.500", allowNegative: true) == Money(-12_500))
        #expect(try Money.parse("Rp-12.500", allowNegative: true) == Money(-12_500))
    }
}

@Suite("Money: checked arithmetic stays within Rp9.999.999.999")
struct MoneyArithmeticTests {
    @Test("validated accepts the cap and refuses one rupiah more, either sign")
    func validated() throws {
        #expect(try Money.validated(9_999_999_999) == Money.maximum)
        #expect(try Money.validated(-9_999_999_999) == Money(-9_999_999_999))
        #expect(refusal { try Money.validated(10_000_000_000) }?.code == .amountTooLarge)
        #expect(refusal { try Money.validated(-10_000_000_000) }?.code == .amountTooLarge)
    }

    @Test("plus adds and refuses a result past the cap")
    func plus() throws {
        // 84.400 + 15.600 = 100.000.
        #expect(try Money(84_400).plus(Money(15_600)) == Money(100_000))
        // 9.999.999.999 + 1 = 10.000.000.000 > cap.
        #expect(refusal { try Money.maximum.plus(Money(1)) }?.code == .amountTooLarge)
        // Int64.max + 1 overflows Int64 itself: still the same clear refusal.
        #expect(refusal { try Money(Int64.max).plus(Money(1)) }?.code == .amountTooLarge)
    }

    @Test("minus subtracts, may go negative, and refuses past the cap")
    func minus() throws {
        // 100.000 − 84.400 = 15.600.
        #expect(try Money(100_000).minus(Money(84_400)) == Money(15_600))
        // 0 − 500 = −500.
        #expect(try Money.zero.minus(Money(500)) == Money(-500))
        // −9.999.999.999 − 1 = −10.000.000.000: magnitude past the cap.
        #expect(refusal { try Money(-9_999_999_999).minus(Money(1)) }?.code == .amountTooLarge)
        #expect(refusal { try Money(Int64.min).minus(Money(1)) }?.code == .amountTooLarge)
    }

    @Test("sum adds a list and refuses a total past the cap")
    func sum() throws {
        // 38.900 + 25.000 + 17.500 + 3.000 = 84.400.
        #expect(try Money.sum([Money(38_900), Money(25_000), Money(17_500), Money(3_000)]) == Money(84_400))
        #expect(try Money.sum([Money]()) == Money.zero)
        // 5.000.000.000 + 4.999.999.999 = 9.999.999.999: exactly the cap.
        #expect(try Money.sum([Money(5_000_000_000), Money(4_999_999_999)]) == Money.maximum)
        // 5.000.000.000 + 5.000.000.000 = 10.000.000.000 > cap.
        #expect(refusal { try Money.sum([Money(5_000_000_000), Money(5_000_000_000)]) }?.code == .amountTooLarge)
    }

    @Test("times a quantity is the line amount, rounded half up")
    func timesQuantity() throws {
        // 3 pcs × Rp3.500 = 10.500.
        #expect(try Money(3_500).times(Quantity(whole: 3)) == Money(10_500))
        // 1,255 kg × Rp12.999: 12.999 × 1.255 = 12.999 + 12.999 × 0,255
        //   = 12.999 + 3.314,745 = 16.313,745 → half up → 16.314.
        #expect(try Money(12_999).times(Quantity(thousandths: 1_255)) == Money(16_314))
        // 0,001 kg × Rp12.500 = 12,5 → exactly half → up → 13.
        #expect(try Money(12_500).times(Quantity(thousandths: 1)) == Money(13))
        // 0,499 × Rp1 = 0,499 → 0; 0,500 × Rp1 = 0,5 → 1.
        #expect(try Money(1).times(Quantity(thousandths: 499)) == Money(0))
        #expect(try Money(1).times(Quantity(thousandths: 500)) == Money(1))
    }

    @Test("times refuses a line amount past the cap")
    func timesPastCap() {
        // 2 × 9.999.999.999 = 19.999.999.998 > cap.
        #expect(refusal { try Money.maximum.times(Quantity(whole: 2)) }?.code == .amountTooLarge)
        // Int64.max × 9 999 pcs does not even fit in Int64: refused, not trapped.
        #expect(refusal { try Money(Int64.max).times(Quantity(whole: 9_999)) }?.code == .amountTooLarge)
    }

    @Test("percent rounds half up")
    func percent() {
        // 10.500 × 2 / 100 = 210.
        #expect(Money(10_500).percent(2) == Money(210))
        // 1.225 × 2 / 100 = 24,5 → 25.
        #expect(Money(1_225).percent(2) == Money(25))
        // 1.224 × 2 / 100 = 24,48 → 24.
        #expect(Money(1_224).percent(2) == Money(24))
        #expect(Money(1_225).percent(0) == Money.zero)
        #expect(Money(1_225).percent(100) == Money(1_225))
    }

    @Test("amounts compare by rupiah, and min/max pick accordingly")
    func comparison() {
        #expect(Money(-1) < Money.zero)
        #expect(Money.min(Money(300), Money(210)) == Money(210))
        #expect(Money.max(Money(300), Money(210)) == Money(300))
        #expect(-Money(500) == Money(-500))
        #expect(Money(-500).isNegative && !Money.zero.isNegative && Money.zero.isZero)
    }
}
