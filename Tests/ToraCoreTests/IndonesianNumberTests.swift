import Testing

@testable import ToraCore

@Suite("Numbers as Indonesians write them: comma decimals, dot thousands (docs/numbers-and-money.md)")
struct IndonesianNumberTests {
    @Test("1.000 is one thousand: of pieces on a sale line, and of a stock receipt")
    func dotGroupsThousands() throws {
        // 1.000 pcs = 1 000 × 1000 thousandths; the old reader took the dot as a decimal mark: 1 piece.
        #expect(try Quantity.parse("1.000", unit: .pcs) == Quantity(whole: 1_000))
        #expect(try Quantity.parse("1.000", unit: .pcs, purpose: .stock(allowNegative: false)) == Quantity(whole: 1_000))
        #expect(try Quantity.parse("1.234.567", unit: .pcs, purpose: .stock(allowNegative: false)) == Quantity(whole: 1_234_567))
        // 1.234,5 kg = 1 234 500 g.
        #expect(try Quantity.parse("1.234,5", unit: .kg, purpose: .level) == Quantity(thousandths: 1_234_500))
        // Grouping is optional: 1234,5 is the same.
        #expect(try Quantity.parse("1234,5", unit: .kg, purpose: .level) == Quantity(thousandths: 1_234_500))
    }

    @Test("a dot used as a decimal mark is refused with a hint to write a comma", arguments: ["1.5", "12.50", "0.255", "-1.5"])
    func dotAsDecimalMark(text: String) throws {
        for unit in [MeasureUnit.kg, .pcs] {
            let error = try #require(refusal { try Quantity.parse(text, unit: unit, purpose: .stock(allowNegative: true)) })
            #expect(error.code == .decimalPoint)
            #expect(error.details["suggestion"] == String(text.map { $0 == "." ? "," : $0 }))
            #expect(error.reason.contains("write a comma"))
        }
    }

    @Test("the reader returns the value scaled by its decimals")
    func scaled() throws {
        #expect(try IndonesianNumber.parse("12,5", decimals: 2) == 1_250)
        #expect(try IndonesianNumber.parse(" +7 ", decimals: 0) == 7)
        #expect(try IndonesianNumber.parse("-1.000,25", decimals: 2) == -100_025)
        #expect(refusal { try IndonesianNumber.parse("1,234", decimals: 2) }?.code == .tooManyDecimals)
        #expect(refusal { try IndonesianNumber.parse("1234.567", decimals: 3) }?.code == .invalidNumber)
        #expect(refusal { try IndonesianNumber.parse("", decimals: 3) }?.code == .invalidNumber)
    }

    @Test("the writer groups thousands with dots and writes decimals after a comma")
    func written() {
        #expect(IndonesianNumber.format(7_500, decimals: 3) == "7,5")
        #expect(IndonesianNumber.format(101_754, decimals: 3) == "101,754")
        #expect(IndonesianNumber.format(1_000_000, decimals: 3) == "1.000")
        #expect(IndonesianNumber.format(375, decimals: 1, minimumDecimals: 1) == "37,5")
        #expect(IndonesianNumber.format(370, decimals: 1, minimumDecimals: 1) == "37,0")
        #expect(IndonesianNumber.format(-1_234_567, decimals: 0) == "-1.234.567")
        #expect(IndonesianNumber.format(0, decimals: 3) == "0")
    }

    @Test("a tax rate is read and written with a comma; 11.5 is refused, but a stored 11.5 still reads")
    func taxRate() throws {
        #expect(try TaxRate.parse("11,5").hundredthsOfPercent == 1_150)
        #expect(TaxRate(hundredthsOfPercent: 1_150).description == "11,5")
        #expect(TaxRate(hundredthsOfPercent: 1_125).description == "11,25")
        #expect(refusal { try TaxRate.parse("11.5") }?.code == .decimalPoint)
        #expect(TaxRate.parseStored("11.5")?.hundredthsOfPercent == 1_150)
        #expect(TaxRate.parseStored("11,5")?.hundredthsOfPercent == 1_150)
        #expect(TaxRate.parseStored("12")?.hundredthsOfPercent == 1_200)
    }

    @Test("a refund that asks too much says how much is left the Indonesian way")
    func refundLeft() throws {
        // Sold 0,5 kg, 0,143 kg already refunded: 0,357 kg left.
        let sold = (quantity: Quantity(thousandths: 500), amount: Money(15_000), discount: Money.zero, net: Money(15_000))
        let before = (quantity: Quantity(thousandths: 143), amount: Money(4_290), discount: Money.zero, net: Money(4_290))
        let error = refusal { try RefundPortion.of(sold: sold, before: before, quantity: Quantity(thousandths: 400), unit: .kg) }
        #expect(error?.code == .refundExceedsSold)
        #expect(error?.details["max"] == "0,357")
    }
}
