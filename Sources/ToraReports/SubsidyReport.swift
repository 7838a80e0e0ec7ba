import ToraCore
import ToraStore

/// `tora report subsidy` (docs/subsidised-goods.md): each subsidised sale and refund of a
/// programme in a period (day, receipt, NIK, units, amount), then totals per buyer and
/// per day, for reconciliation with the distributor. The NIK is masked unless `fullNIK`.
public struct SubsidyReport: Sendable {
    let programme: SubsidyProgramme
    let from: String
    let to: String
    let fullNIK: Bool
    let sales: ReportTable
    let buyers: ReportTable
    let days: ReportTable

    public init(programme: SubsidyProgramme, sales rows: [SubsidySale], from: String, to: String, fullNIK: Bool) {
        self.programme = programme
        self.from = from
        self.to = to
        self.fullNIK = fullNIK
        let unit = rows.first?.unit ?? .pcs
        func shown(_ nik: String?) -> String {
            guard let nik else { return "-" }
            return fullNIK ? nik : NIK.mask(nik)
        }
        var sales = ReportTable(
            title: "PROGRAM \(programme.code) (\(programme.name)) \(from) s.d. \(to)",
            columns: [
                ("date", "tanggal", .text), ("receipt", "struk", .text), ("nik", "NIK", .text), ("sku", "sku", .text),
                ("units", "jumlah", .quantity(unit)), ("amount", "nilai", .money),
            ])
        sales.rows = rows.map {
            [.text($0.day), .text($0.receipt), .text(shown($0.nik)), .text($0.sku), .quantity($0.quantity, $0.unit), .money($0.amount)]
        }
        let units = Quantity(thousandths: rows.reduce(0) { $0 + $1.quantity.thousandths })
        let amount = Money(rows.reduce(0) { $0 + $1.amount.rupiah })
        sales.totals = [.text("Jumlah"), .blank, .blank, .blank, .quantity(units, unit), .money(amount)]
        sales.heading = "Barang subsidi: \(programme.name) (\(programme.code))"
        sales.detail = "\(from) s.d. \(to)"
        sales.footer = [
            "\(rows.count) baris, \(units.formatted(unit)) \(unit.rawValue), \(amount.formatted); HET \(programme.het.formatted), batas \(programme.limit.formatted(unit)) per \(Self.periodWord(programme.period))"
        ]
        self.sales = sales

        func grouped(_ key: (SubsidySale) -> String, title: String, first: (String, String)) -> ReportTable {
            var order: [String] = []
            var sums: [String: (units: Int64, amount: Int64, receipts: Set<String>)] = [:]
            for row in rows {
                let k = key(row)
                if sums[k] == nil { order.append(k) }
                sums[k, default: (0, 0, [])].units += row.quantity.thousandths
                sums[k, default: (0, 0, [])].amount += row.amount.rupiah
                sums[k, default: (0, 0, [])].receipts.insert(row.receipt)
            }
            var table = ReportTable(
                title: title,
                columns: [
                    (first.0, first.1, .text), ("receipts", "struk", .count), ("units", "jumlah", .quantity(unit)),
                    ("amount", "nilai", .money),
                ])
            table.rows = order.sorted().map { k in
                let s = sums[k] ?? (0, 0, [])
                return [.text(k), .count(s.receipts.count), .quantity(Quantity(thousandths: s.units), unit), .money(Money(s.amount))]
            }
            return table
        }
        buyers = grouped({ shown($0.nik) }, title: "PER PEMBELI", first: ("nik", "NIK"))
        days = grouped({ $0.day }, title: "PER HARI", first: ("date", "tanggal"))
    }

    static func periodWord(_ period: SubsidyPeriod) -> String {
        switch period {
        case .day: return "hari"
        case .week: return "minggu"
        case .month: return "bulan"
        }
    }

    /// The report in one format. CSV holds the sales rows only (one table for a
    /// spreadsheet); text, JSON and HTML also hold the totals per buyer and per day.
    public func render(_ format: ReportFormat, shopName: String = "") -> String {
        switch format {
        case .csv: return sales.render(.csv)
        case .text: return [sales, buyers, days].map { $0.render(.text) }.joined(separator: "\n")
        case .json:
            func rows(_ table: ReportTable) -> JSONValue {
                .array(table.rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(\.json)))) })
            }
            return JSONValue.object([
                "programme": .string(programme.code), "name": .string(programme.name), "het": .int(programme.het.rupiah),
                "limit": .number(SalesReport.decimal(thousandths: programme.limit.thousandths)), "per": .string(programme.period.rawValue),
                "from": .string(from), "to": .string(to), "full_nik": .bool(fullNIK), "sales": rows(sales), "buyers": rows(buyers),
                "days": rows(days),
            ]).pretty
        case .html:
            var page = sales
            page.appendix = [("Per pembeli", Self.tableHTML(buyers, name: "buyers")), ("Per hari", Self.tableHTML(days, name: "days"))]
            return page.render(.html, shopName: shopName)
        }
    }

    static func tableHTML(_ report: ReportTable, name: String) -> String {
        var table = HTMLTable(
            name, report.columns.map { HTMLTable.Column(label: $0.label, numeric: $0.kind.isNumeric) })
        table.rows = report.rows.map { row in
            zip(report.columns, row).map { column, cell in HTMLTable.Cell(text: cell.text, key: column.key, value: cell.raw) }
        }
        return report.rows.isEmpty ? HTML.empty("Tidak ada data.") : table.rendered
    }
}
