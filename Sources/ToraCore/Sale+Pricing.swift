/// Where a line's discount came from.
public enum DiscountSource: Sendable, Hashable, Codable {
    case none
    /// The attached member's tier percent (local or non-local rate).
    case tier(percent: Int64)
    case manualPercent(Int64)
    case manualAmount
}

/// One line with its money worked out by the rules of docs/pricing.md.
public struct PricedLine: Sendable, Hashable {
    public let line: SaleLine
    /// The unit price used: price, member price, or the supervisor's override.
    public let unitPrice: Money
    public let isAtMemberPrice: Bool
    /// round-half-up(unit price × quantity), or the scale label's amount.
    public let amount: Money
    public let discount: Money
    public let discountSource: DiscountSource
    /// amount − discount; zero for a voided line.
    public let net: Money

    public var number: Int { line.number }
    public var isVoided: Bool { line.isVoided }
}

/// The PPN of one rate (docs/pricing.md): base is Σ line nets of `ppn` lines, tax is
/// contained in it, DPP is base − tax.
public struct TaxSummary: Sendable, Hashable, Codable {
    public let rate: TaxRate
    public let base: Money
    public let tax: Money
    public let dpp: Money
}

/// A sale with every amount worked out. Voided lines are listed (they print as voided)
/// and count for nothing.
public struct PricedSale: Sendable, Hashable {
    public let lines: [PricedLine]
    /// Σ line amounts of active lines, before discounts.
    public let gross: Money
    /// Σ line discounts of active lines.
    public let discounts: Money
    /// Σ line nets: what the customer owes before cash rounding.
    public let total: Money
    /// Empty unless the shop is PKP and some line carries PPN.
    public let taxes: [TaxSummary]

    public var activeLines: [PricedLine] { lines.filter { !$0.isVoided } }
    public var tax: Money { Money(taxes.reduce(0) { $0 + $1.tax.rupiah }) }
    public var dpp: Money { Money(taxes.reduce(0) { $0 + $1.dpp.rupiah }) }
}

extension Sale {
    /// Works out every line and the totals by docs/pricing.md, steps 1 to 5.
    public func priced(with rules: PricingRules) throws(CoreError) -> PricedSale {
        var priced: [PricedLine] = []
        priced.reserveCapacity(lines.count)
        for line in lines {
            priced.append(try Sale.price(line, member: member))
        }
        let active = priced.filter { !$0.isVoided }
        let gross = try Money.sum(active.map(\.amount))
        let discounts = try Money.sum(active.map(\.discount))
        let total = try Money.sum(active.map(\.net))
        let taxes = try rules.taxes(ppnBase: try Money.sum(active.filter { $0.line.item.tax == .ppn }.map(\.net)))
        return PricedSale(lines: priced, gross: gross, discounts: discounts, total: total, taxes: taxes)
    }

    /// Steps 1–4 for one line.
    static func price(_ line: SaleLine, member: SaleMember?) throws(CoreError) -> PricedLine {
        let item = line.item
        let memberPrice = member == nil ? nil : item.memberPrice
        let isAtMemberPrice = line.priceOverride == nil && line.fixedAmount == nil && memberPrice != nil
        let unitPrice = line.priceOverride ?? memberPrice ?? item.price
        let amount: Money
        if let fixed = line.fixedAmount {
            amount = fixed
        } else {
            amount = try unitPrice.times(line.quantity)
        }

        var discount = Money.zero
        var source = DiscountSource.none
        if let manual = line.manualDiscount {
            switch manual {
            case .percent(let pct):
                discount = amount.percent(pct)
                source = .manualPercent(pct)
            case .amount(let value):
                discount = Money.min(value, amount)
                source = .manualAmount
            }
        } else if let member, !isAtMemberPrice, line.priceOverride == nil, item.isDiscountable {
            // A supervisor's price is final: no tier discount on top of it.
            let pct = item.isLocal ? member.tier.localDiscountPct : member.tier.discountPct
            if pct > 0 {
                discount = amount.percent(pct)
                source = .tier(percent: pct)
            }
        }
        discount = Money.min(discount, amount)
        let net = line.isVoided ? Money.zero : try amount.minus(discount)
        return PricedLine(
            line: line, unitPrice: unitPrice, isAtMemberPrice: isAtMemberPrice, amount: amount,
            discount: discount, discountSource: source, net: net)
    }
}
