import Testing
import ToraCore

@Suite("member credit and drawer cash")
struct MemberCreditTests {
    @Test("owed is taken less repaid less refunded; available is the limit less owed, never below zero")
    func owedAndAvailable() {
        let position = CreditPosition(limit: Money(100_000), taken: Money(120_000), refunded: Money(10_000), repaid: Money(30_000))
        #expect(position.owed == Money(80_000))
        #expect(position.available == Money(20_000))
        #expect(CreditPosition(limit: Money(50_000), taken: Money(70_000)).available == .zero)
    }

    @Test("a repayment is refused beyond what is owed, at zero, and on credit; accepted up to the rupiah")
    func repaymentRules() throws {
        let position = CreditPosition(limit: Money(100_000), taken: Money(45_000))
        #expect(try position.repaying(Money(45_000), by: .cash, member: "M1").owed == .zero)
        #expect(try position.repaying(Money(5_000), by: .qris, member: "M1").available == Money(60_000))
        #expect(throws: CoreError.self) { try position.repaying(Money(45_001), by: .cash, member: "M1") }
        #expect(throws: CoreError.self) { try position.repaying(.zero, by: .cash, member: "M1") }
        #expect(throws: CoreError.self) { try position.repaying(Money(1_000), by: .credit, member: "M1") }
        do {
            _ = try position.repaying(Money(50_000), by: .debit, member: "M1")
        } catch {
            #expect(error.code == .repaymentExceedsOwed && error.details["owed"] == "Rp45.000")
        }
    }

    @Test("expected cash is float + cash kept − cash refunds + members' money in cash")
    func expectedCash() {
        let drawer = DrawerCash(
            openingFloat: Money(100_000), cashSales: Money(3_500), cashRefunds: Money(1_000), memberMoney: Money(20_000))
        #expect(drawer.expected == Money(122_500))
        #expect(drawer.overShort(counted: Money(122_000)) == Money(-500))
    }
}
