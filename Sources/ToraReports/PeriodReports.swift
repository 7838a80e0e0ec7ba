import ToraCore
import ToraStore

/// How a report is written.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv, html
}

/// A report as rows: one table that renders as text, CSV or JSON alike, so every format
/// carries the same numbers. Money columns hold whole rupiah.
public struct ReportTable: Sendable {
    public enum Kind: Sendable { case text, money, quantity(MeasureUnit), count, decimal }

    public let title: String
    public let columns: [(key: String, label: String, kind: Kind)]
    public var rows: [[Cell]] = []
    public var footer: [String] = []
    /// The HTML page's heading and what follows it (a period, a year).
    var heading = ""
    var detail = ""
    /// Summary figures: cards on the page, top-level keys in the JSON.
    var figures: [(key: String, label: String, cell: Cell)] = []
    /// The page's totals row, one cell a column.
    var totals: [Cell]?
    /// Sections the page shows before the table (charts) and after it (summaries).
    var charts: [(title: String, html: String)] = []
    var appendix: [(title: String, html: String)] = []
    /// Whether the page repeats the footer lines under the table (not where a summary
    /// section or the cards already say the same).
    var footerOnPage = true

    /// One cell: its raw JSON value and its text for people.
    public struct Cell: Sendable {
        let json: JSONValue
        let text: String
        let csv: String
        /// A quantity's unit, which the HTML page writes after a measured amount (`1,500 kg`).
        var unit: MeasureUnit?

        public static func text(_ value: String) -> Cell { Cell(json: .string(value), text: value, csv: value) }
        public static func money(_ value: Money) -> Cell {
            Cell(json: .int(value.rupiah), text: value.formatted, csv: String(value.rupiah))
        }
        public static func count(_ value: Int) -> Cell { Cell(json: .int(Int64(value)), text: String(value), csv: String(value)) }
        public static func flag(_ value: Bool) -> Cell { Cell(json: .bool(value), text: value ? "ya" : "", csv: value ? "yes" : "no") }
        public static func quantity(_ value: Quantity, _ unit: MeasureUnit) -> Cell {
            Cell(
                json: .number(SalesReport.decimal(thousandths: value.thousandths)), text: value.formatted(unit), csv: value.formatted(unit),
                unit: unit)
        }
        public static func decimal(_ text: String) -> Cell { Cell(json: .number(text), text: text, csv: text) }
        public static func optional(_ text: String?) -> Cell { Cell(json: .optional(text), text: text ?? "-", csv: text ?? "") }
    }

    public init(title: String, columns: [(key: String, label: String, kind: Kind)]) {
        self.title = title
        self.columns = columns
    }

    /// The report in one format; `shopName` heads the HTML page.
    public func render(_ format: ReportFormat, shopName: String = "") -> String {
        switch format {
        case .csv:
            return ([columns.map(\.key)] + rows.map { $0.map(\.csv) }).map(CSVWriter.line).joined()
        case .json:
            var object = Dictionary(figures.map { ($0.key, $0.cell.json) }, uniquingKeysWith: { first, _ in first })
            object["rows"] = .array(
                rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row.map(\.json)))) })
            return JSONValue.object(object).pretty
        case .html:
            return html(shopName: shopName)
        case .text:
            var table = TextTable(
                columns.map { column in
                    switch column.kind {
                    case .text: return (column.label, .left)
                    default: return (column.label, .right)
                    }
                })
            for row in rows { table.add(row.map(\.text)) }
            return ([title, "", table.rendered] + footer).joined(separator: "\n") + (footer.isEmpty ? "" : "\n")
        }
    }
}

/// The manager's period reports built from the store's figures.
public enum PeriodReports {
    public static func sales(_ days: [DaySales], from: String, to: String) -> ReportTable {
        var table = ReportTable(
            title: "PENJUALAN PER HARI \(from) s.d. \(to)",
            columns: [
                ("date", "tanggal", .text), ("sales_count", "transaksi", .count), ("refund_count", "retur", .count),
                ("gross", "kotor", .money),
                ("discounts", "diskon", .money), ("rounding", "pembulatan", .money), ("refunds", "nilai retur", .money),
                ("net", "bersih", .money),
                ("tax", "PPN", .money), ("local_net", "lokal", .money),
            ])
        for day in days {
            table.rows.append([
                .text(day.date), .count(day.salesCount), .count(day.refundCount), .money(day.gross), .money(day.discounts),
                .money(day.rounding),
                .money(day.refunds), .money(day.net), .money(day.tax), .money(day.localNet),
            ])
        }
        let net = Money(days.reduce(0) { $0 + $1.net.rupiah })
        table.footer = ["\(days.count) hari, \(days.reduce(0) { $0 + $1.salesCount }) transaksi, bersih \(net.formatted)"]
        table.heading = "Penjualan per hari"
        table.detail = "\(from) s.d. \(to)"
        table.totals = [
            .text("Jumlah"), .count(days.reduce(0) { $0 + $1.salesCount }), .count(days.reduce(0) { $0 + $1.refundCount }),
            .money(sum(days, \.gross)), .money(sum(days, \.discounts)), .money(sum(days, \.rounding)), .money(sum(days, \.refunds)),
            .money(net), .money(sum(days, \.tax)), .money(sum(days, \.localNet)),
        ]
        table.charts = [("Penjualan bersih per hari", HTMLChart.columns(dailyBars(days, from: from, to: to)))]
        return table
    }

    public static func products(_ products: [ProductSales], from: String, to: String) -> ReportTable {
        var table = ReportTable(
            title: "PENJUALAN PER PRODUK \(from) s.d. \(to) (* lokal)",
            columns: [
                ("sku", "sku", .text), ("name", "nama", .text), ("local", "lokal", .text), ("quantity", "jumlah", .decimal),
                ("net", "bersih", .money),
                ("cost", "modal", .money), ("margin", "margin", .money),
            ])
        for product in products {
            table.rows.append([
                .text(product.sku), .text(product.name), .flag(product.isLocal), .quantity(product.quantity, product.unit),
                .money(product.net),
                .money(product.cost), .money(product.margin),
            ])
        }
        table.heading = "Penjualan per produk"
        table.detail = "\(from) s.d. \(to)"
        // Quantities of different units are never added, so the totals row leaves them out.
        table.totals = [
            .text("Jumlah"), .text("\(products.count) produk"), .blank, .blank, .money(sum(products, \.net)),
            .money(sum(products, \.cost)), .money(sum(products, \.margin)),
        ]
        let top = products.sorted { $0.net > $1.net }.prefix(10)
        let local = sum(products.filter(\.isLocal), \.net)
        let other = sum(products.filter { !$0.isLocal }, \.net)
        table.charts = [
            ("Produk teratas (bersih)", HTMLChart.bars(top.map { HTMLChart.Bar(label: $0.name, amount: $0.net) })),
            (
                "Produk lokal dan lainnya",
                products.isEmpty
                    ? HTML.empty("Belum ada penjualan.")
                    : HTMLChart.shares([
                        (HTMLChart.Bar(label: "Produk lokal", amount: local), "#2e7d32"),
                        (HTMLChart.Bar(label: "Lainnya", amount: other), "#9e9e9e"),
                    ])
            ),
        ]
        return table
    }

    public static func stock(_ values: [StockValue], low: [LowStockLine]) -> ReportTable {
        let lowBySKU = Dictionary(low.map { ($0.product.product.sku, $0) }, uniquingKeysWith: { first, _ in first })
        var table = ReportTable(
            title: "STOK DAN NILAI PERSEDIAAN (harga modal)",
            columns: [
                ("sku", "sku", .text), ("name", "nama", .text), ("on_hand", "stok", .decimal), ("cost", "modal", .money),
                ("value", "nilai", .money),
                ("flag", "tanda", .text), ("days_of_cover", "cukup (hari)", .text),
            ])
        for value in values {
            let p = value.product.product
            let flag = value.product.onHand.isNegative ? "MINUS" : lowBySKU[p.sku] != nil ? "rendah" : ""
            let cover = lowBySKU[p.sku]?.daysOfCover.map(String.init)
            table.rows.append([
                .text(p.sku), .text(p.name), .quantity(value.product.onHand, p.unit), .money(p.cost), .money(value.value), .text(flag),
                .optional(cover),
            ])
        }
        let total = Money(values.reduce(0) { $0 + $1.value.rupiah })
        table.footer = [
            "nilai persediaan \(total.formatted); \(values.filter { $0.product.onHand.isNegative }.count) produk minus, \(low.count) produk di bawah titik pesan ulang"
        ]
        table.heading = "Stok dan nilai persediaan"
        table.detail = "harga modal"
        table.totals = [.text("Jumlah"), .text("\(values.count) produk"), .blank, .blank, .money(total), .blank, .blank]
        var byCategory: [String: Int64] = [:]
        for value in values { byCategory[value.product.product.category, default: 0] += value.value.rupiah }
        let categories = byCategory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        table.charts = [
            (
                "Nilai persediaan per kategori",
                HTMLChart.bars(categories.map { HTMLChart.Bar(label: $0.key, amount: Money($0.value)) }, empty: "Belum ada produk.")
            )
        ]
        return table
    }

    public static func consignment(_ statements: [ConsignorStatement]) -> ReportTable {
        var table = ReportTable(
            title: "TITIP JUAL: yang harus dibayar ke penitip",
            columns: [
                ("consignor", "penitip", .text), ("sku", "sku", .text), ("name", "nama", .text), ("units", "terjual", .decimal),
                ("consignor_price", "harga titip", .money), ("payable", "dibayar", .money),
            ])
        for statement in statements {
            for item in statement.items {
                table.rows.append([
                    .text(statement.consignor), .text(item.sku), .text(item.name), .quantity(item.units, item.unit),
                    .money(item.consignorPrice),
                    .money(item.payable),
                ])
            }
            let since = statement.lastSettledDay.map { "setelah pelunasan s.d. \($0)" } ?? "belum pernah dilunasi"
            table.footer.append("\(statement.consignor): \(statement.payable.formatted) sampai \(statement.to) (\(since))")
        }
        table.heading = "Titip jual"
        table.detail = "yang harus dibayar ke penitip"
        let payable = sum(statements, \.payable)
        table.totals = [.text("Jumlah"), .blank, .blank, .blank, .blank, .money(payable)]
        table.charts = [
            (
                "Yang harus dibayar per penitip",
                HTMLChart.bars(
                    statements.map { HTMLChart.Bar(label: $0.consignor, amount: $0.payable) }, empty: "Tidak ada yang harus dibayar.")
            )
        ]
        var perConsignor = HTMLTable(
            "consignors",
            [
                ("penitip", numeric: false), ("terakhir dilunasi s.d.", numeric: false), ("sampai", numeric: false),
                ("dibayar", numeric: true),
            ])
        perConsignor.rows = statements.map { statement in
            [
                HTMLTable.Cell(text: statement.consignor, key: "consignor", value: statement.consignor),
                HTMLTable.Cell(text: statement.lastSettledDay ?? "belum pernah dilunasi"), HTMLTable.Cell(text: statement.to),
                .money(statement.payable, key: "payable"),
            ]
        }
        perConsignor.totals = [
            HTMLTable.Cell(text: "Jumlah"), HTMLTable.Cell(text: ""), HTMLTable.Cell(text: ""), .money(payable, key: "payable"),
        ]
        table.appendix = statements.isEmpty ? [] : [("Per penitip", perConsignor.rendered)]
        table.footerOnPage = false
        return table
    }

    public static func shu(_ division: SHUDivision) -> ReportTable {
        var table = ReportTable(
            title: "SHU JASA ANGGOTA \(division.year): dana \(division.pool.formatted)",
            columns: [
                ("number", "nomor", .text), ("name", "nama", .text), ("purchases", "belanja", .money), ("share", "bagian SHU", .money),
            ])
        for share in division.shares {
            table.rows.append([.text(share.number), .text(share.name), .money(share.purchases), .money(share.share)])
        }
        table.footer = [
            "total belanja anggota \(division.totalPurchases.formatted); dibagikan \(division.distributed.formatted); sisa tidak terbagi \(division.remainder.formatted)"
        ]
        table.heading = "SHU jasa anggota"
        table.footerOnPage = false
        table.detail = division.year
        table.figures = [
            ("year", "Tahun", .text(division.year)), ("pool", "Dana SHU jasa anggota", .money(division.pool)),
            ("total_purchases", "Total belanja anggota", .money(division.totalPurchases)),
            ("distributed", "Dibagikan", .money(division.distributed)), ("remainder", "Sisa tidak terbagi", .money(division.remainder)),
        ]
        table.totals = [
            .text("Jumlah"), .text("\(division.shares.count) anggota"), .money(division.totalPurchases), .money(division.distributed),
        ]
        let largest = division.shares.sorted { $0.share != $1.share ? $0.share > $1.share : $0.number < $1.number }
        let shown = largest.prefix(20)
        table.charts = [
            (
                shown.count < largest.count ? "Bagian SHU per anggota (\(shown.count) terbesar)" : "Bagian SHU per anggota",
                HTMLChart.bars(
                    shown.map { HTMLChart.Bar(label: "\($0.number) \($0.name)", amount: $0.share) }, empty: "Belum ada belanja anggota.")
            )
        ]
        return table
    }
}
