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

    /// One cell: its raw JSON value and its text for people.
    public struct Cell: Sendable {
        let json: JSONValue
        let text: String
        let csv: String

        public static func text(_ value: String) -> Cell { Cell(json: .string(value), text: value, csv: value) }
        public static func money(_ value: Money) -> Cell {
            Cell(json: .int(value.rupiah), text: value.formatted, csv: String(value.rupiah))
        }
        public static func count(_ value: Int) -> Cell { Cell(json: .int(Int64(value)), text: String(value), csv: String(value)) }
        public static func flag(_ value: Bool) -> Cell { Cell(json: .bool(value), text: value ? "ya" : "", csv: value ? "yes" : "no") }
        public static func quantity(_ value: Quantity, _ unit: MeasureUnit) -> Cell {
            Cell(
                json: .number(SalesReport.decimal(thousandths: value.thousandths)), text: value.formatted(unit), csv: value.formatted(unit))
        }
        public static func decimal(_ text: String) -> Cell { Cell(json: .number(text), text: text, csv: text) }
        public static func optional(_ text: String?) -> Cell { Cell(json: .optional(text), text: text ?? "-", csv: text ?? "") }
    }

    public init(title: String, columns: [(key: String, label: String, kind: Kind)]) {
        self.title = title
        self.columns = columns
    }

    public func render(_ format: ReportFormat, extra: [String: JSONValue] = [:]) -> String {
        switch format {
        case .csv:
            return ([columns.map(\.key)] + rows.map { $0.map(\.csv) }).map(CSVWriter.line).joined()
        case .json:
            var object = extra
            object["rows"] = .array(
                rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row.map(\.json)))) })
            return JSONValue.object(object).pretty
        case .text, .html:
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
        return table
    }
}
