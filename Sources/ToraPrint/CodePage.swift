import Foundation
import ToraCore

/// A printer's character table (setting `printer.codepage`): what each byte 0x80…0xFF
/// prints. Text goes to the printer only as bytes of this table, never as raw UTF-8.
///
/// A character the table lacks becomes an ASCII stand-in (`“”` → `"`, `–` → `-`, `…` →
/// `...`, `ő` → `o`) or `?` when there is none; see `printable(_:)`.
public enum CodePage: String, Sendable, Hashable, CaseIterable, Codable {
    /// IBM PC code page 437 (US), the factory default of most thermal printers.
    case pc437
    /// IBM PC code page 850 (Western Europe).
    case pc850
    /// Code page 850 with `€` at 0xD5.
    case pc858
    /// Windows-1252 (Western Europe).
    case wpc1252

    /// The `n` of `ESC t n` that selects this table (Epson numbering).
    public var escPosNumber: UInt8 {
        switch self {
        case .pc437: return 0
        case .pc850: return 2
        case .pc858: return 19
        case .wpc1252: return 16
        }
    }

    /// Reads a setting value: `pc437`, `PC850`, also `cp858` and `cp1252`/`windows-1252`.
    public init?(setting: String) {
        switch setting.trimmingSpaces().lowercased() {
        case "pc437", "cp437": self = .pc437
        case "pc850", "cp850": self = .pc850
        case "pc858", "cp858": self = .pc858
        case "wpc1252", "cp1252", "windows-1252": self = .wpc1252
        default: return nil
        }
    }

    /// The byte that prints `scalar` in this table, or nil when the table lacks it.
    /// Control characters have no byte: they are never sent as text.
    public func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if (0x20...0x7E).contains(scalar.value) { return UInt8(scalar.value) }
        return CodePage.reverseTables[self]?[scalar.value]
    }

    /// The text with every character this table lacks replaced by a stand-in, so that each
    /// character of the result is one byte and one column on the printer.
    public func printable(_ text: String) -> String {
        // Printable ASCII is the same byte in every table, and it is nearly all of a
        // receipt: Unicode normalisation per character was a fifth of a sale at the till.
        if Self.isPrintableASCII(text) { return text }
        var result = ""
        for character in text { result += printable(character) }
        return result
    }

    /// The bytes of `text` in this table (after `printable(_:)`).
    public func encode(_ text: String) -> [UInt8] {
        if Self.isPrintableASCII(text) { return Array(text.utf8) }
        var bytes: [UInt8] = []
        for scalar in printable(text).unicodeScalars { bytes.append(byte(for: scalar) ?? 0x3F) }
        return bytes
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    private func printable(_ character: Character) -> String {
        if let ascii = character.asciiValue, (0x20...0x7E).contains(ascii) { return String(character) }
        if character.isNewline || character == "\t" { return " " }
        if CodePage.invisible.contains(character) { return "" }
        let composed = Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars)
        if composed.count == 1, let scalar = composed.first {
            if byte(for: scalar) != nil { return String(scalar) }
            if let standIn = CodePage.standIns[scalar.value] {
                return standIn.unicodeScalars.allSatisfy { byte(for: $0) != nil } ? standIn : "?"
            }
        }
        // A letter with marks the table lacks (ő, ș, ě): keep the base letter.
        var kept = String.UnicodeScalarView()
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        where !CodePage.isMark(scalar) && byte(for: scalar) != nil {
            kept.append(scalar)
        }
        return kept.isEmpty ? "?" : String(kept)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Zero-width characters and the soft hyphen: dropped, they would only print as marks.
    static let invisible: Set<Character> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    /// ASCII stand-ins for characters that are common in shop texts but missing from some tables.
    static let standIns: [UInt32: String] = [
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x00B4: "'",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x00AB: "\"", 0x00BB: "\"",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
        0x2026: "...", 0x20AC: "EUR", 0x00D7: "x", 0x2022: "-", 0x00B7: "-",
        0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ",
        0x2122: "TM", 0x00A9: "(c)", 0x00AE: "(R)", 0x00B0: "o",
        0x00D8: "O", 0x00F8: "o", 0x0141: "L", 0x0142: "l", 0x0110: "D", 0x0111: "d", 0x0131: "i",
        0x0152: "OE", 0x0153: "oe", 0x00C6: "AE", 0x00E6: "ae", 0x00DF: "ss",
    ]

    /// Scalar value → byte, for the upper half of each table.
    static let reverseTables: [CodePage: [UInt32: UInt8]] = {
        var tables: [CodePage: [UInt32: UInt8]] = [:]
        for page in CodePage.allCases {
            var table: [UInt32: UInt8] = [:]
            for (offset, scalar) in page.upperHalf.enumerated() where scalar != 0 && table[scalar] == nil {
                table[scalar] = UInt8(0x80 + offset)
            }
            tables[page] = table
        }
        return tables
    }()

    var upperHalf: [UInt32] {
        switch self {
        case .pc437: return CodePage.pc437UpperHalf
        case .pc850: return CodePage.pc850UpperHalf
        case .pc858: return CodePage.pc858UpperHalf
        case .wpc1252: return CodePage.wpc1252UpperHalf
        }
    }
}
