/// Numbers as Indonesians write and read them (docs/numbers-and-money.md): the comma is
/// the decimal mark and the dot groups thousands, so `1.000` is one thousand and `1,5`
/// one and a half. The one reader and the one writer of decimal numbers for every place
/// a person types or reads one: till, command arguments, CSV cells, reports, receipts.
///
/// Values are whole numbers scaled by a power of ten (`decimals`): a quantity in
/// thousandths is read with `decimals: 3`, a tax rate in hundredths of a percent with 2.
/// JSON is not written here: it carries plain numbers.
public enum IndonesianNumber {
    /// Reads `1`, `1.000`, `12.345,5`, `1234,5`, `0,255`, `-2` into `value × 10^decimals`.
    ///
    /// Dots are optional but, when present, group the whole part in threes (`1.234.567`).
    /// A dot that does not start a group of exactly three digits (`1.5`, `12.50`) is
    /// refused with `.decimalPoint` and a hint to write a comma. More decimals than
    /// `decimals` are refused with `.tooManyDecimals`. Not an error: spaces around the text,
    /// a leading `+`. A leading `-` is read; the caller decides whether it may be negative.
    public static func parse(_ text: String, decimals: Int, field: String? = nil) throws(CoreError) -> Int64 {
        precondition((0...6).contains(decimals), "IndonesianNumber handles 0 to 6 decimals")
        let trimmed = text.trimmingSpaces()
        var body = Substring(trimmed)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let halves = body.split(separator: ",", omittingEmptySubsequences: false)
        let whole = halves[0]
        let fraction = halves.count == 2 ? halves[1] : ""
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        func notANumber() -> CoreError {
            CoreError(.invalidNumber, field: field, value: text, reason: "'\(text)' is not a number (write it like 1.250 or 1,5)")
        }
        guard halves.count <= 2, !whole.isEmpty, halves.count == 1 || !fraction.isEmpty,
            fraction.allSatisfy(\.isASCIIDigit), groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else {
            // `1.5` and `12.50`: a dot written as a decimal mark.
            if halves.count == 1, groups.count == 2, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
                throw decimalPoint(text, trimmed: trimmed, field: field)
            }
            throw notANumber()
        }
        if groups.count > 1 {
            // `0.255` and `1.5` read as decimals to their writer: a thousands group never
            // follows a leading zero, and always has three digits.
            guard groups[0].first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                if halves.count == 1, groups.count == 2 { throw decimalPoint(text, trimmed: trimmed, field: field) }
                throw CoreError(
                    .invalidNumber, field: field, value: text,
                    reason: "'\(text)' has misplaced dots; a dot groups thousands in threes (1.234.567) and a comma marks decimals")
            }
            guard groups[0].count <= 3 else {
                throw CoreError(
                    .invalidNumber, field: field, value: text,
                    reason: "'\(text)' has misplaced dots; a dot groups thousands in threes (1.234.567) and a comma marks decimals")
            }
        }
        guard fraction.count <= decimals else {
            throw CoreError(
                .tooManyDecimals, field: field, value: text, details: ["decimals": String(decimals)],
                reason: decimals == 0
                    ? "'\(text)' is not a whole number" : "'\(text)' has more than \(decimals) decimals")
        }
        let digits = groups.joined()
        let scale = power(decimals)
        guard digits.count <= 18 - decimals, let magnitude = Int64(digits) else {
            throw CoreError(.invalidNumber, field: field, value: text, reason: "'\(text)' is too large")
        }
        let padded = fraction + String(repeating: "0", count: decimals - fraction.count)
        let value = magnitude * scale + (Int64(padded) ?? 0)
        return negative ? -value : value
    }

    /// `1.234`, `7,5`, `101,754`, `0,255`, `-2`: `scaled ÷ 10^decimals` with dots grouping
    /// thousands and a comma before the decimals. Trailing zeros of the decimals are left
    /// out down to `minimumDecimals` (`7,5`, not `7,500`).
    public static func format(_ scaled: Int64, decimals: Int, minimumDecimals: Int = 0) -> String {
        precondition((0...6).contains(decimals), "IndonesianNumber handles 0 to 6 decimals")
        let sign = scaled < 0 ? "-" : ""
        let scale = UInt64(power(decimals))
        let magnitude = scaled.magnitude
        var text = sign + groupThousands(magnitude / scale)
        guard decimals > 0 else { return text }
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "," + fraction }
        return text
    }

    /// `12.500`: digits with a dot before every group of three.
    public static func groupThousands(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out: [Character] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return String(out)
    }

    static func power(_ decimals: Int) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        return scale
    }

    static func decimalPoint(_ text: String, trimmed: String, field: String?) -> CoreError {
        let suggestion = trimmed.replacingDot()
        return CoreError(
            .decimalPoint, field: field, value: text, details: ["suggestion": suggestion],
            reason:
                "'\(text)' uses a dot as the decimal mark; write a comma (\(suggestion)): a dot groups thousands, so 1.000 is one thousand")
    }
}

extension String {
    fileprivate func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
}
