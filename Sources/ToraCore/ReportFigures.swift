/// The figures a sales report derives from its stored sums, the same for the shop's
/// SQLite file and the cooperative's hub (docs/reports.md).
public enum ReportFigures {
    /// gross − discounts − rounding − refunds: what the day (or shift) took.
    public static func net(gross: Money, discounts: Money, rounding: Money, refunds: Money) -> Money {
        Money(gross.rupiah - discounts.rupiah - rounding.rupiah - refunds.rupiah)
    }

    /// gross − discounts − refunds: the goods sold, before cash rounding; the base of the
    /// local share.
    public static func goods(gross: Money, discounts: Money, refunds: Money) -> Money {
        Money(gross.rupiah - discounts.rupiah - refunds.rupiah)
    }

    /// part ÷ whole in tenths of a percent, round-half-up; 0 when the whole is not positive.
    public static func shareTenths(_ part: Money, of whole: Money) -> Int64 {
        guard whole.rupiah > 0 else { return 0 }
        return multipliedRoundingHalfUp(part.rupiah, by: 1000, dividedBy: whole.rupiah) ?? 0
    }

    /// net − cost: the margin of goods sold at the cost recorded when they were sold.
    public static func margin(net: Money, cost: Money) -> Money { Money(net.rupiah - cost.rupiah) }

    /// quantity × unit cost, round-half-up: the cost of one sold line (quantity in thousandths).
    public static func lineCost(quantity: Quantity, unitCost: Money) -> Money {
        Money(multipliedRoundingHalfUp(quantity.thousandths, by: unitCost.rupiah, dividedBy: 1000) ?? 0)
    }
}

extension ReportFigures {
    /// goods − local, never below zero: the goods sold that are not local.
    public static func otherThanLocal(_ goods: Money, local: Money) -> Money { Money(max(0, goods.rupiah - local.rupiah)) }
}
