/// An amount of money in whole rupiah. Never a floating-point number (docs/pricing.md).
///
/// Any amount whose magnitude is above `Money.maximum` (Rp9.999.999.999) is refused by
/// `validated` and by the checked arithmetic, with an error naming the amount.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Whole rupiah; negative for money going out (refunds, change).
    public let rupiah: Int64

    /// The largest amount accepted anywhere: Rp9.999.999.999.
    public static let maximum = Money(9_999_999_999)
    public static let zero = Money(0)

    /// An amount of `rupiah`, unchecked; use `validated` on anything a person supplied.
    public init(_ rupiah: Int64) { self.rupiah = rupiah }

    /// `rupiah` as Money, or `amountTooLarge` when its magnitude passes `Money.maximum`.
    public static func validated(_ rupiah: Int64, field: String? = nil) throws(CoreError) -> Money {
        guard rupiah.magnitude <= Money.maximum.rupiah.magnitude else {
            throw CoreError(
                .amountTooLarge, field: field, value: Money(rupiah).formatted,
                details: ["limit": Money.maximum.formatted],
                reason: "\(Money(rupiah).formatted) is above the largest amount accepted, \(Money.maximum.formatted)")
        }
        return Money(rupiah)
    }

    public var isZero: Bool { rupiah == 0 }
    public var isNegative: Bool { rupiah < 0 }

    /// `self + other`, refused when the result passes `Money.maximum`.
    public func plus(_ other: Money) throws(CoreError) -> Money {
        let (sum, overflow) = rupiah.addingReportingOverflow(other.rupiah)
        guard !overflow else { throw Money.overflowError() }
        return try Money.validated(sum)
    }

    /// `self - other`, refused when the result passes `Money.maximum`.
    public func minus(_ other: Money) throws(CoreError) -> Money {
        let (difference, overflow) = rupiah.subtractingReportingOverflow(other.rupiah)
        guard !overflow else { throw Money.overflowError() }
        return try Money.validated(difference)
    }

    /// The sum of `amounts`, refused as soon as a partial sum passes `Money.maximum`.
    public static func sum<S: Sequence>(_ amounts: S) throws(CoreError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.plus(amount) }
        return total
    }

    /// round-half-up(self × quantity), the line amount of docs/pricing.md.
    public func times(_ quantity: Quantity) throws(CoreError) -> Money {
        guard let amount = multipliedRoundingHalfUp(rupiah, by: quantity.thousandths, dividedBy: 1000) else {
            throw Money.overflowError()
        }
        return try Money.validated(amount)
    }

    /// round-half-up(self × percent / 100), for percentage discounts.
    public func percent(_ percent: Int64) -> Money {
        Money(multipliedRoundingHalfUp(rupiah, by: percent, dividedBy: 100) ?? 0)
    }

    public static prefix func - (amount: Money) -> Money { Money(-amount.rupiah) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.rupiah < rhs.rupiah }
    public static func min(_ lhs: Money, _ rhs: Money) -> Money { lhs < rhs ? lhs : rhs }
    public static func max(_ lhs: Money, _ rhs: Money) -> Money { lhs < rhs ? rhs : lhs }

    public init(from decoder: any Decoder) throws {
        rupiah = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rupiah)
    }

    public var description: String { formatted }

    private static func overflowError() -> CoreError {
        CoreError(
            .amountTooLarge, details: ["limit": Money.maximum.formatted],
            reason: "the amount is above the largest amount accepted, \(Money.maximum.formatted)")
    }
}
