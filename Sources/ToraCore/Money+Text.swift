extension Money {
    /// `Rp12.500`, `-Rp12.500`, `Rp0`: rupiah with dots grouping thousands (docs/numbers-and-money.md).
    public var formatted: String {
        let sign = rupiah < 0 ? "-" : ""
        return "\(sign)Rp\(Money.groupThousands(rupiah.magnitude))"
    }

    /// `12.500` without the currency sign, for aligned columns.
    public var formattedPlain: String {
        let sign = rupiah < 0 ? "-" : ""
        return sign + Money.groupThousands(rupiah.magnitude)
    }

    static func groupThousands(_ value: UInt64) -> String { IndonesianNumber.groupThousands(value) }

    /// Reads an amount as a person or a spreadsheet writes it: `12500`, `12.500`,
    /// `Rp12.500`, `Rp 12.500`, `rp12500`. Dots group thousands (groups of three after
    /// the first). A decimal part (`12500,50`, `12.50`) is refused: money is whole rupiah.
    ///
    /// A leading `-` is accepted only when `allowNegative` is set. Not an error: spaces
    /// around the text, and a space between `Rp` and the digits.
    public static func parse(_ text: String, field: String? = nil, allowNegative: Bool = false) throws(CoreError) -> Money {
        var body = Substring(text.trimmingSpaces())
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        if body.lowercased().hasPrefix("rp") {
            body = body.dropFirst(2)
            while body.first == " " { body = body.dropFirst() }
        }
        if !negative, body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        func invalid(_ reason: String, _ code: CoreError.Code = .invalidAmount) -> CoreError {
            CoreError(code, field: field, value: text, reason: reason)
        }
        guard !body.isEmpty else {
            throw invalid("'\(text)' is not an amount of rupiah (write it like 12500 or Rp12.500)")
        }
        if body.contains(",") {
            throw invalid(
                "'\(text)' has a decimal comma; money is whole rupiah (write 12500 or 12.500)", .decimalMoney)
        }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw invalid("'\(text)' is not an amount of rupiah (write it like 12500 or Rp12.500)")
        }
        if groups.count > 1 {
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), groups[0].count <= 3 else {
                throw invalid(
                    "'\(text)' has a decimal part or misplaced dots; money is whole rupiah and dots group thousands (12.500)",
                    .decimalMoney)
            }
        }
        let digits = groups.joined()
        guard digits.count <= 13, let value = Int64(digits) else {
            throw CoreError(
                .amountTooLarge, field: field, value: text, details: ["limit": Money.maximum.formatted],
                reason: "'\(text)' is above the largest amount accepted, \(Money.maximum.formatted)")
        }
        if negative && !allowNegative {
            throw invalid("'\(text)' is negative; an amount here must be zero or more", .negativeAmount)
        }
        return try Money.validated(negative ? -value : value, field: field)
    }
}

extension Character {
    /// `0`…`9` only: no Arabic-Indic or full-width digits sneak into an amount.
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    public func trimmingSpaces() -> String {
        // "\r\n" is one Character in Swift, equal to neither "\r" nor "\n": listed on its own.
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" || $0 == "\u{FEFF}"
        }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
