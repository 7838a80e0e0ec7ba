/// What one refunded quantity of a sold line is worth (docs/pricing.md, refund mode): the line's
/// amount, discount and net in proportion to the quantity, round-half-up; the last part
/// of a line takes exactly what is left, so refunding a line in pieces never pays back
/// more or less than its net.
public struct RefundPortion: Sendable, Hashable {
    public let amount: Money
    public let discount: Money
    public let net: Money

    /// - Parameters:
    ///   - sold: the line as sold (quantity, amount, discount, net).
    ///   - before: what earlier refunds of this line already took.
    ///   - quantity: how much is refunded now; at most sold − before.
    public static func of(
        sold: (quantity: Quantity, amount: Money, discount: Money, net: Money),
        before: (quantity: Quantity, amount: Money, discount: Money, net: Money),
        quantity: Quantity, unit: MeasureUnit
    ) throws(CoreError) -> RefundPortion {
        let remaining = sold.quantity - before.quantity
        guard quantity.thousandths > 0 else {
            throw CoreError(
                .invalidQuantity, field: "quantity", value: quantity.description, reason: "a refund quantity must be more than zero")
        }
        guard quantity <= remaining else {
            let left = remaining.formatted(unit)
            throw CoreError(
                .refundExceedsSold, field: "quantity", value: quantity.formatted(unit), details: ["max": left],
                reason: "only \(left) of this line is left to refund")
        }
        if quantity == remaining {
            let amount = Money(sold.amount.rupiah - before.amount.rupiah)
            let net = Money(sold.net.rupiah - before.net.rupiah)
            return RefundPortion(amount: amount, discount: Money(amount.rupiah - net.rupiah), net: net)
        }
        func share(_ value: Money) -> Money {
            Money(multipliedRoundingHalfUp(value.rupiah, by: quantity.thousandths, dividedBy: sold.quantity.thousandths) ?? 0)
        }
        let amount = share(sold.amount)
        let net = share(sold.net)
        return RefundPortion(amount: amount, discount: Money(amount.rupiah - net.rupiah), net: net)
    }
}

/// What a refund pays back in all: its amounts and the PPN contained in it.
public struct RefundTotals: Sendable, Hashable {
    public let gross: Money
    public let discounts: Money
    /// Σ portion nets: what is paid back. Refunds are exact: no cash rounding.
    public let total: Money
    public let taxes: [TaxSummary]

    public var tax: Money { Money(taxes.reduce(0) { $0 + $1.tax.rupiah }) }
    public var dpp: Money { Money(taxes.reduce(0) { $0 + $1.dpp.rupiah }) }

    /// Sums `portions` and works out their tax under `rules`, the PPN rate and PKP status
    /// the SALE was made with (not today's settings), so a refund after a rate change takes
    /// back exactly the tax that sale charged on those goods.
    public static func of(_ portions: [(portion: RefundPortion, tax: TaxClass)], soldUnder rules: PricingRules) throws(CoreError)
        -> RefundTotals
    {
        let gross = try Money.sum(portions.map(\.portion.amount))
        let discounts = try Money.sum(portions.map(\.portion.discount))
        let total = try Money.sum(portions.map(\.portion.net))
        let base = try Money.sum(portions.filter { $0.tax == .ppn }.map(\.portion.net))
        return RefundTotals(gross: gross, discounts: discounts, total: total, taxes: try rules.taxes(ppnBase: base))
    }
}
