import Foundation

/// The tables of an HTML report as the browser parsed them (Chromium's `--dump-dom`), so a
/// test reads the figures from real table cells: `<table data-table="rows">`, one `<tr>` a
/// row, each `<td>` with its `data-key`, `data-value` and shown text.
public struct PageTables: Sendable {
    public struct Cell: Sendable, Equatable {
        public let key: String?
        public let value: String?
        public let text: String
    }

    public struct Table: Sendable {
        public let headers: [String]
        public let rows: [[Cell]]
        public let totals: [[Cell]]

        /// What a page without the table reads as.
        public static let missing = Table(headers: [], rows: [], totals: [])

        /// Row `index` as key → cell, for the cells that carry a key.
        public func row(_ index: Int) -> [String: Cell] { Self.keyed(rows[index]) }

        /// The totals row as key → cell.
        public var total: [String: Cell] { totals.first.map(Self.keyed) ?? [:] }

        static func keyed(_ cells: [Cell]) -> [String: Cell] {
            Dictionary(cells.compactMap { cell in cell.key.map { ($0, cell) } }, uniquingKeysWith: { first, _ in first })
        }
    }

    public let tables: [String: Table]
    let dom: String

    public init(dom: String) {
        self.dom = dom
        var tables: [String: Table] = [:]
        for match in Self.matches(#"<table data-table="([^"]*)">(.*?)</table>"#, in: dom) {
            let body = match[2]
            let headers = Self.matches(#"<th[^>]*>(.*?)</th>"#, in: body).map { Self.text($0[1]) }
            func rows(_ part: String) -> [[Cell]] {
                let section = Self.matches("<\(part)>(.*?)</\(part)>", in: body).first?[1] ?? ""
                return Self.matches(#"<tr[^>]*>(.*?)</tr>"#, in: section).map { row in
                    Self.matches(#"<td([^>]*)>(.*?)</td>"#, in: row[1]).map { cell in
                        Cell(
                            key: Self.attribute("data-key", cell[1]), value: Self.attribute("data-value", cell[1]), text: Self.text(cell[2])
                        )
                    }
                }
            }
            tables[match[1]] = Table(headers: headers, rows: rows("tbody"), totals: rows("tfoot"))
        }
        self.tables = tables
    }

    /// The raw value of the first element on the page with this `data-key` (a summary card).
    public func figure(_ key: String) -> String? {
        Self.matches(#"data-key="\#(NSRegularExpression.escapedPattern(for: key))" data-value="([^"]*)""#, in: dom).first.map {
            Self.text($0[1])
        }
    }

    /// The page's visible text in one string, tags removed.
    public var text: String { Self.text(dom) }

    static func attribute(_ name: String, _ attributes: String) -> String? {
        matches(#"\#(name)="([^"]*)""#, in: attributes).first.map { text($0[1]) }
    }

    static func text(_ html: String) -> String {
        let bare = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return bare.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&nbsp;", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: whole).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}
