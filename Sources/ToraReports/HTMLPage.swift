import ToraCore
import ToraStore

/// The shell every HTML report shares: one self-contained page with the house CSS inline,
/// no scripts and nothing fetched from the network, so it opens the same on the shop's PC
/// with no internet. Labels are in Bahasa Indonesia; money is written `Rp12.500`.
struct HTMLPage {
    /// The window title and the page's heading.
    let title: String
    /// What the heading adds after the title (a day, a period), in a lighter face.
    var detail = ""
    /// Lines under the heading: the shop, the register, a warning.
    var lines: [String] = []
    var body = ""

    /// A titled section of the page.
    mutating func section(_ heading: String, _ content: String) {
        body += "\n<h2>\(HTML.escape(heading))</h2>\n\(content)\n"
    }

    var rendered: String {
        let heading = HTML.escape(title) + (detail.isEmpty ? "" : " <span>\(HTML.escape(detail))</span>")
        let under = lines.map { "<p class=\"shop\">\($0)</p>" }.joined(separator: "\n")
        let windowTitle = HTML.escape(detail.isEmpty ? title : "\(title) \(detail)")
        return """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(windowTitle)</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <h1>\(heading)</h1>
            \(under)
            \(body)
            <p class="shop">Dibuat oleh Tora Sera dari buku toko; angka uang dalam rupiah utuh.</p>
            </body>
            </html>

            """
    }

    static let style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; padding: 0 16px; max-width: 960px; color: #1b1b1b; background: #fafaf7; }
        h1 { color: #b71c1c; margin-bottom: 0; } h1 span { color: #1b1b1b; font-weight: normal; }
        h2 { border-bottom: 2px solid #b71c1c; padding-bottom: 4px; margin-top: 32px; font-size: 20px; }
        .shop { color: #555; margin-top: 4px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
        .card { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; min-width: 140px; }
        .card .label { color: #666; font-size: 13px; } .card .value { font-size: 22px; font-weight: bold; margin-top: 4px; }
        svg { background: #fff; border: 1px solid #eee; border-radius: 6px; max-width: 100%; height: auto; }
        svg text { font-size: 12px; fill: #333; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
        td, th { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; }
        th { background: #f3efe6; font-weight: bold; }
        td:first-child { white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tfoot td { font-weight: bold; border-top: 2px solid #555; border-bottom: none; }
        .empty { color: #777; font-style: italic; }
        """
}

/// Escaped text and the small pieces of markup the pages are made of.
enum HTML {
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A summary figure as a card; `value` is the raw figure a program reads (`data-value`).
    static func card(_ label: String, key: String, value: String, text: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(escape(label))</div><div class=\"value\" data-key=\"\(escape(key))\" data-value=\"\(escape(value))\">\(escape(text))</div></div>"
    }

    static func card(_ label: String, key: String, _ amount: Money) -> String {
        card(label, key: key, value: String(amount.rupiah), text: amount.formatted)
    }

    static func cards(_ cards: [String]) -> String {
        "<section class=\"cards\">\n" + cards.joined(separator: "\n") + "\n</section>"
    }

    /// `37,5`: tenths of a percent the Indonesian way, comma decimal.
    static func percent(tenths: Int64) -> String {
        String(SalesReport.decimal(tenths: tenths).map { $0 == "." ? "," : $0 })
    }

    /// A note shown where a section has nothing to show.
    static func empty(_ text: String) -> String { "<p class=\"empty\">\(escape(text))</p>" }
}

/// A table with headings, one `<td>` per figure carrying its key and raw value
/// (`data-key`, `data-value`: whole rupiah, plain numbers) so a program can check the
/// page against the JSON, and an optional totals row in `<tfoot>`.
struct HTMLTable {
    struct Column {
        let label: String
        let numeric: Bool
    }

    struct Cell {
        let text: String
        var key: String?
        var value: String?

        static func money(_ amount: Money, key: String? = nil) -> Cell {
            Cell(text: amount.formatted, key: key, value: String(amount.rupiah))
        }
    }

    /// What the table holds (`data-table`), like the JSON key of its rows.
    let name: String
    let columns: [Column]
    var rows: [[Cell]] = []
    var totals: [Cell]?

    init(_ name: String, _ columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    init(_ name: String, _ columns: [(String, numeric: Bool)]) {
        self.init(name, columns.map { Column(label: $0.0, numeric: $0.numeric) })
    }

    var rendered: String {
        var html = "<div class=\"scroll\"><table data-table=\"\(HTML.escape(name))\">\n<thead><tr>"
        for column in columns { html += "<th\(column.numeric ? " class=\"num\"" : "")>\(HTML.escape(column.label))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() { html += line(row, attributes: " data-row=\"\(index)\"") }
        html += "</tbody>\n"
        if let totals { html += "<tfoot>\n" + line(totals, attributes: " data-total=\"\"") + "</tfoot>\n" }
        return html + "</table></div>"
    }

    private func line(_ cells: [Cell], attributes: String) -> String {
        var html = "<tr\(attributes)>"
        for (index, cell) in cells.enumerated() {
            let numeric = index < columns.count && columns[index].numeric
            html += "<td"
            if numeric { html += " class=\"num\"" }
            if let key = cell.key { html += " data-key=\"\(HTML.escape(key))\"" }
            if let value = cell.value { html += " data-value=\"\(HTML.escape(value))\"" }
            html += ">\(HTML.escape(cell.text))</td>"
        }
        return html + "</tr>\n"
    }
}
