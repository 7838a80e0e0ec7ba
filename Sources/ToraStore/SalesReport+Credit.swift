import ToraCore

extension SalesReport {
    /// The credit section (docs/shifts-and-credit.md): repayments are not sales; the cash
    /// ones count in expected cash.
    public struct Credit: Sendable, Hashable {
        /// Σ `credit` payments of completed sales.
        public var taken = Money.zero
        /// Σ credit given back by refunds to a member's account.
        public var refunded = Money.zero
        public var repaidByMethod: [TenderMethod: Money] = [:]
        public var repaid: Money { Money(repaidByMethod.values.reduce(0) { $0 + $1.rupiah }) }

        public init(taken: Money = .zero, refunded: Money = .zero, repaidByMethod: [TenderMethod: Money] = [:]) {
            self.taken = taken
            self.refunded = refunded
            self.repaidByMethod = repaidByMethod
        }

        var json: JSONValue {
            .object([
                "taken": .int(taken.rupiah), "refunded": .int(refunded.rupiah), "repaid": .int(repaid.rupiah),
                "repaid_by_method": .object(
                    Dictionary(
                        uniqueKeysWithValues: [TenderMethod.cash, .qris, .debit].map {
                            ($0.rawValue, JSONValue.int(repaidByMethod[$0]?.rupiah ?? 0))
                        })),
            ])
        }
    }
}
