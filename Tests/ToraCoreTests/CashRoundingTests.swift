import Testing

@testable import ToraCore

@Suite("Cash rounding never gives goods away (docs/numbers-and-money.md)")
struct CashRoundingTests {
    static let round100 = PricingRules(cashRounding: Money(100))
    /// A Rp50 sweet.
    static let sweet = Product(sku: "PERMEN-50", name: "Permen", category: "jajan", price: Money(50))

    @Test("only 0, 50, 100 and 500 are steps", arguments: ["0", "50", "100", "500", "Rp500"])
    func allowed(text: String) throws {
        #expect(CashRounding.steps.contains(try CashRounding.parse(text).rupiah))
    }

    @Test("any other step is refused", arguments: ["1.000", "1000", "200", "25", "10", "-100", "abc"])
    func refused(text: String) {
        #expect(refusal { try CashRounding.parse(text) } != nil)
    }

    @Test("a step an older version stored reads as the largest allowed step below it")
    func stored() {
        #expect(CashRounding.step(stored: "1000") == Money(500))
        #expect(CashRounding.step(stored: "100") == Money(100))
        #expect(CashRounding.step(stored: "99") == Money(50))
        #expect(CashRounding.step(stored: "junk") == Money.zero)
    }

    @Test("at least one step left is rounded down; less than a step is due in full")
    func due() {
        // 66.250 at 100 → 66.200; 150 at 100 → 100; 50 at 100 → 50; 99 at 100 → 99; 100 at 100 → 100.
        #expect(CashRounding.due(Money(66_250), step: Money(100)) == Money(66_200))
        #expect(CashRounding.due(Money(150), step: Money(100)) == Money(100))
        #expect(CashRounding.due(Money(50), step: Money(100)) == Money(50))
        #expect(CashRounding.due(Money(99), step: Money(100)) == Money(99))
        #expect(CashRounding.due(Money(100), step: Money(100)) == Money(100))
        #expect(CashRounding.due(Money(999), step: Money(500)) == Money(500))
        #expect(CashRounding.due(Money(999), step: Money.zero) == Money(999))
    }

    @Test("a Rp50 item at rounding 100 costs Rp50 in cash: paying 100 gives 50 change")
    func fiftyRupiahItem() throws {
        let sale = try Sale().adding(Self.sweet)
        #expect(try sale.cashDue(with: Self.round100) == Money(50))
        let paid = try sale.paying(.cash, tendered: Money(100), rules: Self.round100)
        #expect(paid.payments == [Payment(method: .cash, amount: Money(50), tendered: Money(100))])
        #expect(paid.rounding == Money.zero)
        #expect(try paid.isSettled(with: Self.round100))
    }

    @Test("QRIS for all but Rp99 leaves Rp99 due in cash, not Rp0")
    func qrisThenCash() throws {
        // teh 3.000 + permen 3.050 = 6.050; QRIS 5.951 leaves 99.
        let sale = try Sale().adding(Shop.teh).adding(Shop.permen).paying(.qris, tendered: Money(5_951), rules: Self.round100)
        #expect(try sale.remaining(with: Self.round100) == Money(99))
        #expect(try sale.cashDue(with: Self.round100) == Money(99))
        let exact = try sale.paying(.cash, tendered: nil, rules: Self.round100)
        #expect(exact.payments.last == Payment(method: .cash, amount: Money(99), tendered: Money(99)))
        #expect(exact.rounding == Money.zero)
        // Rp50 is a part payment, not a settlement.
        let part = try sale.paying(.cash, tendered: Money(50), rules: Self.round100)
        #expect(try part.remaining(with: Self.round100) == Money(49))
        #expect(try !part.isSettled(with: Self.round100))
    }
}
