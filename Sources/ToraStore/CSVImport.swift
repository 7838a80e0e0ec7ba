import Foundation
import ToraCore

/// The rules every CSV import shares (docs/csv-import.md): known columns only (English
/// or Indonesian names, compared folded: any case, a space, `_` and `-` alike), required
/// columns present, each column once; cells read by name; every problem collected as
/// `line N: column: reason` so one run lists them all.
struct CSVImport {
    let table: CSVTable
    let name: String
    /// Column name -> index in the file.
    let columns: [String: Int]
    /// Column name -> the header as the file writes it, so messages name what the user sees.
    let written: [String: String]
    private(set) var problems: [String] = []

    /// `aliases` maps other names (folded, e.g. `harga_anggota`) to a known column.
    init(_ table: CSVTable, name: String, known: [String], required: [String], aliases: [String: String] = [:]) throws {
        self.table = table
        self.name = name
        var columns: [String: Int] = [:]
        var written: [String: String] = [:]
        var problems: [String] = []
        for (index, folded) in table.header.enumerated() {
            let header = table.written[index]
            let column = known.contains(folded) ? folded : aliases[folded]
            if folded.isEmpty {
                problems.append("line 1: column \(index + 1): empty header name")
            } else if let column, let earlier = written[column] {
                problems.append("line 1: \(header): the column appears twice (also as \(earlier))")
            } else if let column {
                columns[column] = index
                written[column] = header
            } else {
                problems.append("line 1: \(header): unknown column; known columns are \(known.joined(separator: ", "))")
            }
        }
        var missingRequired = false
        for column in required where columns[column] == nil {
            problems.append("line 1: \(column): required column is missing")
            missingRequired = true
        }
        self.columns = columns
        self.written = written
        self.problems = problems
        // Without a required column the rows cannot be read; an unknown or repeated
        // column is reported and the rows are still checked, so one run lists everything.
        if missingRequired { throw failure() }
        for record in table.records where record.fields.count > table.header.count {
            self.problems.append("line \(record.line): the row has \(record.fields.count) fields but the header has \(table.header.count)")
        }
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// The trimmed cell of `column` in `record`, or nil when the file has no such column.
    func cell(_ column: String, _ record: CSVTable.Record) -> String? {
        guard let index = columns[column] else { return nil }
        return index < record.fields.count ? record.fields[index].trimmingSpaces() : ""
    }

    mutating func report(_ line: Int, _ column: String, _ reason: String) {
        problems.append("line \(line): \(written[column] ?? column): \(reason)")
    }

    /// Whether `report(line, column, reason)` was made already.
    func hasReported(_ line: Int, _ column: String, _ reason: String) -> Bool {
        problems.contains("line \(line): \(written[column] ?? column): \(reason)")
    }

    mutating func report(_ line: Int, _ error: CoreError, column: String) {
        report(line, error.field ?? column, error.reason)
    }

    /// Runs `parse` on a cell, recording its refusal under the line and column.
    mutating func read<T>(_ line: Int, _ column: String, _ parse: () throws(CoreError) -> T) -> T? {
        do {
            return try parse()
        } catch {
            report(line, column, error.reason)
            return nil
        }
    }

    /// A money cell as a spreadsheet writes it (see `CSVMoney`); nil and reported when bad.
    mutating func money(_ line: Int, _ column: String, _ text: String) -> Money? {
        read(line, column) { () throws(CoreError) in try CSVMoney.parse(text, field: column) }
    }

    /// A yes/no cell (`yes/no/ya/tidak/1/0/true/false`), `fallback` when empty.
    mutating func flag(_ line: Int, _ column: String, _ text: String, fallback: Bool) -> Bool {
        if text.isEmpty { return fallback }
        guard let value = parseYesNo(text) else {
            report(line, column, "'\(text)' is not yes or no (yes/no/ya/tidak/1/0/true/false)")
            return fallback
        }
        return value
    }

    /// All problems as one error: exit 65, each problem on its own line.
    func failure() -> StoreError {
        StoreError(
            .invalidInput, "\(name): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written",
            problems: problems)
    }
}

extension CSVImport {
    /// Reads a file's bytes, turning a read failure into an I/O error naming the file.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandleReader(path: path) else {
            throw StoreError(.io, "cannot read \(path): no such file or permission denied")
        }
        return handle.bytes
    }
}

/// The whole content of a file, or nil when it cannot be opened.
struct FileHandleReader {
    let bytes: [UInt8]
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        bytes = [UInt8](data)
    }
}
