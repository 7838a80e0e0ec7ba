import ToraCore

/// The hub's self-contained pages (the dashboard, the cooperative's Z report): plain
/// server-rendered HTML with its style inline and no external assets; every text from
/// the database goes through `HTMLText.escape`.
enum HubHTML {
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2733;background:#f6f7f9}
        h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
        p.note{color:#5a6573;margin:.2rem 0}
        .cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
        .card{background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:.6rem .9rem;min-width:9rem}
        .card b{display:block;font-size:1.2rem}.card span{color:#5a6573;font-size:.85rem}
        table{border-collapse:collapse;background:#fff;border:1px solid #d9dee5;margin:.3rem 0}
        th,td{padding:.35rem .7rem;border-bottom:1px solid #e6e9ee;text-align:left;white-space:nowrap}
        th{background:#eef1f5;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.sum td{font-weight:600;background:#f2f5f8}
        .ok{color:#17703a;font-weight:600}.flagged{color:#b3261e;font-weight:600}
        </style></head>
        <body>
        \(body)
        </body></html>

        """
    }

    /// A table; `numeric[i]` right-aligns column i. Cells are escaped here, unless a cell
    /// is given as already-built HTML with `raw`.
    static func table(_ headers: [String], _ rows: [[Cell]], numeric: [Bool], id: String? = nil, sum: [Cell]? = nil) -> String {
        func cells(_ row: [Cell], tag: String) -> String {
            row.enumerated().map { index, cell in
                let kind = numeric[index] ? " class=\"n\"" : ""
                return "<\(tag)\(kind)>\(cell.html)</\(tag)>"
            }.joined()
        }
        var out = "<table\(id.map { " id=\"\(HTMLText.escape($0))\"" } ?? "")>\n<thead><tr>"
        out += cells(headers.map { Cell($0) }, tag: "th") + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
        if let sum { out += "<tr class=\"sum\">" + cells(sum, tag: "td") + "</tr>\n" }
        return out + "</tbody></table>\n"
    }

    static func card(_ label: String, _ value: String, id: String) -> String {
        "<div class=\"card\" id=\"\(id)\"><b>\(HTMLText.escape(value))</b><span>\(HTMLText.escape(label))</span></div>"
    }

    struct Cell: Sendable {
        let html: String
        init(_ text: String) { html = HTMLText.escape(text) }
        init(raw: String) { html = raw }
    }

    /// `37,5%`: tenths of a percent as Indonesians write them.
    static func percent(_ tenths: Int64) -> String { IndonesianNumber.format(tenths, decimals: 1, minimumDecimals: 1) + "%" }
}

extension CooperativeDay {
    /// One self-contained page: the sums as cards, the outlets as a table.
    public var html: String {
        let sum = total
        var body = "<h1>\(HTMLText.escape(title))</h1>\n<div class=\"cards\">"
        body += HubHTML.card("Penjualan bersih", Money(sum.net).formatted, id: "net")
        body += HubHTML.card("Transaksi", IndonesianNumber.format(Int64(sum.salesCount), decimals: 0), id: "sales")
        body += HubHTML.card("Tunai", Money(sum.cash).formatted, id: "cash")
        body += HubHTML.card("Produk lokal", HubHTML.percent(sum.localShareTenths), id: "local")
        body += "</div>\n<h2>Per gerai</h2>\n"
        let rows = lines.map { line -> [HubHTML.Cell] in
            [
                .init(line.outlet.cooperative), .init(line.outlet.code), .init(line.outlet.name),
                .init(IndonesianNumber.format(Int64(line.totals.salesCount), decimals: 0)), .init(Money(line.totals.net).formatted),
                .init(Money(line.totals.cash).formatted), .init(HubHTML.percent(line.totals.localShareTenths)),
            ]
        }
        let sumRow: [HubHTML.Cell] = [
            .init("Jumlah"), .init(""), .init("\(lines.count) gerai"), .init(IndonesianNumber.format(Int64(sum.salesCount), decimals: 0)),
            .init(Money(sum.net).formatted), .init(Money(sum.cash).formatted), .init(HubHTML.percent(sum.localShareTenths)),
        ]
        body += HubHTML.table(
            ["Koperasi", "Gerai", "Nama", "Transaksi", "Bersih", "Tunai", "Lokal"], rows,
            numeric: [false, false, false, true, true, true, true], id: "outlets", sum: sumRow)
        let subsidy = Self.subsidyLines(sum)
        if !subsidy.isEmpty {
            body += "<h2>Barang bersubsidi</h2>\n"
            body += HubHTML.table(
                ["Program", "Unit", "Nilai", "Pembeli"],
                subsidy.map {
                    [
                        .init($0.programme), .init("\($0.units.formatted($0.unit)) \($0.unit.rawValue)"), .init($0.net.formatted),
                        .init(String($0.buyers)),
                    ]
                },
                numeric: [false, true, true, true], id: "subsidy")
        }
        return HubHTML.page(title: title, body: body)
    }
}
