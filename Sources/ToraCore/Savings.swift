/// A member's savings account at the cooperative (docs/savings.md): simpanan pokok (paid
/// once on joining), wajib (periodic) and sukarela (voluntary).
public enum SavingsAccount: String, Sendable, Hashable, CaseIterable, Codable {
    case pokok, wajib, sukarela

    /// The account named by `text` (`pokok`, `wajib`, `sukarela`, any case), else nil.
    public static func parse(_ text: String) -> SavingsAccount? { SavingsAccount(rawValue: text.lowercased()) }

    /// Pokok and wajib stay with the cooperative until membership ends; sukarela may be
    /// withdrawn at any time.
    public var isLockedUntilMembershipEnds: Bool { self != .sukarela }

    /// Refuses a withdrawal from pokok or wajib unless membership ends (`closing`).
    public func checkWithdrawable(closing: Bool) throws(CoreError) {
        guard !isLockedUntilMembershipEnds || closing else {
            throw CoreError(
                .savingsLocked, field: "account", value: rawValue, details: ["account": rawValue],
                reason: "simpanan \(rawValue) is paid out only when membership ends (a manager, with --closing)")
        }
    }
}

/// A member's savings balances as the books add them up: each is Σ the account's
/// movements, never negative. Every figure is whole rupiah, passed in.
public struct SavingsBalances: Sendable, Hashable {
    public var pokok: Money
    public var wajib: Money
    public var sukarela: Money

    public init(pokok: Money = .zero, wajib: Money = .zero, sukarela: Money = .zero) {
        self.pokok = pokok
        self.wajib = wajib
        self.sukarela = sukarela
    }

    public subscript(account: SavingsAccount) -> Money {
        get {
            switch account {
            case .pokok: return pokok
            case .wajib: return wajib
            case .sukarela: return sukarela
            }
        }
        set {
            switch account {
            case .pokok: pokok = newValue
            case .wajib: wajib = newValue
            case .sukarela: sukarela = newValue
            }
        }
    }

    /// pokok + wajib + sukarela: the member's capital in the cooperative (SHU jasa modal).
    public var total: Money { Money(pokok.rupiah + wajib.rupiah + sukarela.rupiah) }

    /// Checks a deposit of `amount` into `account` and returns the balances after it.
    /// Refused: zero or less, above `Money.maximum`, a balance that would pass the maximum,
    /// or a deposit "on credit".
    public func depositing(
        _ amount: Money, into account: SavingsAccount, by method: TenderMethod = .cash
    ) throws(CoreError) -> SavingsBalances {
        try Self.check(amount, method)
        let after = try Money.validated(self[account].rupiah + amount.rupiah, field: "amount")
        var next = self
        next[account] = after
        return next
    }

    /// Checks a withdrawal of `amount` from `account` and returns the balances after it.
    /// Pokok and wajib are paid out only when membership ends (`closing`); no balance goes
    /// below zero. `elsewhere` is the member's sukarela at the cooperative's other outlets
    /// as the last sync brought it (docs/savings.md "Across outlets"): a sukarela
    /// withdrawal may take up to this balance and that one together, so this balance alone
    /// may go below zero while the two together never do.
    public func withdrawing(
        _ amount: Money, from account: SavingsAccount, by method: TenderMethod = .cash, member: String, closing: Bool = false,
        elsewhere: Money = .zero
    ) throws(CoreError) -> SavingsBalances {
        try Self.check(amount, method)
        try account.checkWithdrawable(closing: closing)
        let balance = self[account]
        let reachable = account == .sukarela && !closing ? Money(balance.rupiah + elsewhere.rupiah) : balance
        guard amount.rupiah <= reachable.rupiah else {
            throw CoreError(
                .withdrawalExceedsBalance, field: "amount", value: amount.formatted,
                details: ["member": member, "account": account.rawValue, "amount": amount.formatted, "balance": reachable.formatted],
                reason: "\(amount.formatted) is more than the \(account.rawValue) balance of member \(member) (\(reachable.formatted))")
        }
        var next = self
        next[account] = Money(balance.rupiah - amount.rupiah)
        return next
    }

    private static func check(_ amount: Money, _ method: TenderMethod) throws(CoreError) {
        _ = try Money.validated(amount.rupiah, field: "amount")
        guard method != .credit else {
            throw CoreError(
                .invalidSavingsMethod, field: "method", value: method.rawValue,
                reason: "savings are paid in and out in cash, qris or debit, not on credit")
        }
        guard amount.rupiah > 0 else {
            throw CoreError(.zeroSavings, field: "amount", value: amount.formatted, reason: "an amount of savings must be more than zero")
        }
    }
}

/// `tabung` after a cash sale: how much of the change goes into sukarela savings.
public enum ChangeToSavings {
    /// The amount to deposit: all the change when `requested` is nil, else `requested`,
    /// which must be more than zero and no more than the change.
    public static func amount(change: Money, requested: Money?) throws(CoreError) -> Money {
        let amount = requested ?? change
        guard amount.rupiah > 0 else {
            throw CoreError(.zeroSavings, field: "amount", value: amount.formatted, reason: "there is no change to put into savings")
        }
        guard amount.rupiah <= change.rupiah else {
            throw CoreError(
                .savingsExceedsChange, field: "amount", value: amount.formatted,
                details: ["change": change.formatted, "amount": amount.formatted],
                reason: "\(amount.formatted) is more than the change (\(change.formatted))")
        }
        return amount
    }
}

/// Dividing an SHU pool among members in proportion to a weight (purchases for jasa
/// anggota, savings for jasa modal): share = floor(pool × weight / Σ weights); what
/// flooring leaves is the undistributed remainder.
public enum ProportionalShares {
    /// One share per weight, in the same order. Weights of zero or less get nothing and do
    /// not count in the sum.
    public static func divide(pool: Money, weights: [Int64]) -> [Money] {
        let total = weights.reduce(Int64(0)) { $0 + max(0, $1) }
        return weights.map { weight in
            guard total > 0, weight > 0 else { return .zero }
            let product = pool.rupiah.multipliedFullWidth(by: weight)
            return Money(Int64(total.dividingFullWidth(product).quotient))
        }
    }
}
