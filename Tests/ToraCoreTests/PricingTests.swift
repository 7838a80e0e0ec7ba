import Testing

@testable import ToraCore

// Prices used below (see Fixtures.swift): mie Rp3.500 (non-local), minyak Rp38.900 with member
// price Rp37.500 (non-local), kopi Rp48.000 with member price Rp45.000 (local), gula aren
// Rp25.000 (local), teh Rp3.000, permen Rp3.050, rokok Rp33.000 (not discountable), telur
// Rp28.000/kg (exempt), beras Rp12.999/kg (local, exempt, PLU 12345).
// Member Siti is in the default tier `anggota`: 2% on non-local, 5% on local products.

@Suite("Pricing step 1: member price (docs/pricing.md)")
struct MemberPriceTests {
    @Test("member price beats the tier discount: a line at member price gets no tier discount")
    func memberPriceNoTierDiscount() throws {
        let sale = try Sale().adding(Shop.kopi, 2).attaching(Shop.siti)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        #expect(line.isAtMemberPrice)
        #expect(line.unitPrice == Money(45_000))
        // 2 × Rp45.000 = 90.000; kopi is local and discountable, yet no 5% on top.
        #expect(line.amount == Money(90_000))
        #expect(line.discount == Money.zero)
        #expect(line.discountSource == .none)
        #expect(line.net == Money(90_000))
    }

    @Test("without a member the normal price is used, even when a member price exists")
    func noMemberNormalPrice() throws {
        let line = try #require(try Sale().adding(Shop.kopi, 2).priced(with: Shop.plain).lines.first)
        #expect(!line.isAtMemberPrice)
        // 2 × Rp48.000 = 96.000.
        #expect(line.unitPrice == Money(48_000))
        #expect(line.net == Money(96_000))
    }
}

@Suite("Pricing step 2: tier discount (docs/pricing.md)")
struct TierDiscountTests {
    @Test("a non-local discountable product gets the tier's discount_pct")
    func nonLocal() throws {
        let line = try #require(try Sale().adding(Shop.mie, 3).attaching(Shop.siti).priced(with: Shop.plain).lines.first)
        // amount = 3 × 3.500 = 10.500; discount = 10.500 × 2 / 100 = 210; net = 10.290.
        #expect(line.amount == Money(10_500))
        #expect(line.discount == Money(210))
        #expect(line.discountSource == .tier(percent: 2))
        #expect(line.net == Money(10_290))
    }

    @Test("a local discountable product gets the tier's local_discount_pct")
    func local() throws {
        let line = try #require(try Sale().adding(Shop.gulaAren).attaching(Shop.siti).priced(with: Shop.plain).lines.first)
        // amount = 25.000; discount = 25.000 × 5 / 100 = 1.250; net = 23.750.
        #expect(line.amount == Money(25_000))
        #expect(line.discount == Money(1_250))
        #expect(line.discountSource == .tier(percent: 5))
        #expect(line.net == Money(23_750))
    }

    @Test("a product that is not discountable gets no tier discount")
    func notDiscountable() throws {
        let line = try #require(try Sale().adding(Shop.rokok).attaching(Shop.siti).priced(with: Shop.plain).lines.first)
        // Rp33.000, no 2%.
        #expect(line.discount == Money.zero)
        #expect(line.discountSource == .none)
        #expect(line.net == Money(33_000))
    }

    @Test("the tier discount rounds half up on the line amount")
    func tierDiscountRoundsHalfUp() throws {
        let mangga = Product(sku: "MANGGA", name: "Mangga Arumanis", category: "buah", price: Money(12_010), isLocal: true)
        let line = try #require(try Sale().adding(mangga).attaching(Shop.siti).priced(with: Shop.plain).lines.first)
        // 12.010 × 5 / 100 = 600,5 → half up → 601; net = 12.010 − 601 = 11.409.
        #expect(line.discount == Money(601))
        #expect(line.net == Money(11_409))
    }

    @Test("a tier of 0% gives no discount")
    func zeroTier() throws {
        let umum = SaleMember(number: "B-7", name: "Pak Darto", tier: Tier(name: "umum", discountPct: 0, localDiscountPct: 0))
        let line = try #require(try Sale().adding(Shop.mie, 3).attaching(umum).priced(with: Shop.plain).lines.first)
        #expect(line.discountSource == .none)
        // 3 × 3.500 = 10.500, nothing off.
        #expect(line.net == Money(10_500))
    }

    @Test("discounts are rounded per line: Σ of rounded line discounts ≠ rounded Σ")
    func perLineRounding() throws {
        // Three non-local products whose 2% each ends in exactly ,5.
        let a = Product(sku: "A", name: "Sabun", category: "sabun", price: Money(1_225))
        let b = Product(sku: "B", name: "Sampo", category: "sabun", price: Money(2_475))
        let c = Product(sku: "C", name: "Odol", category: "sabun", price: Money(3_725))
        let priced = try Sale().adding(a).adding(b).adding(c).attaching(Shop.siti).priced(with: Shop.plain)
        // 1.225 × 2% = 24,5 → 25; 2.475 × 2% = 49,5 → 50; 3.725 × 2% = 74,5 → 75.
        #expect(priced.lines.map(\.discount) == [Money(25), Money(50), Money(75)])
        // gross = 1.225 + 2.475 + 3.725 = 7.425.
        #expect(priced.gross == Money(7_425))
        // discounts = 25 + 50 + 75 = 150 (rounding the sum instead: 7.425 × 2% = 148,5 → 149).
        #expect(priced.discounts == Money(150))
        // total = 7.425 − 150 = 7.275 (not 7.276).
        #expect(priced.total == Money(7_275))
    }
}

@Suite("Pricing step 3: manual line discounts (docs/pricing.md)")
struct ManualDiscountTests {
    @Test("a manual percent replaces the tier discount")
    func percentReplacesTier() throws {
        let sale = try Sale().adding(Shop.mie, 3).attaching(Shop.siti).discounting(line: 1, by: .percent(10), rules: Shop.plain)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // 10.500 × 10 / 100 = 1.050 — instead of the tier's 210, not in addition to it.
        #expect(line.discount == Money(1_050))
        #expect(line.discountSource == .manualPercent(10))
        // 10.500 − 1.050 = 9.450.
        #expect(line.net == Money(9_450))
    }

    @Test("a manual amount replaces the tier discount")
    func amountReplacesTier() throws {
        let sale = try Sale().adding(Shop.mie, 3).attaching(Shop.siti).discounting(line: 1, by: .amount(Money(1_000)), rules: Shop.plain)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // 10.500 − 1.000 = 9.500 (the tier's 210 is gone).
        #expect(line.discount == Money(1_000))
        #expect(line.discountSource == .manualAmount)
        #expect(line.net == Money(9_500))
    }

    @Test("a manual percent rounds half up")
    func percentRoundsHalfUp() throws {
        let sale = try Sale().adding(Shop.permen).discounting(line: 1, by: .percent(5), rules: Shop.plain)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // 3.050 × 5 / 100 = 152,5 → 153; net = 3.050 − 153 = 2.897.
        #expect(line.discount == Money(153))
        #expect(line.net == Money(2_897))
    }

    @Test("a manual discount above the line amount is refused; the whole amount is allowed")
    func aboveLineAmount() throws {
        let sale = try Sale().adding(Shop.mie, 3)
        // Line amount 3 × 3.500 = 10.500: Rp10.501 is one rupiah too much.
        let error = refusal { try sale.discounting(line: 1, by: .amount(Money(10_501)), rules: Shop.plain) }
        #expect(error?.code == .discountExceedsLine)
        #expect(error?.details["amount"] == "Rp10.500")
        let free = try sale.discounting(line: 1, by: .amount(Money(10_500)), rules: Shop.plain)
        #expect(try free.priced(with: Shop.plain).total == Money.zero)
        #expect(try free.discounting(line: 1, by: .percent(100), rules: Shop.plain).priced(with: Shop.plain).total == Money.zero)
    }

    @Test("a manual percent above 100 or a negative amount is refused")
    func badManualValues() throws {
        let sale = try Sale().adding(Shop.mie, 3)
        #expect(refusal { try sale.discounting(line: 1, by: .percent(101), rules: Shop.plain) }?.code == .invalidPercent)
        #expect(refusal { try sale.discounting(line: 1, by: .percent(-1), rules: Shop.plain) }?.code == .invalidPercent)
        #expect(refusal { try sale.discounting(line: 1, by: .amount(Money(-1)), rules: Shop.plain) }?.code == .negativeAmount)
    }

    @Test("a manual discount on a product that is not discountable is refused")
    func notDiscountable() throws {
        let sale = try Sale().adding(Shop.rokok)
        let error = refusal { try sale.discounting(line: 1, by: .percent(10), rules: Shop.plain) }
        #expect(error?.code == .notDiscountable)
        #expect(error?.details["line"] == "1")
    }

    @Test("a manual discount on a member-price line comes off the member price")
    func manualOnMemberPrice() throws {
        let sale = try Sale().adding(Shop.kopi, 2).attaching(Shop.siti).discounting(line: 1, by: .percent(10), rules: Shop.plain)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // 2 × 45.000 = 90.000; 10% = 9.000; net 81.000.
        #expect(line.isAtMemberPrice)
        #expect(line.discount == Money(9_000))
        #expect(line.net == Money(81_000))
    }

    @Test("a manual amount never exceeds the line amount, even after the quantity drops")
    func manualAmountCappedAfterQuantityChange() throws {
        let sale = try Sale().adding(Shop.mie, 3).discounting(line: 1, by: .amount(Money(10_000)), rules: Shop.plain)
            .changingQuantity(line: 1, to: Quantity(whole: 2))
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // amount = 2 × 3.500 = 7.000 < 10.000: the discount is 7.000, the net 0, never negative.
        #expect(line.amount == Money(7_000))
        #expect(line.discount == Money(7_000))
        #expect(line.net == Money.zero)
    }
}

@Suite("Pricing: price override, weighed and scale-priced lines")
struct LineAmountTests {
    @Test("a price override replaces the unit price")
    func priceOverride() throws {
        let sale = try Sale().adding(Shop.mie, 3).overridingPrice(line: 1, to: Money(3_000))
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // 3 × 3.000 = 9.000.
        #expect(line.unitPrice == Money(3_000))
        #expect(line.amount == Money(9_000))
        #expect(line.net == Money(9_000))
    }

    @Test("a price override replaces the member price and is final: no tier discount on top")
    func priceOverrideWithMember() throws {
        let sale = try Sale().adding(Shop.minyak).attaching(Shop.siti).overridingPrice(line: 1, to: Money(36_000))
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // Not at member price (37.500) any more, and not 36.000 − 2% (720) either: net 36.000.
        #expect(!line.isAtMemberPrice)
        #expect(line.unitPrice == Money(36_000))
        #expect(line.discount == Money.zero)
        #expect(line.net == Money(36_000))
    }

    @Test("a negative price override or one making the line too large is refused")
    func badOverride() throws {
        let sale = try Sale().adding(Shop.mie, 3)
        #expect(refusal { try sale.overridingPrice(line: 1, to: Money(-1)) }?.code == .negativeAmount)
        #expect(refusal { try sale.overridingPrice(line: 1, to: Money(10_000_000_000)) }?.code == .amountTooLarge)
        // 3 × 4.000.000.000 = 12.000.000.000 > 9.999.999.999.
        #expect(refusal { try sale.overridingPrice(line: 1, to: Money(4_000_000_000)) }?.code == .amountTooLarge)
    }

    @Test("a weighed line is round-half-up(price × kg): 1,255 kg × Rp12.999 = Rp16.314")
    func weighedLine() throws {
        guard case .weighed(let plu, let quantity) = try ScannedCode.interpret("2012345012554") else {
            Issue.record("2012345012554 is a weight label")
            return
        }
        #expect(plu == Shop.beras.plu)
        let line = try #require(try Sale().adding(SaleItem(Shop.beras), quantity: quantity).priced(with: Shop.plain).lines.first)
        // 12.999 × 1,255 = 16.313,745 → half up → 16.314.
        #expect(line.amount == Money(16_314))
        #expect(line.net == Money(16_314))
    }

    @Test("a member's local discount on a weighed line rounds on the rounded line amount")
    func weighedLineWithMember() throws {
        let sale = try Sale().adding(Shop.beras, thousandths: 1_255).attaching(Shop.siti)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // amount 16.314 (above); beras is local: 16.314 × 5 / 100 = 815,7 → 816; net 16.314 − 816 = 15.498.
        #expect(line.discount == Money(816))
        #expect(line.net == Money(15_498))
    }

    @Test("a scale-priced line costs exactly the label's amount")
    func scalePricedLine() throws {
        guard case .priced(_, let price) = try ScannedCode.interpret("2212345150007") else {
            Issue.record("2212345150007 is a price label")
            return
        }
        let sale = try Sale().adding(SaleItem(Shop.beras), quantity: .one, fixedAmount: price)
        let line = try #require(try sale.priced(with: Shop.plain).lines.first)
        // Label 22|12345|15000|7: Rp15.000, whatever the kg price.
        #expect(line.amount == Money(15_000))
        #expect(line.net == Money(15_000))
        // With a member, beras is local: 15.000 × 5 / 100 = 750; net 14.250.
        let member = try #require(try sale.attaching(Shop.siti).priced(with: Shop.plain).lines.first)
        #expect(member.discount == Money(750))
        #expect(member.net == Money(14_250))
    }

    @Test("a scale-priced line's quantity and price cannot be changed")
    func scalePricedLineIsFixed() throws {
        let sale = try Sale().adding(SaleItem(Shop.beras), quantity: .one, fixedAmount: Money(15_000))
        #expect(refusal { try sale.changingQuantity(line: 1, to: Quantity(thousandths: 500)) }?.code == .fixedAmountLine)
        #expect(refusal { try sale.overridingPrice(line: 1, to: Money(10_000)) }?.code == .fixedAmountLine)
    }
}

@Suite("Sale lines: void, numbering, quantity, member (docs/till-grammar.md)")
struct SaleLineTests {
    /// mie ×3 (line 1), teh (line 2), gula aren (line 3).
    func threeLines() throws -> Sale {
        try Sale().adding(Shop.mie, 3).adding(Shop.teh).adding(Shop.gulaAren)
    }

    @Test("a voided line keeps its number and counts for nothing")
    func voidedLine() throws {
        let sale = try threeLines().voiding(line: 2)
        #expect(sale.lines.map(\.number) == [1, 2, 3])
        #expect(sale.lines[1].isVoided)
        #expect(sale.activeLines.map(\.number) == [1, 3])
        let priced = try sale.priced(with: Shop.plain)
        #expect(priced.lines.count == 3)
        #expect(priced.lines[1].net == Money.zero)
        // 10.500 + 25.000 = 35.500; the voided teh's 3.000 is in neither gross nor total.
        #expect(priced.gross == Money(35_500))
        #expect(priced.total == Money(35_500))
        #expect(priced.activeLines.count == 2)
    }

    @Test("new lines take the next number after a void, even when the last line was voided")
    func nextNumber() throws {
        let sale = try threeLines().voiding(line: 2).adding(Shop.permen)
        #expect(sale.lines.map(\.number) == [1, 2, 3, 4])
        // 35.500 + 3.050 = 38.550.
        #expect(try sale.priced(with: Shop.plain).total == Money(38_550))
        let again = try sale.voiding(line: 4).adding(Shop.teh)
        #expect(again.lines.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test("a voided or missing line cannot be voided, changed or discounted")
    func voidedLineIsClosed() throws {
        let sale = try threeLines().voiding(line: 2)
        #expect(refusal { try sale.voiding(line: 2) }?.code == .lineVoided)
        #expect(refusal { try sale.changingQuantity(line: 2, to: .one) }?.code == .lineVoided)
        #expect(refusal { try sale.discounting(line: 2, by: .percent(5), rules: Shop.plain) }?.code == .lineVoided)
        #expect(refusal { try sale.overridingPrice(line: 2, to: Money(1)) }?.code == .lineVoided)
        let missing = refusal { try sale.voiding(line: 9) }
        #expect(missing?.code == .lineNotFound)
        #expect(missing?.details["line"] == "9")
    }

    @Test("a sale whose lines are all voided is empty")
    func allVoided() throws {
        let sale = try Sale().adding(Shop.teh).voiding(line: 1)
        #expect(sale.isEmpty)
        #expect(try sale.priced(with: Shop.plain).total == Money.zero)
    }

    @Test("changing the quantity reprices the line")
    func quantityChange() throws {
        let sale = try threeLines().changingQuantity(line: 1, to: Quantity(whole: 5))
        let priced = try sale.priced(with: Shop.plain)
        // 5 × 3.500 = 17.500; total 17.500 + 3.000 + 25.000 = 45.500.
        #expect(priced.lines[0].amount == Money(17_500))
        #expect(priced.total == Money(45_500))
    }

    @Test("changing a weighed line's quantity reprices it by the kg")
    func weighedQuantityChange() throws {
        let sale = try Sale().adding(Shop.telur, thousandths: 1_500).changingQuantity(line: 1, to: Quantity(thousandths: 755))
        // 28.000 × 0,755 = 21.140.
        #expect(try sale.priced(with: Shop.plain).total == Money(21_140))
    }

    @Test("a quantity out of the sale-line range is refused when adding or changing")
    func quantityRange() throws {
        let sale = try threeLines()
        #expect(refusal { try sale.changingQuantity(line: 1, to: .zero) }?.code == .quantityOutOfRange)
        #expect(refusal { try sale.changingQuantity(line: 1, to: Quantity(whole: 10_000)) }?.code == .quantityOutOfRange)
        #expect(refusal { try sale.changingQuantity(line: 1, to: Quantity(thousandths: 1_500)) }?.code == .wholeQuantityRequired)
        #expect(refusal { try sale.adding(Shop.telur, thousandths: 1_000_000) }?.code == .quantityOutOfRange)
        #expect(refusal { try sale.adding(Shop.teh, 0) }?.code == .quantityOutOfRange)
        #expect(refusal { try sale.adding(Shop.teh, -1) }?.code == .quantityOutOfRange)
    }

    @Test("attaching the member after scanning reprices every line; detaching undoes it")
    func attachAfterScanning() throws {
        let scanned = try Sale().adding(Shop.mie, 3).adding(Shop.kopi, 2).adding(Shop.rokok)
        // Without member: 10.500 + 2 × 48.000 + 33.000 = 10.500 + 96.000 + 33.000 = 139.500.
        #expect(try scanned.priced(with: Shop.plain).total == Money(139_500))
        let member = try scanned.attaching(Shop.siti)
        let priced = try member.priced(with: Shop.plain)
        // mie: 10.500 − 2% (210) = 10.290; kopi at member price 2 × 45.000 = 90.000, no tier
        // discount; rokok not discountable: 33.000.
        #expect(priced.lines.map(\.net) == [Money(10_290), Money(90_000), Money(33_000)])
        // gross = 10.500 + 90.000 + 33.000 = 133.500; discounts = 210; total = 133.290.
        #expect(priced.gross == Money(133_500))
        #expect(priced.discounts == Money(210))
        #expect(priced.total == Money(133_290))
        #expect(try member.detachingMember().priced(with: Shop.plain).total == Money(139_500))
    }

    @Test("a scanned item keeps the price it was scanned at when the catalogue changes")
    func frozenItem() throws {
        var mie = Shop.mie
        let sale = try Sale().adding(mie, 3)
        mie.price = Money(4_000)
        // Still 3 × 3.500 = 10.500.
        #expect(try sale.priced(with: Shop.plain).total == Money(10_500))
    }
}

@Suite("Pricing: amounts above Rp9.999.999.999 (docs/pricing.md)")
struct PricingCapTests {
    static let gold = Product(
        sku: "EMAS", name: "Emas batangan", category: "emas", price: Money(6_000_000_000), memberPrice: Money(4_000_000_000))

    @Test("a line whose amount passes the cap is refused when added, and nothing changes")
    func lineAboveCap() throws {
        let top = Product(sku: "TOP", name: "Top", category: "x", price: Money.maximum)
        let sale = try Sale().adding(Shop.teh)
        // 2 × 9.999.999.999 = 19.999.999.998 > 9.999.999.999.
        #expect(refusal { try sale.adding(top, 2) }?.code == .amountTooLarge)
        #expect(sale.lines.count == 1)
    }

    @Test("a sale total that passes the cap is refused when the line is added")
    func totalAboveCapOnAdd() throws {
        let one = try Sale().adding(Self.gold)
        // 6.000.000.000 + 6.000.000.000 = 12.000.000.000 > 9.999.999.999.
        #expect(refusal { try one.adding(Self.gold) }?.code == .amountTooLarge)
        // The one line alone is fine: 6.000.000.000.
        #expect(try one.priced(with: Shop.plain).total == Money(6_000_000_000))
    }

    @Test("a quantity change or a detached member that would pass the cap is refused")
    func totalAboveCapOnChange() throws {
        let one = try Sale().adding(Self.gold)
        // 2 × 6.000.000.000 = 12.000.000.000 > cap.
        #expect(refusal { try one.changingQuantity(line: 1, to: Quantity(whole: 2)) }?.code == .amountTooLarge)
        // With the member: 2 lines × 4.000.000.000 = 8.000.000.000 ≤ cap.
        let two = try Sale().attaching(Shop.siti).adding(Self.gold).adding(Self.gold)
        #expect(try two.priced(with: Shop.plain).total == Money(8_000_000_000))
        // Without the member it would be 2 × 6.000.000.000 = 12.000.000.000 > cap.
        #expect(refusal { try two.detachingMember() }?.code == .amountTooLarge)
    }
}

@Suite("A price override is final (docs/numbers-and-money.md)")
struct PriceOverrideTests {
    /// A tier with 3% off non-local goods.
    static let member = SaleMember(number: "A-7", name: "Ujang", tier: Tier(name: "tiga", discountPct: 3, localDiscountPct: 3))

    @Test("an override on a member-price line takes no tier discount: 40.000 stays 40.000")
    func overrideOnMemberPriceLine() throws {
        let sale = try Sale().attaching(Self.member).adding(Shop.minyak)
        #expect(try sale.priced(with: Shop.plain).lines[0].isAtMemberPrice)
        let overridden = try sale.overridingPrice(line: 1, to: Money(40_000))
        let line = try overridden.priced(with: Shop.plain).lines[0]
        #expect(line.unitPrice == Money(40_000))
        #expect(!line.isAtMemberPrice)
        // The old rule gave 40.000 − 3% = 38.800.
        #expect(line.discount == Money.zero)
        #expect(line.net == Money(40_000))
    }

    @Test("an override on a tier-discounted line ends the tier discount too")
    func overrideOnDiscountedLine() throws {
        // mie 3.500 × 2 = 7.000 with 3% tier = 210 off; overridden to 3.000 × 2 = 6.000, no discount.
        let sale = try Sale().attaching(Self.member).adding(Shop.mie, 2)
        #expect(try sale.priced(with: Shop.plain).lines[0].discount == Money(210))
        let line = try sale.overridingPrice(line: 1, to: Money(3_000)).priced(with: Shop.plain).lines[0]
        #expect(line.net == Money(6_000))
    }

    @Test("a manual discount still applies to an overridden line")
    func manualDiscountAfterOverride() throws {
        let sale = try Sale().attaching(Self.member).adding(Shop.minyak).overridingPrice(line: 1, to: Money(40_000))
            .discounting(line: 1, by: .amount(Money(1_000)), rules: Shop.plain)
        #expect(try sale.priced(with: Shop.plain).lines[0].net == Money(39_000))
    }
}
