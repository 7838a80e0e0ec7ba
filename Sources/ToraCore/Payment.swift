/// How a customer pays (docs/pricing.md). Only cash gives change; credit goes on the member's account.
public enum TenderMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case cash
    case qris
    case debit
    case credit

    /// Reads `cash`/`tunai`, `qris`, `debit`, `credit`/`kredit`/`hutang`, any case.
    public static func parse(_ text: String) -> TenderMethod? {
        switch text.trimmingSpaces().lowercased() {
        case "cash", "tunai": return .cash
        case "qris": return .qris
        case "debit", "kartu": return .debit
        case "credit", "kredit", "hutang", "bon": return .credit
        default: return nil
        }
    }
}

/// One tender applied to a sale: `amount` is what the shop keeps, `tendered` what was
/// handed over. They differ only for cash, by the change.
public struct Payment: Sendable, Hashable, Codable {
    public let method: TenderMethod
    public let amount: Money
    public let tendered: Money

    public init(method: TenderMethod, amount: Money, tendered: Money) {
        self.method = method
        self.amount = amount
        self.tendered = tendered
    }

    public var change: Money { Money(tendered.rupiah - amount.rupiah) }
}

extension Sale {
    /// What is still owed: total − Σ payments kept − rounding forgiven.
    public func remaining(with rules: PricingRules) throws(CoreError) -> Money {
        let total = try priced(with: rules).total
        let paid = try Money.sum(payments.map(\.amount))
        return Money(total.rupiah - paid.rupiah - rounding.rupiah)
    }

    /// Whether the payments cover the total, so the sale can be completed.
    public func isSettled(with rules: PricingRules) throws(CoreError) -> Bool {
        guard !isEmpty, !payments.isEmpty else { return false }
        return try remaining(with: rules).rupiah <= 0
    }

    /// What cash would settle the rest: the remainder rounded DOWN to the cash rounding
    /// step, or in full when less than one step is left (`CashRounding.due`).
    public func cashDue(with rules: PricingRules) throws(CoreError) -> Money {
        CashRounding.due(try remaining(with: rules), step: rules.cashRounding)
    }

    /// Applies a tender (docs/pricing.md; the till's `pay`).
    ///
    /// - `cash`: `tendered` nil means exact cash. When it covers the cash due the sale is
    ///   settled, change is given and the rounded-down difference is recorded as rounding;
    ///   less is a part payment.
    /// - `qris`/`debit`: `tendered` nil means the rest; more than the rest is refused (only
    ///   cash gives change).
    /// - `credit`: always the rest, on the attached member's account, refused beyond
    ///   `creditAvailable` (the member's limit less what they already owe).
    public func paying(
        _ method: TenderMethod, tendered: Money?, rules: PricingRules, creditAvailable: Money? = nil
    ) throws(CoreError) -> Sale {
        guard !isEmpty else {
            throw CoreError(.emptySale, reason: "the sale has no items to pay for")
        }
        let rest = try remaining(with: rules)
        guard rest.rupiah > 0 || payments.isEmpty else {
            throw CoreError(.alreadyPaid, reason: "the sale is already paid")
        }
        if let tendered {
            _ = try Money.validated(tendered.rupiah, field: "amount")
            guard !tendered.isNegative else {
                throw CoreError(.negativeAmount, field: "amount", value: tendered.formatted, reason: "a payment must be more than zero")
            }
            guard !tendered.isZero || rest.isZero else {
                throw CoreError(.zeroTender, field: "amount", value: tendered.formatted, reason: "a payment must be more than zero")
            }
        }
        var next = self
        switch method {
        case .cash:
            let due = try cashDue(with: rules)
            let given = tendered ?? due
            if given >= due {
                next.record(Payment(method: .cash, amount: due, tendered: given), rounding: try rounding.plus(try rest.minus(due)))
            } else {
                next.record(Payment(method: .cash, amount: given, tendered: given), rounding: rounding)
            }
        case .qris, .debit:
            let amount = tendered ?? rest
            guard amount <= rest else {
                throw CoreError(
                    .tenderExceedsDue, field: "amount", value: amount.formatted,
                    details: ["due": rest.formatted, "method": method.rawValue],
                    reason: "\(amount.formatted) by \(method.rawValue) is more than the \(rest.formatted) due; only cash gives change")
            }
            next.record(Payment(method: method, amount: amount, tendered: amount), rounding: rounding)
        case .credit:
            guard let member else {
                throw CoreError(.creditNeedsMember, reason: "credit needs a member attached to the sale")
            }
            let available = creditAvailable ?? .zero
            guard rest <= available else {
                throw CoreError(
                    .creditLimitExceeded, field: "amount", value: rest.formatted,
                    details: ["available": available.formatted, "member": member.number, "due": rest.formatted],
                    reason: "\(rest.formatted) is more than member \(member.number)'s available credit of \(available.formatted)")
            }
            if let tendered, tendered != rest {
                throw CoreError(
                    .tenderExceedsDue, field: "amount", value: tendered.formatted,
                    details: ["due": rest.formatted, "method": method.rawValue],
                    reason: "credit takes the whole \(rest.formatted) still due")
            }
            next.record(Payment(method: .credit, amount: rest, tendered: rest), rounding: rounding)
        }
        return next
    }
}
