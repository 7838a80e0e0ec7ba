import Foundation
import ToraCore

/// A CSV file as SPEC §3 reads it: UTF-8 with or without BOM, `,` or `;` detected from
/// the header, RFC 4180 quoting (quoted fields may hold delimiters, quotes and line
/// breaks), header names case-insensitive. Each record remembers the line it starts on,
/// so every problem can be reported as `line N: column: reason`.
struct CSVTable {
    struct Record {
        /// The 1-based line of the file where this record starts.
        let line: Int
        let fields: [String]
    }

    /// Header names, trimmed and lower-cased.
    let header: [String]
    let records: [Record]
    let delimiter: Character

    /// Reads `bytes` of the file `name` (used in messages).
    static func parse(_ bytes: [UInt8], name: String) throws -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Line(body)
            throw StoreError(.invalidInput, "\(name): line \(offset): not UTF-8 text; save the file as CSV UTF-8")
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
        let header = first.fields.map { $0.trimmingSpaces().lowercased() }
        let records = rows.dropFirst().filter { record in
            !record.fields.allSatisfy { $0.trimmingSpaces().isEmpty }
        }
        return CSVTable(header: header, records: Array(records), delimiter: delimiter)
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

    static func firstInvalidUTF8Line(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            let end = index + length
            if end > bytes.endIndex { return line }
            if let _ = String(validating: bytes[index..<end], as: UTF8.self) {
                index = end
            } else {
                return line
            }
        }
        return line
    }
}

/// Writes CSV the way `CSVTable` reads it: `,` delimited, fields quoted only when they
/// hold a delimiter, a quote, a line break or leading/trailing spaces.
public enum CSVWriter {
    /// One CSV line, ending in a line feed.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\n"
    }

    static func quote(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
