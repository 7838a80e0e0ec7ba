import Testing

@testable import ToraCore

@Suite("Payments: tenders, change and cash rounding (docs/pricing.md)")
struct PaymentTests {
    /// minyak 38.900 + gula aren 25.000 + mie ×5 (5 × 3.500 = 17.500) + teh 3.000 = 84.400.
    func sale84400() throws -> Sale {
        try Sale().adding(Shop.minyak).adding(Shop.gulaAren).adding(Shop.mie, 5).adding(Shop.teh)
    }

    /// minyak 38.900 + gula aren 25.000 + mie ×5 17.500 + permen 3.050 = 84.450.
    func sale84450() throws -> Sale {
        try Sale().adding(Shop.minyak).adding(Shop.gulaAren).adding(Shop.mie, 5).adding(Shop.permen)
    }

    static let round100 = PricingRules(cashRounding: Money(100))

    @Test("the test baskets total what their comments say")
    func baskets() throws {
        #expect(try sale84400().priced(with: Shop.plain).total == Money(84_400))
        #expect(try sale84450().priced(with: Shop.plain).total == Money(84_450))
    }

    @Test("exact cash settles the sale with no change")
    func exactCash() throws {
        for tendered in [nil, Money(84_400)] {
            let paid = try sale84400().paying(.cash, tendered: tendered, rules: Shop.plain)
            let payment = try #require(paid.payments.first)
            #expect(payment == Payment(method: .cash, amount: Money(84_400), tendered: Money(84_400)))
            #expect(payment.change == Money.zero)
            #expect(try paid.remaining(with: Shop.plain) == Money.zero)
            #expect(try paid.isSettled(with: Shop.plain))
            #expect(paid.rounding == Money.zero)
        }
    }

    @Test("a Rp100.000 note for Rp84.400 keeps 84.400 and gives 15.600 change")
    func cashWithChange() throws {
        let paid = try sale84400().paying(.cash, tendered: Money(100_000), rules: Shop.plain)
        let payment = try #require(paid.payments.first)
        // Kept: the sale's 84.400 (what expected cash counts); change 100.000 − 84.400 = 15.600.
        #expect(payment.amount == Money(84_400))
        #expect(payment.tendered == Money(100_000))
        #expect(payment.change == Money(15_600))
        #expect(try paid.isSettled(with: Shop.plain))
    }

    @Test("cash rounding 100 rounds the remainder DOWN: 84.450 → cash due 84.400, rounding 50")
    func cashRoundingDown() throws {
        let sale = try sale84450()
        // 84.450 rounded down to a multiple of 100 = 84.400 (down, though 50 is half way).
        #expect(try sale.cashDue(with: Self.round100) == Money(84_400))
        let paid = try sale.paying(.cash, tendered: Money(100_000), rules: Self.round100)
        let payment = try #require(paid.payments.first)
        #expect(payment.amount == Money(84_400))
        // 100.000 − 84.400 = 15.600.
        #expect(payment.change == Money(15_600))
        // Forgiven: 84.450 − 84.400 = 50.
        #expect(paid.rounding == Money(50))
        // 84.450 − 84.400 paid − 50 forgiven = 0.
        #expect(try paid.remaining(with: Self.round100) == Money.zero)
        #expect(try paid.isSettled(with: Self.round100))
    }

    @Test("exact cash with cash rounding pays the rounded-down amount")
    func exactCashRounded() throws {
        let paid = try sale84450().paying(.cash, tendered: nil, rules: Self.round100)
        #expect(paid.payments.first == Payment(method: .cash, amount: Money(84_400), tendered: Money(84_400)))
        #expect(paid.rounding == Money(50))
    }

    @Test("with cash rounding off, cash due is the exact remainder")
    func cashRoundingOff() throws {
        #expect(try sale84450().cashDue(with: Shop.plain) == Money(84_450))
        let paid = try sale84450().paying(.cash, tendered: Money(100_000), rules: Shop.plain)
        // 100.000 − 84.450 = 15.550.
        #expect(paid.payments.first?.change == Money(15_550))
        #expect(paid.rounding == Money.zero)
    }

    @Test("cash rounding never applies to QRIS: it pays the exact remainder")
    func qrisNotRounded() throws {
        let paid = try sale84450().paying(.qris, tendered: nil, rules: Self.round100)
        #expect(paid.payments.first == Payment(method: .qris, amount: Money(84_450), tendered: Money(84_450)))
        #expect(paid.rounding == Money.zero)
        #expect(try paid.isSettled(with: Self.round100))
    }

    @Test("split QRIS then cash: the cash settles the rest and gives change")
    func splitQrisCash() throws {
        let first = try sale84400().paying(.qris, tendered: Money(50_000), rules: Shop.plain)
        // 84.400 − 50.000 = 34.400 still due.
        #expect(try first.remaining(with: Shop.plain) == Money(34_400))
        #expect(try !first.isSettled(with: Shop.plain))
        let paid = try first.paying(.cash, tendered: Money(50_000), rules: Shop.plain)
        // Cash keeps 34.400; change 50.000 − 34.400 = 15.600.
        #expect(
            paid.payments == [
                Payment(method: .qris, amount: Money(50_000), tendered: Money(50_000)),
                Payment(method: .cash, amount: Money(34_400), tendered: Money(50_000)),
            ])
        #expect(paid.payments[1].change == Money(15_600))
        #expect(try paid.isSettled(with: Shop.plain))
    }

    @Test("split QRIS then cash with cash rounding rounds only the cash remainder")
    func splitWithRounding() throws {
        let first = try sale84450().paying(.qris, tendered: Money(50_000), rules: Self.round100)
        // 84.450 − 50.000 = 34.450 → cash due rounded down 34.400.
        #expect(try first.cashDue(with: Self.round100) == Money(34_400))
        let paid = try first.paying(.cash, tendered: Money(40_000), rules: Self.round100)
        // Kept 34.400, change 40.000 − 34.400 = 5.600, forgiven 50.
        #expect(paid.payments.last?.amount == Money(34_400))
        #expect(paid.payments.last?.change == Money(5_600))
        #expect(paid.rounding == Money(50))
        #expect(try paid.isSettled(with: Self.round100))
    }

    @Test("a partial cash payment leaves a remainder and no rounding")
    func partialCash() throws {
        let first = try sale84400().paying(.cash, tendered: Money(50_000), rules: Shop.plain)
        #expect(first.payments.first == Payment(method: .cash, amount: Money(50_000), tendered: Money(50_000)))
        // 84.400 − 50.000 = 34.400.
        #expect(try first.remaining(with: Shop.plain) == Money(34_400))
        #expect(try !first.isSettled(with: Shop.plain))
        let paid = try first.paying(.cash, tendered: nil, rules: Shop.plain)
        #expect(paid.payments.last?.amount == Money(34_400))
        #expect(try paid.isSettled(with: Shop.plain))
    }

    @Test("with cash rounding, a partial cash payment is not rounded; the settling one is")
    func partialCashThenRounding() throws {
        let first = try sale84450().paying(.cash, tendered: Money(50_000), rules: Self.round100)
        #expect(first.rounding == Money.zero)
        // 84.450 − 50.000 = 34.450 left; cash due 34.400.
        #expect(try first.remaining(with: Self.round100) == Money(34_450))
        let paid = try first.paying(.cash, tendered: Money(34_400), rules: Self.round100)
        #expect(paid.rounding == Money(50))
        #expect(try paid.remaining(with: Self.round100) == Money.zero)
    }

    @Test("QRIS or debit above what is due is refused: only cash gives change")
    func qrisAboveDue() throws {
        let sale = try sale84400()
        let error = refusal { try sale.paying(.qris, tendered: Money(85_000), rules: Shop.plain) }
        #expect(error?.code == .tenderExceedsDue)
        #expect(error?.details["due"] == "Rp84.400")
        #expect(refusal { try sale.paying(.debit, tendered: Money(84_401), rules: Shop.plain) }?.code == .tenderExceedsDue)
        // After 50.000 by QRIS, 34.400 is due: 34.401 is one rupiah too much.
        let first = try sale.paying(.qris, tendered: Money(50_000), rules: Shop.plain)
        #expect(refusal { try first.paying(.debit, tendered: Money(34_401), rules: Shop.plain) }?.code == .tenderExceedsDue)
        #expect(try first.paying(.debit, tendered: nil, rules: Shop.plain).payments.last?.amount == Money(34_400))
    }

    @Test("credit needs a member attached")
    func creditNeedsMember() throws {
        let error = refusal { try sale84400().paying(.credit, tendered: nil, rules: Shop.plain, creditAvailable: Money(1_000_000)) }
        #expect(error?.code == .creditNeedsMember)
    }

    @Test("credit puts the rest on the member's account within the available credit")
    func creditWithinAvailable() throws {
        // rokok is not discountable and has no member price: 2 × 33.000 = 66.000 even with Siti.
        let sale = try Sale().adding(Shop.rokok, 2).attaching(Shop.siti)
        #expect(try sale.priced(with: Shop.plain).total == Money(66_000))
        let over = refusal { try sale.paying(.credit, tendered: nil, rules: Shop.plain, creditAvailable: Money(50_000)) }
        #expect(over?.code == .creditLimitExceeded)
        #expect(over?.details["available"] == "Rp50.000")
        // No available credit given means none.
        #expect(refusal { try sale.paying(.credit, tendered: nil, rules: Shop.plain) }?.code == .creditLimitExceeded)
        // Exactly the available credit is allowed.
        let paid = try sale.paying(.credit, tendered: nil, rules: Shop.plain, creditAvailable: Money(66_000))
        #expect(paid.payments == [Payment(method: .credit, amount: Money(66_000), tendered: Money(66_000))])
        #expect(try paid.isSettled(with: Shop.plain))
    }

    @Test("cash first, then credit for the rest within the available credit")
    func cashThenCredit() throws {
        let sale = try Sale().adding(Shop.rokok, 2).attaching(Shop.siti).paying(.cash, tendered: Money(20_000), rules: Shop.plain)
        // 66.000 − 20.000 = 46.000 ≤ 50.000 available.
        let paid = try sale.paying(.credit, tendered: nil, rules: Shop.plain, creditAvailable: Money(50_000))
        #expect(paid.payments.last == Payment(method: .credit, amount: Money(46_000), tendered: Money(46_000)))
        #expect(try paid.isSettled(with: Shop.plain))
        // Credit takes the whole rest, not a part of it.
        let part = refusal { try sale.paying(.credit, tendered: Money(10_000), rules: Shop.plain, creditAvailable: Money(50_000)) }
        #expect(part?.code == .tenderExceedsDue)
    }

    @Test("no line may change once a payment is taken")
    func noChangesAfterPayment() throws {
        let sale = try sale84400().paying(.cash, tendered: Money(20_000), rules: Shop.plain)
        #expect(refusal { try sale.adding(Shop.teh) }?.code == .saleHasPayments)
        #expect(refusal { try sale.voiding(line: 1) }?.code == .saleHasPayments)
        #expect(refusal { try sale.changingQuantity(line: 3, to: Quantity(whole: 1)) }?.code == .saleHasPayments)
        #expect(refusal { try sale.discounting(line: 1, by: .percent(5), rules: Shop.plain) }?.code == .saleHasPayments)
        #expect(refusal { try sale.overridingPrice(line: 1, to: Money(1)) }?.code == .saleHasPayments)
        #expect(refusal { try sale.attaching(Shop.siti) }?.code == .saleHasPayments)
        #expect(refusal { try sale.detachingMember() }?.code == .saleHasPayments)
    }

    @Test("paying an empty sale is refused")
    func emptySale() throws {
        #expect(refusal { try Sale().paying(.cash, tendered: Money(10_000), rules: Shop.plain) }?.code == .emptySale)
        let allVoided = try Sale().adding(Shop.teh).voiding(line: 1)
        #expect(refusal { try allVoided.paying(.cash, tendered: nil, rules: Shop.plain) }?.code == .emptySale)
        #expect(try !Sale().isSettled(with: Shop.plain))
    }

    @Test("paying a settled sale again is refused")
    func alreadyPaid() throws {
        let paid = try sale84400().paying(.cash, tendered: nil, rules: Shop.plain)
        #expect(refusal { try paid.paying(.cash, tendered: Money(1_000), rules: Shop.plain) }?.code == .alreadyPaid)
    }

    @Test("a tender of zero, a negative tender and one above the cap are refused")
    func badTenders() throws {
        let sale = try sale84400()
        #expect(refusal { try sale.paying(.cash, tendered: Money.zero, rules: Shop.plain) }?.code == .zeroTender)
        #expect(refusal { try sale.paying(.qris, tendered: Money(-1), rules: Shop.plain) }?.code == .negativeAmount)
        #expect(refusal { try sale.paying(.cash, tendered: Money(10_000_000_000), rules: Shop.plain) }?.code == .amountTooLarge)
        #expect(sale.payments.isEmpty)
    }

    @Test("tender words read in Indonesian and English")
    func tenderWords() {
        #expect(TenderMethod.parse("tunai") == .cash)
        #expect(TenderMethod.parse("CASH") == .cash)
        #expect(TenderMethod.parse("qris") == .qris)
        #expect(TenderMethod.parse("debit") == .debit)
        #expect(TenderMethod.parse("kredit") == .credit)
        #expect(TenderMethod.parse("cek") == nil)
    }
}
