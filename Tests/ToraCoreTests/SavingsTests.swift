import Testing
import ToraCore

@Suite("member savings rules")
struct SavingsTests {
    let member = "M1"

    @Test("balances are the sum of movements; a deposit adds, a withdrawal takes away")
    func depositAndWithdraw() throws {
        var balances = SavingsBalances()
        balances = try balances.depositing(Money(100_000), into: .pokok)
        balances = try balances.depositing(Money(10_000), into: .wajib)
        balances = try balances.depositing(Money(50_000), into: .sukarela)
        balances = try balances.withdrawing(Money(20_000), from: .sukarela, member: member)
        #expect(balances == SavingsBalances(pokok: Money(100_000), wajib: Money(10_000), sukarela: Money(30_000)))
        #expect(balances.total == Money(140_000))
    }

    @Test("no balance goes below zero")
    func neverNegative() throws {
        let balances = SavingsBalances(sukarela: Money(30_000))
        #expect(throws: CoreError.self) { try balances.withdrawing(Money(30_001), from: .sukarela, member: member) }
        do {
            _ = try balances.withdrawing(Money(30_001), from: .sukarela, member: member)
        } catch {
            #expect(error.code == .withdrawalExceedsBalance && error.details["balance"] == "Rp30.000")
        }
        #expect(try balances.withdrawing(Money(30_000), from: .sukarela, member: member).sukarela == .zero)
    }

    @Test("sukarela may be paid out up to this shop's and the other outlets' together; the two together never go below zero")
    func acrossOutlets() throws {
        let balances = SavingsBalances(pokok: Money(100_000), sukarela: Money(10_000))
        let after = try balances.withdrawing(Money(35_000), from: .sukarela, member: member, elsewhere: Money(30_000))
        #expect(after.sukarela == Money(-25_000))
        do {
            _ = try after.withdrawing(Money(5_001), from: .sukarela, member: member, elsewhere: Money(30_000))
            Issue.record("paid out more than the outlets hold together")
        } catch {
            #expect(error.code == .withdrawalExceedsBalance && error.details["balance"] == "Rp5.000")
        }
        // Another outlet that already paid out of this one's balance leaves less here.
        #expect(throws: CoreError.self) {
            try balances.withdrawing(Money(10_000), from: .sukarela, member: member, elsewhere: Money(-5_000))
        }
        // Pokok and wajib stay locked, and a closing pays out this shop's own only.
        #expect(throws: CoreError.self) { try balances.withdrawing(Money(1_000), from: .wajib, member: member, elsewhere: Money(50_000)) }
        #expect(throws: CoreError.self) {
            try balances.withdrawing(Money(100_001), from: .pokok, member: member, closing: true, elsewhere: Money(50_000))
        }
    }

    @Test("pokok and wajib are paid out only when membership ends")
    func lockedAccounts() throws {
        let balances = SavingsBalances(pokok: Money(100_000), wajib: Money(40_000))
        for account in [SavingsAccount.pokok, .wajib] {
            do {
                _ = try balances.withdrawing(Money(1_000), from: account, member: member)
                Issue.record("\(account) paid out before membership ends")
            } catch {
                #expect(error.code == .savingsLocked)
            }
        }
        let closed = try balances.withdrawing(Money(100_000), from: .pokok, member: member, closing: true)
        #expect(closed.pokok == .zero)
        #expect(throws: CoreError.self) { try balances.withdrawing(Money(100_001), from: .pokok, member: member, closing: true) }
    }

    @Test("zero, negative, too large and on-credit movements are refused")
    func refusedAmounts() {
        let balances = SavingsBalances()
        for amount in [Money.zero, Money(-5)] {
            #expect(throws: CoreError.self) { try balances.depositing(amount, into: .wajib) }
        }
        #expect(throws: CoreError.self) { try balances.depositing(Money(10_000_000_000), into: .wajib) }
        #expect(throws: CoreError.self) { try balances.depositing(Money(1_000), into: .wajib, by: .credit) }
        #expect(throws: CoreError.self) {
            try SavingsBalances(sukarela: Money.maximum).depositing(Money(1), into: .sukarela)
        }
    }

    @Test("tabung saves all the change or part of it, never more")
    func changeToSavings() throws {
        #expect(try ChangeToSavings.amount(change: Money(6_500), requested: nil) == Money(6_500))
        #expect(try ChangeToSavings.amount(change: Money(6_500), requested: Money(5_000)) == Money(5_000))
        #expect(throws: CoreError.self) { try ChangeToSavings.amount(change: Money(6_500), requested: Money(6_501)) }
        #expect(throws: CoreError.self) { try ChangeToSavings.amount(change: .zero, requested: nil) }
    }

    @Test("SHU shares are floored, the remainder stays undistributed")
    func proportionalShares() {
        // Pool 1.000.000 over savings 157.000, 100.000 and 43.000 (Σ 300.000):
        // 1.000.000 × 157/300 = 523.333,3 → 523.333; × 100/300 = 333.333,3 → 333.333;
        // × 43/300 = 143.333,3 → 143.333; distributed 999.999, remainder 1.
        let shares = ProportionalShares.divide(pool: Money(1_000_000), weights: [157_000, 100_000, 43_000, 0, -5])
        #expect(shares == [Money(523_333), Money(333_333), Money(143_333), .zero, .zero])
        #expect(ProportionalShares.divide(pool: Money(5), weights: [0, 0]) == [.zero, .zero])
        // Full-width arithmetic: a large pool times a large balance does not overflow.
        #expect(
            ProportionalShares.divide(pool: Money.maximum, weights: [Money.maximum.rupiah, Money.maximum.rupiah]) == [
                Money(Money.maximum.rupiah / 2), Money(Money.maximum.rupiah / 2),
            ])
    }

    @Test("a statement carries running balances and opens with what came before the period")
    func statementFold() {
        let movements = [
            MemberStatement.Line(
                day: "2026-11-28", at: "a", receipt: "01-20261128-0001", kind: .deposit, account: .pokok, savings: Money(100_000)),
            MemberStatement.Line(
                day: "2026-11-29", at: "b", receipt: "01-20261129-0001", kind: .sale, purchase: Money(45_000), credit: Money(45_000)),
            MemberStatement.Line(day: "2026-11-29", at: "c", receipt: nil, kind: .repayment, credit: Money(-15_000)),
            MemberStatement.Line(day: "2026-11-29", at: "d", receipt: nil, kind: .withdrawal, account: .sukarela, savings: Money(-0)),
            MemberStatement.Line(day: "2026-11-30", at: "e", receipt: nil, kind: .deposit, account: .sukarela, savings: Money(7_000)),
        ]
        let statement = MemberStatement.fold(movements, from: "2026-11-29", to: "2026-11-29")
        #expect(statement.openingBalances.pokok == Money(100_000) && statement.openingOwed == .zero)
        #expect(statement.lines.map(\.owed) == [Money(45_000), Money(30_000), Money(30_000)])
        #expect(statement.closingBalances.total == Money(100_000) && statement.closingOwed == Money(30_000))
        #expect(statement.purchases == Money(45_000))
        #expect(MemberStatement.fold(movements, from: nil, to: nil).closingBalances.sukarela == Money(7_000))
    }
}
