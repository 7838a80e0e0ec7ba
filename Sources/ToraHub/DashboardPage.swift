import ToraCore

extension Dashboard {
    /// The page, in Bahasa Indonesia with numbers as Indonesians write them; `now` is
    /// when it was made (UTC), shown at the top.
    public func html(now: String) -> String {
        let sum = all
        let flagged = outlets.filter { $0.state != "ok" }.count
        var body = "<h1>Dasbor koperasi</h1>\n"
        body += "<p class=\"note\">Tujuh hari usaha \(HTMLText.escape(Self.dayLabel(days.first ?? ""))) s.d. "
        body +=
            "\(HTMLText.escape(Self.dayLabel(days.last ?? ""))) · dibuat \(HTMLText.escape(Self.syncLabel(now))) UTC</p>\n<div class=\"cards\">"
        body += HubHTML.card("Penjualan bersih 7 hari", Money(sum.net).formatted, id: "week-net")
        body += HubHTML.card("Transaksi 7 hari", IndonesianNumber.format(Int64(sum.salesCount), decimals: 0), id: "week-sales")
        body += HubHTML.card("Produk lokal", HubHTML.percent(sum.localShareTenths), id: "week-local")
        body += HubHTML.card("Gerai (ditandai)", "\(outlets.count) (\(flagged))", id: "outlet-count")
        body += "</div>\n" + outletTable() + salesTable() + localTable() + subsidyTable(sum)
        return HubHTML.page(title: "Dasbor koperasi — Tora Sera", body: body)
    }

    private func outletTable() -> String {
        let rows = outlets.map { outlet -> [HubHTML.Cell] in
            let head = outlet.head.map { "\(IndonesianNumber.format($0.seq, decimals: 0)) · \($0.hash.prefix(12))" } ?? "-"
            let state: HubHTML.Cell =
                outlet.state == "ok"
                ? HubHTML.Cell(raw: outlet.enrolled ? "<span class=\"ok\">ok</span>" : "belum bergabung")
                : HubHTML.Cell(raw: "<span class=\"flagged\">ditandai</span>: " + HTMLText.escape(outlet.flagReason ?? ""))
            return [
                .init(outlet.cooperative), .init(outlet.code), .init(outlet.name), .init(Self.syncLabel(outlet.lastSync)), .init(head),
                state,
            ]
        }
        return "<h2>Gerai</h2>\n"
            + HubHTML.table(
                ["Koperasi", "Gerai", "Nama", "Sinkron terakhir (UTC)", "Kepala jurnal", "Status"], rows,
                numeric: [false, false, false, false, false, false], id: "outlets")
    }

    private func salesTable() -> String {
        let rows = outlets.map { outlet -> [HubHTML.Cell] in
            [.init(outlet.code)]
                + days.map { day in
                    guard let totals = sales[outlet.id]?[day] else { return HubHTML.Cell("-") }
                    return HubHTML.Cell(Money(totals.net).formatted + " (\(totals.salesCount))")
                } + [.init(Money(week(outlet.id).net).formatted)]
        }
        let sumRow: [HubHTML.Cell] =
            [.init("Jumlah")]
            + days.map { day in
                var net: Int64 = 0
                var count = 0
                for outlet in outlets {
                    net += sales[outlet.id]?[day]?.net ?? 0
                    count += sales[outlet.id]?[day]?.salesCount ?? 0
                }
                return HubHTML.Cell(count == 0 && net == 0 ? "-" : Money(net).formatted + " (\(count))")
            } + [.init(Money(all.net).formatted)]
        return "<h2>Penjualan bersih per hari per gerai (jumlah transaksi)</h2>\n"
            + HubHTML.table(
                ["Gerai"] + days.map(Self.dayLabel) + ["7 hari"], rows, numeric: [false] + days.map { _ in true } + [true], id: "sales",
                sum: sumRow)
    }

    private func localTable() -> String {
        func row(_ label: String, _ totals: DayTotals) -> [HubHTML.Cell] {
            let goods = ReportFigures.goods(gross: Money(totals.gross), discounts: Money(totals.discounts), refunds: Money(totals.refunds))
            return [
                .init(label), .init(Money(totals.localNet).formatted), .init(goods.formatted),
                .init(HubHTML.percent(totals.localShareTenths)),
            ]
        }
        return "<h2>Produk lokal (7 hari)</h2>\n"
            + HubHTML.table(
                ["Gerai", "Produk lokal", "Semua barang", "Pangsa lokal"], outlets.map { row($0.code, week($0.id)) },
                numeric: [false, true, true, true], id: "local", sum: row("Jumlah", all))
    }

    private func subsidyTable(_ sum: DayTotals) -> String {
        let programmes = sum.subsidy.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !programmes.isEmpty else {
            return "<h2>Barang bersubsidi (7 hari)</h2>\n<p class=\"note\">Belum ada penjualan barang bersubsidi.</p>\n"
        }
        var rows: [[HubHTML.Cell]] = []
        for programme in programmes {
            for outlet in outlets {
                guard let line = week(outlet.id).subsidy[programme] else { continue }
                rows.append(Self.subsidyRow(programme, outlet.code, line))
            }
            if let line = sum.subsidy[programme] { rows.append(Self.subsidyRow(programme, "Jumlah", line)) }
        }
        return "<h2>Barang bersubsidi (7 hari)</h2>\n"
            + HubHTML.table(
                ["Program", "Gerai", "Unit", "Nilai", "Pembeli"], rows, numeric: [false, false, true, true, true], id: "subsidy")
    }

    private static func subsidyRow(_ programme: String, _ outlet: String, _ line: DayTotals.Subsidy) -> [HubHTML.Cell] {
        let unit = MeasureUnit(rawValue: line.unit) ?? .pcs
        return [
            .init(programme), .init(outlet), .init("\(Quantity(thousandths: line.units).formatted(unit)) \(unit.rawValue)"),
            .init(Money(line.net).formatted), .init(IndonesianNumber.format(Int64(line.buyers), decimals: 0)),
        ]
    }

    /// `28/11/2026`, as Indonesians write a date.
    static func dayLabel(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// `28/11/2026 10.05` of an ISO 8601 UTC time, or `belum pernah`.
    static func syncLabel(_ time: String?) -> String {
        guard let time, time.count >= 16 else { return "belum pernah" }
        let day = dayLabel(String(time.prefix(10)))
        let clock = time.dropFirst(11).prefix(5).split(separator: ":").joined(separator: ".")
        return "\(day) \(clock)"
    }
}
