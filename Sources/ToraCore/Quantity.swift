/// How a product is counted: whole pieces, or measured by weight or volume (SPEC §2).
public enum MeasureUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case pcs
    case kg
    case l

    /// Weighed or measured goods take up to three decimals; pieces only whole numbers.
    public var isMeasured: Bool { self != .pcs }

    /// Reads `pcs`, `kg`, `l` (also `pc`, `buah`, `kilo`, `liter`, `ltr`), any case.
    public static func parse(_ text: String, field: String? = "unit") throws(CoreError) -> MeasureUnit {
        switch text.trimmingSpaces().lowercased() {
        case "pcs", "pc", "buah", "bh", "unit", "": return .pcs
        case "kg", "kilo", "kilogram": return .kg
        case "l", "liter", "litre", "ltr": return .l
        default:
            throw CoreError(.invalidField, field: field, value: text, reason: "'\(text)' is not a unit; use pcs, kg or l")
        }
    }
}

/// A quantity in thousandths of its unit: 3 pcs is 3000, 1.255 kg is 1255.
///
/// One representation for counted and measured goods keeps stock arithmetic exact;
/// the unit, kept by the product, says which values are allowed.
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }
    /// `count` whole units.
    public init(whole count: Int64) { self.thousandths = count * 1000 }

    public static let zero = Quantity(thousandths: 0)
    public static let one = Quantity(whole: 1)

    public var isWhole: Bool { thousandths % 1000 == 0 }
    public var isNegative: Bool { thousandths < 0 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(thousandths: lhs.thousandths + rhs.thousandths) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(thousandths: lhs.thousandths - rhs.thousandths) }
    public static prefix func - (value: Quantity) -> Quantity { Quantity(thousandths: -value.thousandths) }

    /// Where a quantity is used decides its range.
    public enum Purpose: Sendable {
        /// A line of a sale: pcs 1…9 999, kg/l 0.001…999.999 (SPEC §2).
        case saleLine
        /// A stock movement or count: up to 9 999 999 units, signed when `allowNegative`.
        case stock(allowNegative: Bool)
        /// A reorder point or a counted level: zero or more.
        case level
    }

    /// The accepted range in thousandths for a unit and purpose.
    public static func range(for unit: MeasureUnit, purpose: Purpose) -> ClosedRange<Int64> {
        switch purpose {
        case .saleLine:
            return unit.isMeasured ? 1...999_999 : 1000...9_999_000
        case .stock(let allowNegative):
            return allowNegative ? -9_999_999_000...9_999_999_000 : 1...9_999_999_000
        case .level:
            return 0...9_999_999_000
        }
    }

    /// Reads `3`, `1.255`, `1,255` (either decimal mark, no thousands grouping), `-2` when
    /// the purpose allows it. Pieces take whole numbers only; kg and l up to 3 decimals.
    public static func parse(
        _ text: String, unit: MeasureUnit, purpose: Purpose = .saleLine, field: String? = "quantity"
    ) throws(CoreError) -> Quantity {
        let trimmed = text.trimmingSpaces()
        var body = Substring(trimmed)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        let parts = body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        let wholePart = parts.first ?? ""
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count <= 2, !wholePart.isEmpty, wholePart.count <= 10,
            wholePart.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
            parts.count == 1 || !fraction.isEmpty
        else {
            throw CoreError(.invalidQuantity, field: field, value: text, reason: "'\(text)' is not a quantity")
        }
        guard fraction.count <= 3 else {
            throw CoreError(
                .invalidQuantity, field: field, value: text,
                reason: "'\(text)' has more than 3 decimals; quantities are kept to the gram or millilitre")
        }
        let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
        let magnitude = (Int64(wholePart) ?? 0) * 1000 + (Int64(padded) ?? 0)
        let quantity = Quantity(thousandths: negative ? -magnitude : magnitude)
        if !unit.isMeasured && !quantity.isWhole {
            throw CoreError(
                .wholeQuantityRequired, field: field, value: text,
                reason: "'\(text)' is not a whole number; products sold in pcs take whole quantities")
        }
        let range = Quantity.range(for: unit, purpose: purpose)
        guard range.contains(quantity.thousandths) else {
            let low = Quantity(thousandths: range.lowerBound).formatted(unit)
            let high = Quantity(thousandths: range.upperBound).formatted(unit)
            throw CoreError(
                .quantityOutOfRange, field: field, value: text, details: ["min": low, "max": high],
                reason: "\(trimmed) \(unit.rawValue) is out of range; allowed \(low) to \(high) \(unit.rawValue)")
        }
        return quantity
    }

    /// `3` for pieces, `1,255` for kg and l (a comma is the Indonesian decimal mark; pass
    /// `"."` for files and English screens). Trailing zeros are kept to three decimals.
    public func formatted(_ unit: MeasureUnit, decimalMark: String = ",") -> String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        if !unit.isMeasured && magnitude % 1000 == 0 {
            return sign + String(magnitude / 1000)
        }
        let fraction = String(magnitude % 1000)
        return sign + String(magnitude / 1000) + decimalMark + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    public var description: String { formatted(.kg, decimalMark: ".") }

    public init(from decoder: any Decoder) throws {
        thousandths = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(thousandths)
    }
}
