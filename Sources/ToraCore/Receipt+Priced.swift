extension Receipt.Line {
    /// A priced sale line as printed, with its discount's label (`Diskon anggota 5%`).
    public init(priced: PricedLine) {
        let item = priced.line.item
        self.init(
            name: item.name, quantity: priced.line.quantity.formatted(item.unit), unit: item.unit, unitPrice: priced.unitPrice,
            amount: priced.amount, discount: priced.discount, discountLabel: Receipt.discountLabel(priced.discountSource),
            isLocal: item.isLocal)
    }

    /// A refunded part of a sold line as printed: its share of the amount and discount.
    public init(refunded item: SaleItem, unitPrice: Money, quantity: Quantity, portion: RefundPortion) {
        self.init(
            name: item.name, quantity: quantity.formatted(item.unit), unit: item.unit, unitPrice: unitPrice, amount: portion.amount,
            discount: portion.discount, discountLabel: portion.discount.isZero ? nil : Receipt.discountLabel(.manualAmount),
            isLocal: item.isLocal)
    }
}

extension Receipt {
    /// The receipt's words for a line's discount (Bahasa Indonesia, as receipts are printed).
    public static func discountLabel(_ source: DiscountSource) -> String? {
        switch source {
        case .none: return nil
        case .tier(let pct): return "Diskon anggota \(pct)%"
        case .manualPercent(let pct): return "Diskon \(pct)%"
        case .manualAmount: return "Diskon"
        }
    }

    /// The tax summary lines of a priced sale or refund.
    public static func taxLines(_ taxes: [TaxSummary]) -> [TaxLine] { taxes.map { TaxLine(rate: $0.rate, dpp: $0.dpp, tax: $0.tax) } }

    /// Σ change of the payments: only cash gives change.
    public static func change(of payments: [Payment]) -> Money { Money(payments.reduce(0) { $0 + $1.change.rupiah }) }
}
