import ToraCore
import ToraStore

extension ReportTable {
    /// The report as one self-contained page: summary cards, charts, the table with its
    /// headings and totals row, then the summaries. Each row's cells carry their JSON key
    /// and raw value, so the page can be checked against `--format json`.
    func html(shopName: String) -> String {
        var page = HTMLPage(title: heading.isEmpty ? title : heading, detail: detail)
        page.lines = [HTML.escape(shopName)]
        if !figures.isEmpty {
            page.body += HTML.cards(figures.map { HTML.card($0.label, key: $0.key, value: $0.cell.raw, text: $0.cell.text) })
        }
        for chart in charts { page.section(chart.title, chart.html) }
        var table = HTMLTable("rows", columns.map { HTMLTable.Column(label: $0.label, numeric: $0.kind.isNumeric) })
        table.rows = rows.map(htmlCells)
        table.totals = rows.isEmpty ? nil : totals.map(htmlCells)
        var content = table.rendered
        if rows.isEmpty { content += HTML.empty("Tidak ada data untuk laporan ini.") }
        if footerOnPage { content += footer.map { "\n<p class=\"shop\">\(HTML.escape($0))</p>" }.joined() }
        page.section("Rincian", content)
        for section in appendix { page.section(section.title, section.html) }
        return page.rendered
    }

    private func htmlCells(_ row: [Cell]) -> [HTMLTable.Cell] {
        zip(columns, row).map { column, cell in
            let unit = cell.unit.flatMap { $0.isMeasured ? " " + $0.rawValue : nil } ?? ""
            return HTMLTable.Cell(text: cell.text + unit, key: column.key, value: cell.raw)
        }
    }
}

extension ReportTable.Kind {
    var isNumeric: Bool {
        switch self {
        case .text: return false
        default: return true
        }
    }
}

extension ReportTable.Cell {
    /// The JSON value as plain text for `data-value`: `91500`, `1.5`, `true`, `` for null.
    var raw: String {
        switch json {
        case .string(let text): return text
        case .int(let value): return String(value)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        default: return ""
        }
    }

    /// An empty cell, for a totals row's columns that do not add up.
    static var blank: Self { .text("") }
}

extension PeriodReports {
    /// Every day from `from` to `to` with its net (zero when nothing was sold), labelled
    /// `27/11`, for a chart where a quiet day shows as one. Periods longer than three
    /// years chart only the days with sales.
    static func dailyBars(_ days: [DaySales], from: String, to: String) -> [HTMLChart.Bar] {
        let net = Dictionary(days.map { ($0.date, $0.net) }, uniquingKeysWith: { first, _ in first })
        var all: [String] = []
        var day = from
        while day <= to, all.count <= 1_100, DayReportText.isDay(day) {
            all.append(day)
            day = nextDay(day)
        }
        if all.count > 1_100 { all = days.map(\.date) }
        return all.map { day in
            HTMLChart.Bar(label: "\(day.suffix(2))/\(day.dropFirst(5).prefix(2))", amount: net[day] ?? .zero)
        }
    }

    /// The calendar day after a `YYYY-MM-DD` day.
    static func nextDay(_ day: String) -> String {
        let parts = day.split(separator: "-").map { Int($0) ?? 0 }
        guard parts.count == 3 else { return "9999-99-99" }
        var (year, month, date) = (parts[0], parts[1], parts[2] + 1)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, month - 1))]
        if date > length {
            date = 1
            month += 1
        }
        if month > 12 {
            month = 1
            year += 1
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(date))"
    }

    /// Σ of one money figure over a list.
    static func sum<T>(_ items: [T], _ amount: (T) -> Money) -> Money {
        Money(items.reduce(0) { $0 + amount($1).rupiah })
    }
}
