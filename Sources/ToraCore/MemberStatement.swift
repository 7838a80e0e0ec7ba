/// A member's statement (docs/savings.md): every sale, refund, savings movement and credit
/// repayment in the order they happened, each with the running balances after it. Pure:
/// the movements are passed in, oldest first.
public struct MemberStatement: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case sale, refund, deposit, withdrawal, repayment }

        public var day: String
        public var at: String
        public var receipt: String?
        public var kind: Kind
        /// The savings account of a deposit or withdrawal.
        public var account: SavingsAccount?
        /// The sale's total (a refund's is negative); zero for money that is not a sale.
        public var purchase: Money
        /// Money into savings (a withdrawal's is negative).
        public var savings: Money
        /// What the line adds to the credit owed: credit taken by a sale, less credit given
        /// back by a refund, less a repayment.
        public var credit: Money
        /// The balances after this line (set by `fold`).
        public var balances = SavingsBalances()
        public var owed = Money.zero

        public init(
            day: String, at: String, receipt: String?, kind: Kind, account: SavingsAccount? = nil, purchase: Money = .zero,
            savings: Money = .zero, credit: Money = .zero
        ) {
            self.day = day
            self.at = at
            self.receipt = receipt
            self.kind = kind
            self.account = account
            self.purchase = purchase
            self.savings = savings
            self.credit = credit
        }
    }

    /// The balances before the first line shown.
    public var openingBalances = SavingsBalances()
    public var openingOwed = Money.zero
    public var lines: [Line] = []

    public var closingBalances: SavingsBalances { lines.last?.balances ?? openingBalances }
    public var closingOwed: Money { lines.last?.owed ?? openingOwed }
    /// Σ purchases (sales less refunds) of the lines shown.
    public var purchases: Money { Money(lines.reduce(0) { $0 + $1.purchase.rupiah }) }

    public init() {}

    /// Adds up `movements` (oldest first) and keeps those from `from` to `to` (business
    /// days, both included; nil is open), the earlier ones making the opening balances.
    public static func fold(_ movements: [Line], from: String?, to: String?) -> MemberStatement {
        var statement = MemberStatement()
        var balances = SavingsBalances()
        var owed: Int64 = 0
        for var line in movements {
            if let to, line.day > to { break }
            if let account = line.account { balances[account] = Money(balances[account].rupiah + line.savings.rupiah) }
            owed += line.credit.rupiah
            line.balances = balances
            line.owed = Money(owed)
            if let from, line.day < from {
                statement.openingBalances = balances
                statement.openingOwed = Money(owed)
            } else {
                statement.lines.append(line)
            }
        }
        return statement
    }
}
