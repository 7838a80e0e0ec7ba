import ToraCore

/// A receipt layout as a shop edits it (`receipts/58.txt`, `receipts/80.txt`): one
/// directive per line, `{placeholders}` for the receipt's texts, `[conditions]` in front
/// of lines that apply only sometimes. The format is described in `receipts/README.md`.
///
/// Parsing checks every line, so a typo is reported with its file and line when the
/// template is loaded, not half-way through printing a receipt.
public struct ReceiptTemplate: Sendable, Hashable {
    /// What a `[condition]` in front of a line tests on the receipt.
    public enum Condition: String, Sendable, Hashable, CaseIterable {
        /// A sale (not a refund).
        case sale
        /// A refund against an earlier receipt.
        case refund
        /// A reprint, marked SALINAN.
        case copy
        /// A member is on the receipt.
        case member
        /// The receipt carries PPN lines (the shop is PKP).
        case pkp
        /// At least one line is a local product.
        case local
        /// The receipt has a discount.
        case discount
    }

    /// A condition, or its negation (`[!copy]`).
    public struct Guard: Sendable, Hashable {
        public var condition: Condition
        public var expected: Bool

        public init(condition: Condition, expected: Bool = true) {
            self.condition = condition
            self.expected = expected
        }
    }

    /// One line of a template.
    public enum Directive: Sendable, Hashable {
        /// Text with placeholders, wrapped to the paper's width.
        case text(String, alignment: TextAlignment, style: TextStyle)
        /// A label on the left and a value on the right (`pair Kembalian | {change}`).
        case pair(label: String, value: String, style: TextStyle)
        /// A full-width line of one character.
        case rule(Character)
        /// Empty lines.
        case blank(Int)
        /// Every receipt line: name, `qty x price` and amount, discount.
        case lines
        /// DPP and PPN of each tax rate.
        case taxes
        /// Each payment, by method.
        case payments
        /// The receipt number as a CODE128 barcode.
        case barcode(moduleWidth: Int)
        /// The audit hash as a QR code.
        case qrCode(moduleSize: Int)
        /// Feed and cut the paper.
        case cut
    }

    /// A directive with the conditions it needs and its line in the file.
    public struct Entry: Sendable, Hashable {
        public var guards: [Guard]
        public var directive: Directive
        public var lineNumber: Int
    }

    /// The file the template came from (`receipts/58.txt`), for messages.
    public let name: String
    public let entries: [Entry]

    /// Every `{placeholder}` a template may use.
    public static let placeholders: Set<String> = [
        "shop.name", "shop.address", "shop.phone", "shop.legal_number", "shop.npwp",
        "receipt.number", "receipt.refund_of", "receipt.date", "receipt.register", "receipt.cashier",
        "member.number", "member.name", "member.purchases", "buyer.nik",
        "gross", "discounts", "total", "rounding", "due", "change", "footer",
    ]

    static let directiveNames = "left, center, right, text, pair, rule, blank, lines, taxes, payments, barcode, qr or cut"

    /// Parses a template; throws `PrintError.Code.template` naming the first bad line.
    public init(parsing text: String, name: String) throws(PrintError) {
        self.name = name
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                entries.append(try Self.entry(line, number: index + 1))
            } catch let problem {
                throw PrintError(.template, "\(name) line \(index + 1): \(problem.reason)")
            }
        }
        self.entries = entries
    }

    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func entry(_ line: String, number: Int) throws(Problem) -> Entry {
        var rest = Substring(line)
        var guards: [Guard] = []
        while rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw Problem("'[' without ']'") }
            for word in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
                var name = String(word).trimmingSpaces()
                let expected = !name.hasPrefix("!")
                if !expected { name.removeFirst() }
                guard let condition = Condition(rawValue: name.lowercased()) else {
                    let known = Condition.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Problem("unknown condition '\(name)'; use \(known), or !condition")
                }
                guards.append(Guard(condition: condition, expected: expected))
            }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        let word = String(rest.prefix { $0 != " " })
        let argument = String(rest.dropFirst(word.count).drop { $0 == " " })
        return Entry(guards: guards, directive: try directive(word, argument), lineNumber: number)
    }

    private static func directive(_ word: String, _ argument: String) throws(Problem) -> Directive {
        switch word.lowercased() {
        case "left", "text", "center", "centre", "right":
            let start: TextAlignment = word.lowercased() == "right" ? .right : word.lowercased().hasPrefix("cent") ? .center : .left
            var (alignment, style, content) = (start, TextStyle.plain, argument)
            modifiers(&content, style: &style, alignment: &alignment)
            try checkPlaceholders(content)
            return .text(content, alignment: alignment, style: style)
        case "pair":
            var (alignment, style, content) = (TextAlignment.left, TextStyle.plain, argument)
            modifiers(&content, style: &style, alignment: &alignment)
            guard let bar = content.firstIndex(of: "|") else { throw Problem("pair needs a label and a value: pair LABEL | VALUE") }
            let label = String(content[..<bar]).trimmingSpaces()
            let value = String(content[content.index(after: bar)...]).trimmingSpaces()
            try checkPlaceholders(label)
            try checkPlaceholders(value)
            return .pair(label: label, value: value, style: style)
        case "rule":
            guard argument.count <= 1 else { throw Problem("rule takes one character, like: rule -") }
            return .rule(argument.first ?? "-")
        case "blank":
            guard argument.isEmpty || Int(argument).map({ (1...9).contains($0) }) == true else {
                throw Problem("blank takes a number of lines from 1 to 9")
            }
            return .blank(Int(argument) ?? 1)
        case "barcode":
            return .barcode(moduleWidth: try number(argument, default: 2, range: 1...6, what: "barcode module width"))
        case "qr":
            return .qrCode(moduleSize: try number(argument, default: 5, range: 1...16, what: "qr module size"))
        case "lines", "taxes", "payments", "cut":
            guard argument.isEmpty else { throw Problem("\(word) takes nothing after it") }
            switch word.lowercased() {
            case "lines": return .lines
            case "taxes": return .taxes
            case "payments": return .payments
            default: return .cut
            }
        default:
            throw Problem("unknown directive '\(word)'; use \(directiveNames)")
        }
    }

    /// Takes leading modifier words (`bold`, `tall`, `wide`, `double`, and for text an
    /// alignment) off `content`.
    private static func modifiers(_ content: inout String, style: inout TextStyle, alignment: inout TextAlignment) {
        while true {
            let word = String(content.prefix { $0 != " " })
            switch word {
            case "bold": style.bold = true
            case "tall": style.doubleHeight = true
            case "wide": style.doubleWidth = true
            case "double":
                style.doubleWidth = true
                style.doubleHeight = true
            case "left": alignment = .left
            case "center", "centre": alignment = .center
            case "right": alignment = .right
            default: return
            }
            content = String(content.dropFirst(word.count).drop { $0 == " " })
        }
    }

    private static func number(_ text: String, default value: Int, range: ClosedRange<Int>, what: String) throws(Problem) -> Int {
        if text.isEmpty { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem("\(what) must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func checkPlaceholders(_ text: String) throws(Problem) {
        for name in placeholderNames(in: text) where !placeholders.contains(name) {
            throw Problem("unknown placeholder {\(name)}; see receipts/README.md for the list")
        }
    }

    /// The names of the `{placeholders}` in `text`, in order.
    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
