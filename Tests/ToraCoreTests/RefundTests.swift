import Testing

@testable import ToraCore

@Suite("Refund portions: line nets in proportion, discounts included (docs/pricing.md)")
struct RefundTests {
    typealias Part = (quantity: Quantity, amount: Money, discount: Money, net: Money)
    static let nothing: Part = (Quantity.zero, Money.zero, Money.zero, Money.zero)
    /// mie ×3: amount 10.500, manual discount 1.000, net 9.500.
    static let sold: Part = (Quantity(whole: 3), Money(10_500), Money(1_000), Money(9_500))

    @Test("one of three pieces refunds a third of amount and net, rounded half up")
    func oneThird() throws {
        let portion = try RefundPortion.of(sold: Self.sold, before: Self.nothing, quantity: Quantity(whole: 1), unit: .pcs)
        // amount 10.500 / 3 = 3.500; net 9.500 / 3 = 3.166,67 → 3.167; discount 3.500 − 3.167 = 333.
        #expect(portion.amount == Money(3_500))
        #expect(portion.net == Money(3_167))
        #expect(portion.discount == Money(333))
    }

    @Test("refunding a line piece by piece pays back exactly its net")
    func pieceByPiece() throws {
        let first = try RefundPortion.of(sold: Self.sold, before: Self.nothing, quantity: Quantity(whole: 1), unit: .pcs)
        let before1: Part = (Quantity(whole: 1), first.amount, first.discount, first.net)
        let second = try RefundPortion.of(sold: Self.sold, before: before1, quantity: Quantity(whole: 1), unit: .pcs)
        // Each of the first two: net 3.167 (above).
        #expect(second.net == Money(3_167))
        let before2: Part = (
            Quantity(whole: 2), Money(first.amount.rupiah + second.amount.rupiah), Money(first.discount.rupiah + second.discount.rupiah),
            Money(first.net.rupiah + second.net.rupiah)
        )
        let last = try RefundPortion.of(sold: Self.sold, before: before2, quantity: Quantity(whole: 1), unit: .pcs)
        // The last piece takes what is left: net 9.500 − 3.167 − 3.167 = 3.166; amount 10.500 − 7.000 = 3.500.
        #expect(last.net == Money(3_166))
        #expect(last.amount == Money(3_500))
        // 3.167 + 3.167 + 3.166 = 9.500: exactly the line's net.
        #expect(first.net.rupiah + second.net.rupiah + last.net.rupiah == 9_500)
    }

    @Test("a refund beyond what is left of the line is refused")
    func beyondSold() throws {
        let error = refusal { try RefundPortion.of(sold: Self.sold, before: Self.nothing, quantity: Quantity(whole: 4), unit: .pcs) }
        #expect(error?.code == .refundExceedsSold)
        #expect(error?.details["max"] == "3")
        let before: Part = (Quantity(whole: 2), Money(7_000), Money(666), Money(6_334))
        #expect(
            refusal { try RefundPortion.of(sold: Self.sold, before: before, quantity: Quantity(whole: 2), unit: .pcs) }?.code
                == .refundExceedsSold)
        #expect(
            refusal { try RefundPortion.of(sold: Self.sold, before: Self.nothing, quantity: .zero, unit: .pcs) }?.code == .invalidQuantity)
    }

    @Test("a weighed line refunds by the gram")
    func weighed() throws {
        // 1,255 kg beras sold for 16.314, no discount.
        let sold: Part = (Quantity(thousandths: 1_255), Money(16_314), Money.zero, Money(16_314))
        let portion = try RefundPortion.of(sold: sold, before: Self.nothing, quantity: Quantity(thousandths: 500), unit: .kg)
        // 16.314 × 500 / 1.255 = 8.157.000 / 1.255 = 6.499,6 → 6.500 (1.255 × 6.499 = 8.156.245, remainder 755 → 0,60).
        #expect(portion.amount == Money(6_500))
        #expect(portion.net == Money(6_500))
        #expect(portion.discount == Money.zero)
    }
}

@Suite("Refund tax at the sale's own rate")
struct RefundTaxTests {
    @Test("a refund's PPN is worked out under the rules the sale was priced with")
    func saleRate() throws {
        // 11 100 of ppn goods at 11%: 11 100 × 11 / 111 = 1 100; at 12%: 11 100 × 12 / 112 = 1 189,3 → 1 189.
        let portion = RefundPortion(amount: Money(11_100), discount: .zero, net: Money(11_100))
        let exempt = RefundPortion(amount: Money(5_000), discount: .zero, net: Money(5_000))
        let at11 = try RefundTotals.of([(portion, .ppn), (exempt, .exempt)], soldUnder: PricingRules(isPKP: true))
        #expect(at11.total == Money(16_100))
        #expect(at11.tax == Money(1_100))
        #expect(at11.dpp == Money(10_000))
        let at12 = try RefundTotals.of(
            [(portion, .ppn)], soldUnder: PricingRules(isPKP: true, ppnRate: TaxRate(hundredthsOfPercent: 1_200)))
        #expect(at12.tax == Money(1_189))
        // A sale made before the shop became PKP refunds no tax.
        #expect(try RefundTotals.of([(portion, .ppn)], soldUnder: PricingRules(isPKP: false)).taxes.isEmpty)
    }
}
