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

extension SalesReport {
    /// The savings section (docs/savings.md): deposits and withdrawals are not sales; the
    /// cash ones count in expected cash.
    public struct Savings: Sendable, Hashable {
        public var depositsByMethod: [TenderMethod: Money] = [:]
        /// Paid out, as positive amounts.
        public var withdrawalsByMethod: [TenderMethod: Money] = [:]
        public var deposits: Money { Money(depositsByMethod.values.reduce(0) { $0 + $1.rupiah }) }
        public var withdrawals: Money { Money(withdrawalsByMethod.values.reduce(0) { $0 + $1.rupiah }) }

        public init(depositsByMethod: [TenderMethod: Money] = [:], withdrawalsByMethod: [TenderMethod: Money] = [:]) {
            self.depositsByMethod = depositsByMethod
            self.withdrawalsByMethod = withdrawalsByMethod
        }

        var json: JSONValue {
            func byMethod(_ amounts: [TenderMethod: Money]) -> JSONValue {
                .object(
                    Dictionary(
                        uniqueKeysWithValues: [TenderMethod.cash, .qris, .debit].map {
                            ($0.rawValue, JSONValue.int(amounts[$0]?.rupiah ?? 0))
                        }))
            }
            return .object([
                "deposits": .int(deposits.rupiah), "withdrawals": .int(withdrawals.rupiah),
                "deposits_by_method": byMethod(depositsByMethod), "withdrawals_by_method": byMethod(withdrawalsByMethod),
            ])
        }
    }
}

/// A programme's day in the Z report: units sold net of refunds, their net, and buyers.
public struct SubsidyDayLine: Sendable, Hashable {
    public let programme: String
    public let units: Quantity
    public let unit: MeasureUnit
    public let net: Money
    public let buyers: Int

    public init(programme: String, units: Quantity, unit: MeasureUnit, net: Money, buyers: Int) {
        self.programme = programme
        self.units = units
        self.unit = unit
        self.net = net
        self.buyers = buyers
    }

    /// `{programme, units, net, buyers}`: units as a decimal number of the products' unit.
    public var json: JSONValue {
        .object([
            "programme": .string(programme), "units": .number(SalesReport.decimal(thousandths: units.thousandths)),
            "unit": .string(unit.rawValue), "net": .int(net.rupiah), "buyers": .int(Int64(buyers)),
        ])
    }
}
