/// A member's credit account (kasbon) as the books add it up (docs/shifts-and-credit.md):
/// owed = Σ credit taken − Σ repaid − credit refunded; `pay credit` may add at most
/// limit − owed. Every figure is whole rupiah, passed in: no database, no clock.
public struct CreditPosition: Sendable, Hashable {
    /// The member's `credit_limit`.
    public var limit: Money
    /// Σ `credit` payments of the member's completed sales.
    public var taken: Money
    /// Σ credit given back by refunds paid to the member's account.
    public var refunded: Money
    /// Σ repayments (cash, QRIS, debit).
    public var repaid: Money

    public init(limit: Money, taken: Money, refunded: Money = .zero, repaid: Money = .zero) {
        self.limit = limit
        self.taken = taken
        self.refunded = refunded
        self.repaid = repaid
    }

    /// What the member owes the shop; negative when the shop owes the member (a refund to
    /// the account beyond what was owed).
    public var owed: Money { Money(taken.rupiah - repaid.rupiah - refunded.rupiah) }

    /// What the member still owes as shown to people: owed, never below zero.
    public var outstanding: Money { Money(max(0, owed.rupiah)) }

    /// What `pay credit` may still put on the account: limit − owed, never below zero.
    public var available: Money { Money(max(0, limit.rupiah - owed.rupiah)) }

    /// Checks a repayment of `amount` by `method` and returns the position after it.
    /// Refused: an amount of zero or less, above `Money.maximum`, above what is owed, or
    /// a repayment "on credit" (it is paid in cash, QRIS or debit).
    public func repaying(_ amount: Money, by method: TenderMethod, member: String) throws(CoreError) -> CreditPosition {
        _ = try Money.validated(amount.rupiah, field: "amount")
        guard method != .credit else {
            throw CoreError(
                .invalidRepaymentMethod, field: "method", value: method.rawValue,
                reason: "a credit repayment is paid in cash, qris or debit, not on credit")
        }
        guard amount.rupiah > 0 else {
            throw CoreError(.zeroTender, field: "amount", value: amount.formatted, reason: "a repayment must be more than zero")
        }
        guard amount.rupiah <= owed.rupiah else {
            throw CoreError(
                .repaymentExceedsOwed, field: "amount", value: amount.formatted,
                details: ["member": member, "amount": amount.formatted, "owed": outstanding.formatted],
                reason: "\(amount.formatted) is more than member \(member) owes (\(outstanding.formatted))")
        }
        var next = self
        next.repaid = Money(repaid.rupiah + amount.rupiah)
        return next
    }
}

/// The cash a drawer should hold (docs/shifts-and-credit.md): the opening float, plus cash
/// kept from sales (never cash tendered), less cash paid out for refunds, plus the
/// members' money taken in cash (credit repaid, savings deposited) less savings paid out.
public struct DrawerCash: Sendable, Hashable {
    public var openingFloat: Money
    /// Σ cash payments kept by sales.
    public var cashSales: Money
    /// Σ cash paid back by refunds (a positive amount).
    public var cashRefunds: Money
    /// Σ members' money movements in cash, signed: credit repaid and savings deposited
    /// are positive, savings withdrawn negative.
    public var memberMoney: Money

    public init(openingFloat: Money, cashSales: Money, cashRefunds: Money, memberMoney: Money = .zero) {
        self.openingFloat = openingFloat
        self.cashSales = cashSales
        self.cashRefunds = cashRefunds
        self.memberMoney = memberMoney
    }

    /// float + cash sales − cash refunds + members' money in cash.
    public var expected: Money {
        Money(openingFloat.rupiah + cashSales.rupiah - cashRefunds.rupiah + memberMoney.rupiah)
    }

    /// counted − expected: positive is over, negative short.
    public func overShort(counted: Money) -> Money { Money(counted.rupiah - expected.rupiah) }
}
