import Testing

@testable import ToraCore

@Suite("Tax: PPN contained in the prices, only when PKP (docs/pricing.md)")
struct TaxTests {
    /// mie ×3 (Rp10.500, ppn), minyak (Rp38.900, ppn), telur 1 kg (Rp28.000, exempt).
    func basket() throws -> Sale {
        try Sale().adding(Shop.mie, 3).adding(Shop.minyak).adding(Shop.telur, thousandths: 1_000)
    }

    @Test("a shop that is not PKP shows no tax")
    func notPKP() throws {
        let priced = try basket().priced(with: Shop.plain)
        #expect(priced.taxes.isEmpty)
        #expect(priced.tax == Money.zero)
        #expect(priced.dpp == Money.zero)
        // 10.500 + 38.900 + 28.000 = 77.400: prices include tax, so the total is the same either way.
        #expect(priced.total == Money(77_400))
    }

    @Test("PKP at 11%: tax = round-half-up(Σ ppn nets × 11 / 111), DPP = Σ − tax, exempt lines excluded")
    func pkpDefaultRate() throws {
        let priced = try basket().priced(with: Shop.pkp)
        let summary = try #require(priced.taxes.first)
        #expect(priced.taxes.count == 1)
        #expect(summary.rate == TaxRate(hundredthsOfPercent: 1_100))
        // base = 10.500 + 38.900 = 49.400 (telur is exempt).
        #expect(summary.base == Money(49_400))
        // 49.400 × 11 = 543.400; 543.400 / 111: 111 × 4.895 = 543.345, remainder 55,
        // 55/111 = 0,495 < 0,5 → 4.895.
        #expect(summary.tax == Money(4_895))
        // 49.400 − 4.895 = 44.505.
        #expect(summary.dpp == Money(44_505))
        #expect(priced.tax == Money(4_895))
        #expect(priced.dpp == Money(44_505))
        // The total is unchanged: 77.400.
        #expect(priced.total == Money(77_400))
    }

    @Test("tax is worked out once on the Σ of ppn nets, not line by line")
    func taxOnTheSum() throws {
        let priced = try basket().priced(with: Shop.pkp)
        // Line by line it would be 10.500 × 11/111 = 1.040,54 → 1.041 and 38.900 × 11/111 = 3.854,95 → 3.855,
        // together 4.896; on the Σ it is 4.895 (above).
        #expect(priced.tax == Money(4_895))
    }

    @Test("tax rounds half up")
    func taxRoundsUp() throws {
        let priced = try Sale().adding(Shop.mie, 3).priced(with: Shop.pkp)
        // 10.500 × 11 = 115.500; 111 × 1.040 = 115.440, remainder 60; 60/111 = 0,54 ≥ 0,5 → 1.041.
        #expect(priced.tax == Money(1_041))
        // DPP = 10.500 − 1.041 = 9.459.
        #expect(priced.dpp == Money(9_459))
    }

    @Test("the tax base is the line nets after member discounts")
    func baseAfterDiscounts() throws {
        let sale = try Sale().adding(Shop.mie, 3).adding(Shop.gulaAren).adding(Shop.telur, thousandths: 1_000).attaching(Shop.siti)
        let priced = try sale.priced(with: Shop.pkp)
        // mie 10.500 − 2% (210) = 10.290; gula aren 25.000 − 5% (1.250) = 23.750;
        // telur 28.000 − 2% (560) = 27.440 but exempt.
        // base = 10.290 + 23.750 = 34.040.
        #expect(priced.taxes.first?.base == Money(34_040))
        // 34.040 × 11 = 374.440; 111 × 3.373 = 374.403, remainder 37; 37/111 = 0,33 → 3.373.
        #expect(priced.tax == Money(3_373))
        // 34.040 − 3.373 = 30.667.
        #expect(priced.dpp == Money(30_667))
        // total = 10.290 + 23.750 + 27.440 = 61.480.
        #expect(priced.total == Money(61_480))
    }

    @Test("a sale of exempt lines only carries no tax even when PKP")
    func exemptOnly() throws {
        let priced = try Sale().adding(Shop.telur, thousandths: 1_000).adding(Shop.beras, thousandths: 2_000).priced(with: Shop.pkp)
        #expect(priced.taxes.isEmpty)
        #expect(priced.tax == Money.zero)
        // 28.000 + 2 × 12.999 = 28.000 + 25.998 = 53.998.
        #expect(priced.total == Money(53_998))
    }

    @Test("a voided ppn line is not in the tax base")
    func voidedNotInBase() throws {
        let priced = try basket().voiding(line: 2).priced(with: Shop.pkp)
        // Only mie is left with ppn: base 10.500, tax 1.041 (see 'tax rounds half up').
        #expect(priced.taxes.first?.base == Money(10_500))
        #expect(priced.tax == Money(1_041))
    }

    @Test("a decimal rate such as 11,5 is applied exactly")
    func decimalRate() throws {
        let rules = PricingRules(isPKP: true, ppnRate: try TaxRate.parse("11,5"))
        let priced = try basket().priced(with: rules)
        // 49.400 × 11,5 / 111,5 = 49.400 × 1.150 / 11.150 = 56.810.000 / 11.150;
        // 11.150 × 5.095 = 56.809.250, remainder 750; 750/11.150 = 0,07 → 5.095.
        #expect(priced.tax == Money(5_095))
        // 49.400 − 5.095 = 44.305.
        #expect(priced.dpp == Money(44_305))
    }

    @Test("a rate of 12 is 12/112 of the base")
    func rate12() throws {
        let rules = PricingRules(isPKP: true, ppnRate: try TaxRate.parse("12%"))
        let priced = try basket().priced(with: rules)
        // 49.400 × 12 = 592.800; 112 × 5.292 = 592.704, remainder 96; 96/112 = 0,86 → 5.293.
        #expect(priced.tax == Money(5_293))
        // 49.400 − 5.293 = 44.107.
        #expect(priced.dpp == Money(44_107))
    }

    @Test("includedTax of a tax-inclusive amount")
    func includedTax() {
        // 111 × 11 / 111 = 11 exactly.
        #expect(TaxRate.defaultPPN.includedTax(in: Money(111)) == Money(11))
        // 0% contains nothing.
        #expect(TaxRate(hundredthsOfPercent: 0).includedTax(in: Money(49_400)) == Money.zero)
    }
}

@Suite("TaxRate: reading tax.ppn_rate")
struct TaxRateParsingTests {
    @Test(
        "whole and decimal percents read in hundredths of a percent",
        arguments: [
            ("11", Int64(1_100)), ("11,5", 1_150), ("12%", 1_200), (" 11 ", 1_100), ("11,25", 1_125),
            ("0", 0), ("100", 10_000), ("11,05", 1_105), ("11,5%", 1_150),
        ])
    func reads(text: String, hundredths: Int64) throws {
        #expect(try TaxRate.parse(text) == TaxRate(hundredthsOfPercent: hundredths))
    }

    @Test(
        "a rate prints as the shortest text that reads back",
        arguments: [
            (Int64(1_100), "11"), (1_150, "11,5"), (1_125, "11,25"), (1_105, "11,05"), (0, "0"),
        ])
    func prints(hundredths: Int64, text: String) throws {
        let rate = TaxRate(hundredthsOfPercent: hundredths)
        #expect(rate.description == text)
        #expect(try TaxRate.parse(rate.description) == rate)
    }

    @Test(
        "text that is not a percent from 0 to 100 with at most 2 decimals is refused",
        arguments: ["", "abc", "%", "101", "100,01", "1000", "11.555", "-1", "11,", ",5", "1e2", "11.5.1", "11,555"])
    func refuses(text: String) {
        let error = refusal { try TaxRate.parse(text) }
        #expect(error?.code == .invalidTaxRate)
        #expect(error?.field == "tax.ppn_rate")
    }
}

@Suite("TaxRate: a dot is not a decimal mark")
struct TaxRateDotTests {
    @Test("11.5 is refused with a hint to write 11,5", arguments: ["11.5", "100.01", "11.25"])
    func dot(text: String) {
        let error = refusal { try TaxRate.parse(text) }
        #expect(error?.code == .decimalPoint)
        #expect(error?.details["suggestion"] == String(text.map { $0 == "." ? "," : $0 }))
    }
}
