/// Integer division rounded half up (half away from zero for negative results), the one
/// rounding rule of docs/pricing.md: `roundHalfUp(5, 2) == 3`, `roundHalfUp(-5, 2) == -3`.
///
/// The divisor must be positive. Intermediate products are the caller's to keep inside
/// `Int64`; `multipliedRoundingHalfUp` does the multiplication with an overflow check.
public func roundHalfUp(_ numerator: Int64, dividedBy divisor: Int64) -> Int64 {
    precondition(divisor > 0, "roundHalfUp needs a positive divisor")
    let magnitude = numerator.magnitude
    let quotient = magnitude / UInt64(divisor)
    let remainder = magnitude % UInt64(divisor)
    let rounded = remainder * 2 >= UInt64(divisor) ? quotient + 1 : quotient
    return numerator < 0 ? -Int64(rounded) : Int64(rounded)
}

/// `round-half-up(value × factor / divisor)` without overflowing: the product is taken in
/// 128 bits, so any `Int64` inputs whose result fits in `Int64` are exact.
public func multipliedRoundingHalfUp(_ value: Int64, by factor: Int64, dividedBy divisor: Int64) -> Int64? {
    precondition(divisor > 0, "multipliedRoundingHalfUp needs a positive divisor")
    let negative = (value < 0) != (factor < 0)
    let product = value.magnitude.multipliedFullWidth(by: factor.magnitude)
    let divisorMagnitude = UInt64(divisor)
    guard product.high < divisorMagnitude else { return nil }
    let (quotient, remainder) = divisorMagnitude.dividingFullWidth(product)
    var rounded = quotient
    // remainder * 2 >= divisor, written so it cannot overflow.
    if remainder >= divisorMagnitude - remainder { rounded += 1 }
    guard rounded <= UInt64(Int64.max) else { return nil }
    return negative ? -Int64(rounded) : Int64(rounded)
}

/// `value` rounded DOWN to a multiple of `step` (for cash rounding); `step` 0 leaves it.
public func roundedDown(_ value: Int64, toMultipleOf step: Int64) -> Int64 {
    guard step > 0 else { return value }
    return value - ((value % step) + step) % step
}

/// Cash rounding (docs/numbers-and-money.md): the shop may let cash settle a sale at a
/// multiple of 50, 100 or 500 rupiah, forgiving the small difference. It never makes
/// goods free: a remainder below one step is due in full.
public enum CashRounding {
    /// The steps a shop may choose; 0 turns cash rounding off.
    public static let steps: [Int64] = [0, 50, 100, 500]

    /// Reads a step as typed (`100`, `Rp500`, `0`); any value other than 0, 50, 100 or 500
    /// is refused.
    public static func parse(_ text: String, field: String? = "cash.rounding") throws(CoreError) -> Money {
        let amount = try Money.parse(text, field: field)
        guard steps.contains(amount.rupiah) else {
            throw CoreError(
                .invalidCashRounding, field: field, value: text,
                reason: "'\(text)' is not a cash rounding step; use 0 (off), 50, 100 or 500")
        }
        return amount
    }

    /// The step a shop file keeps. A value an older version allowed (such as 1000) reads as
    /// the largest allowed step below it; text that is not a number reads as off.
    public static func step(stored text: String) -> Money {
        guard let value = Int64(text.trimmingSpaces()) else { return .zero }
        return Money(steps.last { $0 <= value } ?? 0)
    }

    /// What cash must pay to settle `remaining`: rounded DOWN to a multiple of `step` when
    /// at least one step is left, else the whole remainder (so Rp50 at step 100 is Rp50,
    /// not Rp0). Zero or negative remainders are returned as they are.
    public static func due(_ remaining: Money, step: Money) -> Money {
        guard step.rupiah > 0, remaining.rupiah >= step.rupiah else { return remaining }
        return Money(roundedDown(remaining.rupiah, toMultipleOf: step.rupiah))
    }
}
