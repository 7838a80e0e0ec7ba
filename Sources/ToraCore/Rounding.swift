/// Integer division rounded half up (half away from zero for negative results), the one
/// rounding rule of SPEC §2: `roundHalfUp(5, 2) == 3`, `roundHalfUp(-5, 2) == -3`.
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
