import ToraCore
import ToraStore

/// The Z report as one self-contained HTML page: inline CSS and SVG charts (sales by
/// hour, by category, local share, payments by method), no scripts, nothing fetched
/// from the network, so it opens the same on the shop's PC with no internet.
///
/// Every figure is also in a table with its raw value in `data-value` (whole rupiah),
/// so a program can check the page against the JSON.
public enum DayReportHTML {
    public static func render(_ report: SalesReport, shopName: String) -> String {
        let net = report.net
        var body = """
            <h1>Laporan harian (Z) <span>\(escape(report.date))</span></h1>
            <p class="shop">\(escape(shopName))\(report.cash.openShifts > 0 ? " — <strong>masih ada \(report.cash.openShifts) shift terbuka</strong>" : "")</p>
            <section class="cards">
            \(card("Penjualan bersih", "net", net))
            \(card("Transaksi", "sales_count", count: report.salesCount))
            \(card("Retur", "refunds", report.refunds))
            \(card("PPN", "tax", report.tax))
            <div class="card"><div class="label">Produk lokal</div><div class="value" data-key="local.share_pct" data-value="\(report.localSharePercent)">\(report.localShareText)%</div></div>
            </section>
            """
        body += section("Penjualan per jam", barChart(hourly(report.byHour)))
        body += section("Penjualan per kategori", horizontalBars(report.byCategory.map { ($0.key, $0.net) }))
        let local = report.localNet
        let other = Money(max(0, report.gross.rupiah - report.discounts.rupiah - report.refunds.rupiah - local.rupiah))
        body += section("Produk lokal dan lainnya", shareBar([("Produk lokal", local, "#2e7d32"), ("Lainnya", other, "#9e9e9e")]))
        body += section(
            "Pembayaran", horizontalBars(TenderMethod.allCases.map { (DayReportText.methodName($0), report.payments[$0] ?? .zero) }))
        body += section("Angka lengkap", figuresTable(report))
        return """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Laporan harian \(escape(report.date)) — \(escape(shopName))</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 960px; color: #1b1b1b; background: #fafaf7; }
            h1 { color: #b71c1c; margin-bottom: 0; } h1 span { color: #1b1b1b; font-weight: normal; }
            h2 { border-bottom: 2px solid #b71c1c; padding-bottom: 4px; margin-top: 32px; }
            .shop { color: #555; margin-top: 4px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
            .card { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; min-width: 150px; }
            .card .label { color: #666; font-size: 13px; } .card .value { font-size: 22px; font-weight: bold; margin-top: 4px; }
            svg { background: #fff; border: 1px solid #eee; border-radius: 6px; }
            svg text { font-size: 12px; fill: #333; }
            table { border-collapse: collapse; width: 100%; background: #fff; }
            td, th { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            \(body)
            <p class="shop">Dibuat oleh Tora Sera dari buku toko; angka uang dalam rupiah utuh.</p>
            </body>
            </html>

            """
    }

    static func format2(_ key: String) -> String { key.count == 1 ? "0" + key : key }

    /// Every hour of the shop's day (06:00–21:00 at least), so a quiet hour shows as one.
    static func hourly(_ groups: [SalesReport.Group]) -> [(String, Money)] {
        let byHour = Dictionary(groups.map { (Int($0.key) ?? 0, $0.net) }, uniquingKeysWith: { first, _ in first })
        let first = min(6, byHour.keys.min() ?? 6)
        let last = max(21, byHour.keys.max() ?? 21)
        return (first...last).map { (format2(String($0)), byHour[$0] ?? .zero) }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func card(_ label: String, _ key: String, _ amount: Money) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\" data-key=\"\(key)\" data-value=\"\(amount.rupiah)\">\(amount.formatted)</div></div>"
    }

    static func card(_ label: String, _ key: String, count: Int) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\" data-key=\"\(key)\" data-value=\"\(count)\">\(count)</div></div>"
    }

    static func section(_ title: String, _ content: String) -> String {
        "\n<h2>\(escape(title))</h2>\n\(content)\n"
    }

    /// Vertical bars, one per label, scaled to the largest value.
    static func barChart(_ bars: [(String, Money)]) -> String {
        guard !bars.isEmpty else { return "<p>Belum ada penjualan.</p>" }
        let width = 900
        let height = 260
        let slot = max(1, (width - 60) / bars.count)
        let top = max(1, bars.map { $0.1.rupiah }.max() ?? 1)
        var svg =
            "<svg role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, bar) in bars.enumerated() {
            let barHeight = Int(max(0, bar.1.rupiah) * 200 / top)
            let x = 40 + index * slot
            svg +=
                "<rect x=\"\(x + 4)\" y=\"\(220 - barHeight)\" width=\"\(max(4, slot - 8))\" height=\"\(barHeight)\" fill=\"#c62828\"><title>\(escape(bar.0)): \(bar.1.formatted)</title></rect>"
            svg += "<text x=\"\(x + slot / 2)\" y=\"240\" text-anchor=\"middle\">\(escape(bar.0))</text>"
            if !bar.1.isZero {
                svg += "<text x=\"\(x + slot / 2)\" y=\"\(214 - barHeight)\" text-anchor=\"middle\">\(bar.1.formattedPlain)</text>"
            }
        }
        return svg + "<line x1=\"36\" y1=\"220\" x2=\"\(width - 10)\" y2=\"220\" stroke=\"#999\"/></svg>"
    }

    /// Horizontal bars with their labels and amounts.
    static func horizontalBars(_ bars: [(String, Money)]) -> String {
        guard !bars.isEmpty else { return "<p>Belum ada penjualan.</p>" }
        let top = max(1, bars.map { $0.1.rupiah }.max() ?? 1)
        let height = 30 * bars.count + 10
        var svg = "<svg role=\"img\" width=\"900\" height=\"\(height)\" viewBox=\"0 0 900 \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, bar) in bars.enumerated() {
            let y = 8 + index * 30
            let length = Int(max(0, bar.1.rupiah) * 560 / top)
            svg += "<text x=\"8\" y=\"\(y + 16)\">\(escape(bar.0))</text>"
            svg +=
                "<rect x=\"200\" y=\"\(y)\" width=\"\(length)\" height=\"22\" fill=\"#1565c0\"><title>\(escape(bar.0)): \(bar.1.formatted)</title></rect>"
            svg += "<text x=\"\(206 + length)\" y=\"\(y + 16)\">\(bar.1.formatted)</text>"
        }
        return svg + "</svg>"
    }

    /// One bar split into shares, with a legend.
    static func shareBar(_ parts: [(String, Money, String)]) -> String {
        let total = max(1, parts.reduce(Int64(0)) { $0 + max(0, $1.1.rupiah) })
        var svg = "<svg role=\"img\" width=\"900\" height=\"90\" viewBox=\"0 0 900 90\" xmlns=\"http://www.w3.org/2000/svg\">"
        var x = 10
        for part in parts {
            let width = Int(max(0, part.1.rupiah) * 880 / total)
            svg +=
                "<rect x=\"\(x)\" y=\"10\" width=\"\(width)\" height=\"36\" fill=\"\(part.2)\"><title>\(escape(part.0)): \(part.1.formatted)</title></rect>"
            x += width
        }
        var legendX = 10
        for part in parts {
            let tenths = multipliedRoundingHalfUp(max(0, part.1.rupiah), by: 1000, dividedBy: total) ?? 0
            let pct = IndonesianNumber.format(tenths, decimals: 1, minimumDecimals: 1)
            svg += "<rect x=\"\(legendX)\" y=\"60\" width=\"14\" height=\"14\" fill=\"\(part.2)\"/>"
            svg += "<text x=\"\(legendX + 20)\" y=\"72\">\(escape(part.0)) \(part.1.formatted) (\(pct)%)</text>"
            legendX += 420
        }
        return svg + "</svg>"
    }

    static func figuresTable(_ report: SalesReport) -> String {
        var rows: [(String, String, Money)] = [
            ("Penjualan kotor", "gross", report.gross), ("Diskon", "discounts", report.discounts),
            ("Pembulatan tunai", "rounding", report.rounding),
            ("Retur", "refunds", report.refunds), ("Bersih", "net", report.net), ("DPP", "dpp", report.dpp), ("PPN", "tax", report.tax),
        ]
        for method in TenderMethod.allCases {
            rows.append(("Pembayaran \(DayReportText.methodName(method))", "payments.\(method.rawValue)", report.payments[method] ?? .zero))
        }
        rows += [
            ("Kas: modal awal", "cash.opening_float", report.cash.openingFloat), ("Kas: seharusnya", "cash.expected", report.cash.expected),
            ("Kas: dihitung", "cash.counted", report.cash.counted), ("Kas: selisih", "cash.over_short", report.cash.overShort),
            ("Produk lokal", "local.net", report.localNet), ("Anggota", "members.net", report.memberNet),
        ]
        var html = "<table><tr><th>Angka</th><th class=\"num\">Rp</th></tr>"
        for (label, key, amount) in rows {
            html +=
                "<tr><td>\(escape(label))</td><td class=\"num\" data-key=\"\(key)\" data-value=\"\(amount.rupiah)\">\(amount.formatted)</td></tr>"
        }
        for group in report.byCategory {
            html +=
                "<tr><td>Kategori \(escape(group.key))</td><td class=\"num\" data-key=\"by_category.\(escape(group.key))\" data-value=\"\(group.net.rupiah)\">\(group.net.formatted)</td></tr>"
        }
        for group in report.byHour {
            html +=
                "<tr><td>Jam \(format2(group.key)):00</td><td class=\"num\" data-key=\"by_hour.\(group.key)\" data-value=\"\(group.net.rupiah)\">\(group.net.formatted)</td></tr>"
        }
        return html + "</table>"
    }
}
