/// A tax rate in hundredths of a percent, so `11` is 1100 and `11.5` is 1150: decimal
/// rates without floating point.
public struct TaxRate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hundredthsOfPercent: Int64

    public init(hundredthsOfPercent: Int64) { self.hundredthsOfPercent = hundredthsOfPercent }

    /// PPN of docs/pricing.md: 11, i.e. 12% on the "DPP nilai lain" of 11/12.
    public static let defaultPPN = TaxRate(hundredthsOfPercent: 1100)

    /// Reads `11`, `11,5`, `12%`: a whole or decimal percent (2 decimals at most) from 0 to
    /// 100, written the Indonesian way (docs/numbers-and-money.md); `11.5` is refused with
    /// a hint to write a comma.
    public static func parse(_ text: String, field: String? = "tax.ppn_rate") throws(CoreError) -> TaxRate {
        var body = text.trimmingSpaces()
        if body.hasSuffix("%") { body.removeLast() }
        let value: Int64
        do {
            value = try IndonesianNumber.parse(body, decimals: 2, field: field)
        } catch  where error.code == .decimalPoint {
            throw CoreError(
                .decimalPoint, field: field, value: text, details: error.details,
                reason: "'\(text)' uses a dot as the decimal mark; write a comma (\(error.details["suggestion"] ?? ""))")
        } catch {
            throw CoreError(.invalidTaxRate, field: field, value: text, reason: "'\(text)' is not a percent (write it like 11 or 11,5)")
        }
        guard value >= 0 else {
            throw CoreError(.invalidTaxRate, field: field, value: text, reason: "'\(text)' is not a percent (write it like 11 or 11,5)")
        }
        guard value <= 10_000 else {
            throw CoreError(.invalidTaxRate, field: field, value: text, reason: "'\(text)' is above 100 percent")
        }
        return TaxRate(hundredthsOfPercent: value)
    }

    /// Reads a rate as a shop file keeps it: `11,5`, or `11.5` as older versions wrote it.
    public static func parseStored(_ text: String) -> TaxRate? {
        if let rate = try? parse(text) { return rate }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[1].count), let rate = try? parse(parts.joined(separator: ",")) else {
            return nil
        }
        return rate
    }

    /// `11`, `11,5`, `11,25`: the rate as Indonesians write it, which `parse` reads back.
    public var description: String { IndonesianNumber.format(hundredthsOfPercent, decimals: 2) }

    /// The tax contained in a tax-inclusive `amount`: round-half-up(amount × r / (100 + r)).
    public func includedTax(in amount: Money) -> Money {
        Money(multipliedRoundingHalfUp(amount.rupiah, by: hundredthsOfPercent, dividedBy: 10_000 + hundredthsOfPercent) ?? 0)
    }
}

/// The shop settings that pricing reads (docs/pricing.md): PKP status, PPN rate, cash rounding.
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

extension PricingRules {
    /// The PPN contained in `ppnBase`, the Σ line nets of `ppn` lines (prices include
    /// tax): one summary at the rate, or none when the shop is not PKP or the base is zero.
    /// Sales and refunds both use it; a refund passes the rules its sale was priced under.
    public func taxes(ppnBase: Money) throws(CoreError) -> [TaxSummary] {
        guard isPKP, !ppnBase.isZero else { return [] }
        let tax = ppnRate.includedTax(in: ppnBase)
        return [TaxSummary(rate: ppnRate, base: ppnBase, tax: tax, dpp: try ppnBase.minus(tax))]
    }
}
