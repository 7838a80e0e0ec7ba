/// A tax rate in hundredths of a percent, so `11` is 1100 and `11.5` is 1150: decimal
/// rates without floating point.
public struct TaxRate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hundredthsOfPercent: Int64

    public init(hundredthsOfPercent: Int64) { self.hundredthsOfPercent = hundredthsOfPercent }

    /// PPN of SPEC §5: 11, i.e. 12% on the "DPP nilai lain" of 11/12.
    public static let defaultPPN = TaxRate(hundredthsOfPercent: 1100)

    /// Reads `11`, `11.5`, `11,5`, `12%`: a whole or decimal percent (2 decimals at most)
    /// from 0 to 100.
    public static func parse(_ text: String, field: String? = "tax.ppn_rate") throws(CoreError) -> TaxRate {
        var body = text.trimmingSpaces()
        if body.hasSuffix("%") { body.removeLast() }
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 3,
            whole.allSatisfy(\.isASCIIDigit), parts.count == 1 || (1...2).contains(parts[1].count),
            parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else {
            throw CoreError(.invalidTaxRate, field: field, value: text, reason: "'\(text)' is not a percent (write it like 11 or 11.5)")
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let padded = fraction + String(repeating: "0", count: 2 - fraction.count)
        let value = (Int64(whole) ?? 0) * 100 + (Int64(padded) ?? 0)
        guard value <= 10_000 else {
            throw CoreError(.invalidTaxRate, field: field, value: text, reason: "'\(text)' is above 100 percent")
        }
        return TaxRate(hundredthsOfPercent: value)
    }

    /// `11`, `11.5`: the shortest text that reads back to the same rate.
    public var description: String {
        let whole = hundredthsOfPercent / 100
        let fraction = hundredthsOfPercent % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The tax contained in a tax-inclusive `amount`: round-half-up(amount × r / (100 + r)).
    public func includedTax(in amount: Money) -> Money {
        Money(multipliedRoundingHalfUp(amount.rupiah, by: hundredthsOfPercent, dividedBy: 10_000 + hundredthsOfPercent) ?? 0)
    }
}

/// The shop settings that pricing reads (SPEC §5): PKP status, PPN rate, cash rounding.
public struct PricingRules: Sendable, Hashable, Codable {
    /// Whether the shop is a PKP (registered for PPN); only then is tax shown and counted.
    public var isPKP: Bool
    public var ppnRate: TaxRate
    /// Cash settling a sale is rounded DOWN to a multiple of this; zero turns it off.
    public var cashRounding: Money

    public init(isPKP: Bool = false, ppnRate: TaxRate = .defaultPPN, cashRounding: Money = .zero) {
        self.isPKP = isPKP
        self.ppnRate = ppnRate
        self.cashRounding = cashRounding
    }
}
