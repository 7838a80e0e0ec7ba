/// Barcodes (docs/catalogue-and-stock.md): EAN-13, EAN-8 and UPC-A are verified by their check digit; any
/// other code is an in-store code accepted as it is; EAN-13 codes beginning `20` and `22`
/// are GS1 in-store scale labels carrying a weight or a price for a product's PLU.
public enum Barcode {
    /// What kind of code a catalogue barcode is, after validation.
    public enum Kind: String, Sendable, Hashable {
        case ean13, ean8, upcA, inStore
    }

    /// The longest code accepted; scanners and label printers stay well below it.
    public static let maximumLength = 48

    /// Checks a barcode entered into the catalogue and says what it is.
    ///
    /// All-digit codes of 8, 12 or 13 digits must carry a correct check digit. A 13-digit
    /// code beginning `20` or `22` is refused: those are scale labels, read by PLU. Other
    /// codes of letters, digits, `-`, `_` and `.` are in-store codes. Not an error: a
    /// code of 7 or 14 digits (it is in-store).
    public static func validate(_ code: String, field: String? = "barcode") throws(CoreError) -> Kind {
        guard !code.isEmpty, code.count <= maximumLength,
            code.allSatisfy({
                $0.isASCIIDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            })
        else {
            throw CoreError(
                .invalidBarcode, field: field, value: code,
                reason: "'\(code)' is not a barcode; use 1–\(maximumLength) letters, digits, '-', '_' or '.'")
        }
        guard code.allSatisfy(\.isASCIIDigit) else { return .inStore }
        let kind: Kind
        switch code.count {
        case 13: kind = .ean13
        case 12: kind = .upcA
        case 8: kind = .ean8
        default: return .inStore
        }
        try verifyCheckDigit(code, kind: kind, field: field)
        if kind == .ean13 && (code.hasPrefix("20") || code.hasPrefix("22")) {
            throw CoreError(
                .reservedScalePrefix, field: field, value: code,
                reason:
                    "'\(code)' begins with \(code.prefix(2)), which is reserved for scale labels; give the product a 5-digit plu instead")
        }
        return kind
    }

    /// The GS1 check digit (mod 10, weights 3 and 1 from the right) of `digits`.
    public static func checkDigit<S: StringProtocol>(of digits: S) -> Int {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            let value = Int(character.asciiValue ?? 48) - 48
            sum += offset % 2 == 0 ? value * 3 : value
        }
        return (10 - sum % 10) % 10
    }

    static func verifyCheckDigit(_ code: String, kind: Kind, field: String?) throws(CoreError) {
        let expected = checkDigit(of: code.dropLast())
        let actual = Int(code.last?.asciiValue ?? 0) - 48
        guard expected == actual else {
            let name = kind == .ean13 ? "EAN-13" : kind == .ean8 ? "EAN-8" : "UPC-A"
            throw CoreError(
                .badCheckDigit, field: field, value: code, details: ["expected": String(expected)],
                reason: "'\(code)' has a wrong \(name) check digit (\(actual), expected \(expected)); check the number")
        }
    }
}

/// What a scanned or typed code means to the till, before the catalogue is asked.
public enum ScannedCode: Sendable, Hashable {
    /// A barcode, sku or member card to look up as it is.
    case lookup(String)
    /// A scale label `20IIIIIWWWWWC`: the product with this PLU, weighing `quantity`
    /// (grams for kg, millilitres for l — thousandths of the unit).
    case weighed(plu: String, quantity: Quantity)
    /// A scale label `22IIIIIPPPPPC`: the product with this PLU, for this price.
    case priced(plu: String, price: Money)

    /// Reads a line from the scanner. A 13-digit code beginning `20` or `22` is a scale
    /// label and must carry a correct check digit; other all-digit EAN/UPC lengths are
    /// check-digit verified too, so a misread is refused instead of looked up.
    public static func interpret(_ text: String) throws(CoreError) -> ScannedCode {
        let code = text.trimmingSpaces()
        guard !code.isEmpty, code.count <= Barcode.maximumLength, !code.contains(" ") else {
            throw CoreError(.invalidBarcode, field: "code", value: text, reason: "'\(text)' is not a code")
        }
        guard code.allSatisfy(\.isASCIIDigit) else { return .lookup(code) }
        switch code.count {
        case 13:
            try Barcode.verifyCheckDigit(code, kind: .ean13, field: "barcode")
            let digits = Array(code)
            let plu = String(digits[2..<7])
            let payload = Int64(String(digits[7..<12])) ?? 0
            if code.hasPrefix("20") {
                guard payload > 0 else {
                    throw CoreError(
                        .invalidQuantity, field: "barcode", value: code, reason: "scale label '\(code)' carries a weight of zero")
                }
                return .weighed(plu: plu, quantity: Quantity(thousandths: payload))
            }
            if code.hasPrefix("22") {
                return .priced(plu: plu, price: Money(payload))
            }
            return .lookup(code)
        case 12:
            try Barcode.verifyCheckDigit(code, kind: .upcA, field: "barcode")
            return .lookup(code)
        case 8:
            try Barcode.verifyCheckDigit(code, kind: .ean8, field: "barcode")
            return .lookup(code)
        default:
            return .lookup(code)
        }
    }
}
