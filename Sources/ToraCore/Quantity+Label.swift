extension Quantity {
    /// The quantity a price-embedded scale label stands for: price ÷ unit price in
    /// thousandths, round-half-up, at least one thousandth; one unit when the product
    /// has no price (docs/till.md).
    public static func ofPricedLabel(_ price: Money, unitPrice: Money) -> Quantity {
        guard unitPrice.rupiah > 0 else { return Quantity(thousandths: 1000) }
        return Quantity(thousandths: max(1, multipliedRoundingHalfUp(price.rupiah, by: 1000, dividedBy: unitPrice.rupiah) ?? 1))
    }
}
