/// The SHU patronage division of a year (docs/reports.md): the pool the annual meeting
/// assigned to member patronage, divided in proportion to each member's purchases.
public struct SHUDivision: Sendable, Hashable {
    public struct Share: Sendable, Hashable {
        public let number: String
        public let name: String
        public let purchases: Money
        public let share: Money
    }

    /// A member's purchases of the year, net of refunds.
    public struct Purchases: Sendable, Hashable {
        public let number: String
        public let name: String
        public let purchases: Money

        public init(number: String, name: String, purchases: Money) {
            self.number = number
            self.name = name
            self.purchases = purchases
        }
    }

    public let year: String
    public let pool: Money
    public let shares: [Share]
    public var totalPurchases: Money { Money(shares.reduce(0) { $0 + $1.purchases.rupiah }) }
    public var distributed: Money { Money(shares.reduce(0) { $0 + $1.share.rupiah }) }
    /// What floor division leaves undistributed.
    public var remainder: Money { Money(pool.rupiah - distributed.rupiah) }

    /// share = floor(pool × purchases / Σ purchases) by `ProportionalShares`, as the capital
    /// part divides; members are given with positive purchases, in the order to show.
    public init(year: String, pool: Money, members: [Purchases]) {
        self.year = year
        self.pool = pool
        let shares = ProportionalShares.divide(pool: pool, weights: members.map(\.purchases.rupiah))
        self.shares = zip(members, shares).map { member, share in
            Share(number: member.number, name: member.name, purchases: member.purchases, share: share)
        }
    }
}

/// The SHU capital pool (jasa modal) of a year (docs/reports.md): divided by each
/// member's savings balance (pokok + wajib + sukarela) at the end of the year, the rule
/// being `ProportionalShares`. The shop divides its own members' savings with it, the hub
/// the savings summed over a cooperative's outlets (docs/hub.md "SHU").
public struct SHUCapitalDivision: Sendable, Hashable {
    public struct Share: Sendable, Hashable {
        public let number: String
        public let name: String
        public let savings: Money
        public let share: Money
    }

    /// A member's savings balance at the end of the year.
    public struct Savings: Sendable, Hashable {
        public let number: String
        public let name: String
        public let savings: Money

        public init(number: String, name: String, savings: Money) {
            self.number = number
            self.name = name
            self.savings = savings
        }
    }

    public let year: String
    public let pool: Money
    public let shares: [Share]
    public var totalSavings: Money { Money(shares.reduce(0) { $0 + $1.savings.rupiah }) }
    public var distributed: Money { Money(shares.reduce(0) { $0 + $1.share.rupiah }) }
    /// What floor division leaves undistributed.
    public var remainder: Money { Money(pool.rupiah - distributed.rupiah) }

    /// share = floor(pool × savings / Σ savings); members are given with positive
    /// savings, in the order to show.
    public init(year: String, pool: Money, members: [Savings]) {
        self.year = year
        self.pool = pool
        let shares = ProportionalShares.divide(pool: pool, weights: members.map(\.savings.rupiah))
        self.shares = zip(members, shares).map { member, share in
            Share(number: member.number, name: member.name, savings: member.savings, share: share)
        }
    }
}
