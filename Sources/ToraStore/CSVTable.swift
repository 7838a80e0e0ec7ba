import Foundation
import ToraCore

/// A CSV file as a spreadsheet writes it (docs/csv-import.md): UTF-8 with or without BOM,
/// or Windows-1252 when the bytes are not UTF-8 (Indonesian Excel's "CSV (dipisahkan
/// koma)"); `,` or `;` detected from the header; RFC 4180 quoting (quoted fields may hold
/// delimiters, quotes and line breaks); header names case-insensitive, with a space, `_`
/// and `-` alike. Each record remembers the line it starts on, so every problem can be
/// reported as `line N: column: reason`.
struct CSVTable {
    struct Record {
        /// The 1-based line of the file where this record starts.
        let line: Int
        let fields: [String]
    }

    /// Header names as the file writes them, trimmed.
    let written: [String]
    let records: [Record]
    let delimiter: Character
    /// The file was not UTF-8 and was read as Windows-1252.
    let isWindows1252: Bool

    /// Header names folded for matching: lower-cased, spaces and `-` as `_`.
    var header: [String] { written.map(Self.fold) }

    /// `Harga Anggota`, `harga-anggota` and `HARGA_ANGGOTA` all fold to `harga_anggota`.
    static func fold(_ name: String) -> String {
        let lowered = name.trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
        // Runs of separators ("Harga  Anggota", "harga - anggota") count as one.
        var folded = ""
        for character in lowered where !(character == "_" && folded.last == "_") { folded.append(character) }
        return folded
    }

    /// Reads `bytes` of the file `name` (used in messages).
    static func parse(_ bytes: [UInt8], name: String) throws -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var isWindows1252 = false
        let text: String
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
        } else {
            text = Windows1252.decode(body)
            isWindows1252 = true
        }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        guard !String(headerLine).trimmingSpaces().isEmpty else {
            throw StoreError(.invalidInput, "\(name): line 1: the file is empty; the first line must be the header")
        }
        let delimiter = detectDelimiter(String(headerLine))
        let rows = try split(text, delimiter: delimiter, name: name)
        guard let first = rows.first else {
            throw StoreError(.invalidInput, "\(name): line 1: the file is empty; the first line must be the header")
        }
        let written = first.fields.map { $0.trimmingSpaces() }
        let records = rows.dropFirst().filter { record in
            !record.fields.allSatisfy { $0.trimmingSpaces().isEmpty }
        }
        return CSVTable(written: written, records: Array(records), delimiter: delimiter, isWindows1252: isWindows1252)
    }

    /// `;` when the header has more semicolons than commas outside quotes, else `,`.
    static func detectDelimiter(_ headerLine: String) -> Character {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for character in headerLine {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted: commas += 1
            case ";" where !quoted: semicolons += 1
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Over 60 lines on purpose: one state machine over the characters (quotes, doubled
    /// quotes, delimiters, line ends), which reads best whole.
    static func split(_ text: String, delimiter: Character, name: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var fieldWasQuoted = false
        var quoteStartLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return iterator.next()
        }
        func endField() {
            fields.append(fieldWasQuoted ? field : field)
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        var sawAnything = false
        while let character = next() {
            sawAnything = true
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.trimmingSpaces().isEmpty && !fieldWasQuoted:
                field = ""
                quoted = true
                fieldWasQuoted = true
                quoteStartLine = line
            case delimiter:
                endField()
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
                sawAnything = false
            default:
                field.append(character)
            }
        }
        if quoted {
            throw StoreError(.invalidInput, "\(name): line \(quoteStartLine): a quoted field is never closed (missing \")")
        }
        if sawAnything || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}

/// Writes CSV the way `CSVTable` reads it: `,` (or `;` for Indonesian Excel) delimited,
/// fields quoted only when they hold a delimiter, a quote, a line break or
/// leading/trailing spaces.
public enum CSVWriter {
    /// One `,` delimited CSV line, ending in a line feed.
    public static func line(_ fields: [String]) -> String {
        line(fields, delimiter: ",")
    }

    /// One CSV line with `delimiter` between the fields, ending in a line feed.
    public static func line(_ fields: [String], delimiter: Character) -> String {
        fields.map { quote($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }

    /// A `,` file also quotes `;`, so no reader can take a cell for a delimiter; a `;` file
    /// leaves commas bare, so Excel reads `12,5` as a number.
    static func quote(_ field: String, delimiter: Character) -> String {
        let needsQuotes =
            field.contains {
                $0 == delimiter || (delimiter == "," && $0 == ";") || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
            }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
