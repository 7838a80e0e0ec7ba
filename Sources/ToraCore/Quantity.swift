/// How a product is counted: whole pieces, or measured by weight or volume (docs/pricing.md).
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
        /// A line of a sale: pcs 1…9.999, kg/l 0,001…999,999.
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

    /// Reads a quantity as Indonesians write it (docs/numbers-and-money.md): `3`, `1.000`
    /// (one thousand), `1,255`, `0,5`, `-2` when the purpose allows it. A dot used as a
    /// decimal mark (`1.5`) is refused with a hint to write a comma. Pieces take whole
    /// numbers only; kg and l up to 3 decimals.
    public static func parse(
        _ text: String, unit: MeasureUnit, purpose: Purpose = .saleLine, field: String? = "quantity"
    ) throws(CoreError) -> Quantity {
        let trimmed = text.trimmingSpaces()
        let thousandths: Int64
        do {
            thousandths = try IndonesianNumber.parse(text, decimals: 3, field: field)
        } catch  where error.code == .decimalPoint {
            throw error
        } catch  where error.code == .tooManyDecimals {
            throw CoreError(
                .invalidQuantity, field: field, value: text,
                reason: "'\(text)' has more than 3 decimals; quantities are kept to the gram or millilitre")
        } catch {
            throw CoreError(.invalidQuantity, field: field, value: text, reason: "'\(text)' is not a quantity")
        }
        let quantity = Quantity(thousandths: thousandths)
        if !unit.isMeasured && !quantity.isWhole {
            throw CoreError(
                .wholeQuantityRequired, field: field, value: text,
                reason: "'\(text)' is not a whole number; products sold in pcs take whole quantities")
        }
        try quantity.check(unit: unit, purpose: purpose, field: field, typed: trimmed)
        return quantity
    }

    /// Throws `.quantityOutOfRange` unless the quantity is allowed for `unit` and `purpose`.
    public func check(unit: MeasureUnit, purpose: Purpose, field: String? = "quantity", typed: String? = nil) throws(CoreError) {
        let range = Quantity.range(for: unit, purpose: purpose)
        guard !range.contains(thousandths) else { return }
        let low = Quantity(thousandths: range.lowerBound).formatted(unit)
        let high = Quantity(thousandths: range.upperBound).formatted(unit)
        let shown = typed ?? formatted(unit)
        throw CoreError(
            .quantityOutOfRange, field: field, value: shown, details: ["min": low, "max": high],
            reason: "\(shown) \(unit.rawValue) is out of range; allowed \(low) to \(high) \(unit.rawValue)")
    }

    /// The quantity as Indonesians read it: `3` and `1.200` pieces, `1,255` and `7,5` kg
    /// (dots group thousands, a comma marks decimals, trailing zeros left out). The one
    /// form for the till, receipts, reports, CSV files and command output; JSON carries
    /// plain numbers instead.
    public func formatted(_ unit: MeasureUnit) -> String {
        IndonesianNumber.format(thousandths, decimals: 3)
    }

    /// The same text as `formatted(.kg)`.
    public var description: String { formatted(.kg) }

    public init(from decoder: any Decoder) throws {
        thousandths = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(thousandths)
    }
}
