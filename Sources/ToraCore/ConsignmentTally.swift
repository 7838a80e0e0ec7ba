/// What the shop owes a consignor for one product (docs/reports.md): units sold net of
/// refunds, and Σ over lines of round-half-up(units × the consignor price on that line),
/// refunds negative.
public struct ConsignmentTally: Sendable, Hashable {
    public private(set) var units = Quantity.zero
    public private(set) var payable = Money.zero

    public init() {}

    /// Adds one sold (positive units) or refunded (negative units) line.
    public mutating func add(units lineUnits: Quantity, consignorPrice: Money) {
        units = Quantity(thousandths: units.thousandths + lineUnits.thousandths)
        payable = Money(payable.rupiah + Self.payable(units: lineUnits, price: consignorPrice).rupiah)
    }

    /// round-half-up(units × price) of one line, signed like its units.
    public static func payable(units: Quantity, price: Money) -> Money {
        Money(multipliedRoundingHalfUp(price.rupiah, by: units.thousandths, dividedBy: 1000) ?? 0)
    }
}
