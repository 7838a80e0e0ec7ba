/// What one refunded quantity of a sold line is worth (SPEC §6, refund mode): the line's
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
            let left = remaining.formatted(unit, decimalMark: ".")
            throw CoreError(
                .refundExceedsSold, field: "quantity", value: quantity.formatted(unit, decimalMark: "."), details: ["max": left],
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
