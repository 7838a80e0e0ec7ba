import ToraCore
import ToraStore

/// The Z report (a business day) and the X report (one shift) as one self-contained HTML
/// page: inline CSS and SVG charts (sales by hour, by category, local share, payments by
/// method), no scripts, nothing fetched from the network.
///
/// Every figure is also in a table with its raw value in `data-value` (whole rupiah),
/// so a program can check the page against the JSON.
public enum DayReportHTML {
    /// The Z report of a business day, all registers.
    public static func render(_ report: SalesReport, shopName: String) -> String {
        var page = HTMLPage(title: "Laporan harian (Z)", detail: report.date)
        page.lines = [HTML.escape(shopName) + openShiftsWarning(report)]
        fill(&page, report, shiftIsOpen: report.cash.openShifts > 0)
        return page.rendered
    }

    /// The X report: one shift of one register, so far. `cashierName` is the cashier's
    /// name when known; `openedAt` the shift's opening in the shop's time, `2026-11-29 07:58`.
    public static func render(_ report: SalesReport, shopName: String, shift: Shift, cashierName: String?, openedAt: String) -> String {
        var page = HTMLPage(title: "Laporan shift (X)", detail: shift.businessDay)
        let cashier = cashierName.map { "\($0) (\(shift.cashier))" } ?? shift.cashier
        let state = shift.closedAt == nil ? "shift masih terbuka" : "shift sudah ditutup"
        page.lines = [
            HTML.escape(shopName),
            "Mesin kasir <strong data-key=\"register\">\(HTML.escape(shift.register))</strong> · Kasir <strong data-key=\"cashier\">\(HTML.escape(cashier))</strong> · Dibuka <strong data-key=\"opened_at\">\(HTML.escape(openedAt))</strong> · \(HTML.escape(state))",
        ]
        fill(&page, report, shiftIsOpen: shift.closedAt == nil)
        return page.rendered
    }

    static func openShiftsWarning(_ report: SalesReport) -> String {
        report.cash.openShifts > 0 ? " — <strong>masih ada \(report.cash.openShifts) shift terbuka</strong>" : ""
    }

    static func fill(_ page: inout HTMLPage, _ report: SalesReport, shiftIsOpen: Bool) {
        page.body += HTML.cards([
            HTML.card("Penjualan bersih", key: "net", report.net),
            HTML.card("Transaksi", key: "sales_count", value: String(report.salesCount), text: String(report.salesCount)),
            HTML.card("Retur", key: "refunds", report.refunds), HTML.card("PPN", key: "tax", report.tax),
            HTML.card(
                "Produk lokal", key: "local.share_pct", value: report.localSharePercent,
                text: HTML.percent(tenths: report.localShareTenths) + "%"),
        ])
        page.section("Penjualan per jam", HTMLChart.columns(hourly(report.byHour)))
        page.section("Penjualan per kategori", HTMLChart.bars(report.byCategory.map { HTMLChart.Bar(label: $0.key, amount: $0.net) }))
        let local = report.localNet
        let other = report.otherNet
        page.section(
            "Produk lokal dan lainnya",
            HTMLChart.shares([
                (HTMLChart.Bar(label: "Produk lokal", amount: local), "#2e7d32"),
                (HTMLChart.Bar(label: "Lainnya", amount: other), "#9e9e9e"),
            ]))
        page.section(
            "Pembayaran",
            HTMLChart.bars(
                TenderMethod.allCases.map { HTMLChart.Bar(label: DayReportText.methodName($0), amount: report.payments[$0] ?? .zero) }))
        if !report.subsidy.isEmpty { page.section("Barang subsidi", subsidyTable(report.subsidy)) }
        page.section("Angka lengkap", figuresTable(report, shiftIsOpen: shiftIsOpen))
        if let head = report.journalHead {
            page.body +=
                "<p class=\"shop\">Jurnal audit sampai entri <span data-key=\"journal_head.seq\">\(head.seq)</span>, hash <code data-key=\"journal_head.hash\">\(HTML.escape(head.hash))</code> (periksa dengan <code>tora audit verify --anchor \(head.seq):\(HTML.escape(head.hash))</code>)</p>\n"
        }
    }

    /// Subsidised goods by programme: units in their own unit, net, and how many buyers
    /// (no NIK on this page; docs/subsidised-goods.md).
    static func subsidyTable(_ lines: [SubsidyDayLine]) -> String {
        var table = HTMLTable(
            "subsidy", [("Program", numeric: false), ("Jumlah", numeric: true), ("Bersih", numeric: true), ("Pembeli", numeric: true)])
        table.rows = lines.map { line in
            [
                HTMLTable.Cell(text: line.programme, key: "programme", value: line.programme),
                HTMLTable.Cell(
                    text: "\(line.units.formatted(line.unit)) \(line.unit.rawValue)", key: "units",
                    value: SalesReport.decimal(thousandths: line.units.thousandths)),
                .money(line.net, key: "net"), HTMLTable.Cell(text: String(line.buyers), key: "buyers", value: String(line.buyers)),
            ]
        }
        return table.rendered
    }

    static func format2(_ key: String) -> String { key.count == 1 ? "0" + key : key }

    /// Every hour of the shop's day (06:00–21:00 at least), so a quiet hour shows as one.
    static func hourly(_ groups: [SalesReport.Group]) -> [HTMLChart.Bar] {
        let byHour = Dictionary(groups.map { (Int($0.key) ?? 0, $0.net) }, uniquingKeysWith: { first, _ in first })
        let first = min(6, byHour.keys.min() ?? 6)
        let last = max(21, byHour.keys.max() ?? 21)
        return (first...last).map { HTMLChart.Bar(label: format2(String($0)), amount: byHour[$0] ?? .zero) }
    }

    /// Every figure with its JSON key; an open shift has no counted cash yet.
    /// `shiftIsOpen`: some shift is not counted yet, so counted cash and over/short are left out.
    static func figuresTable(_ report: SalesReport, shiftIsOpen: Bool) -> String {
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
        ]
        if !shiftIsOpen {
            rows += [("Kas: dihitung", "cash.counted", report.cash.counted), ("Kas: selisih", "cash.over_short", report.cash.overShort)]
        }
        rows += [
            ("Kasbon: diambil", "credit.taken", report.credit.taken),
            ("Kasbon: dikembalikan (retur)", "credit.refunded", report.credit.refunded),
            ("Kasbon: dibayar kembali", "credit.repaid", report.credit.repaid),
            ("Simpanan: setoran", "savings.deposits", report.savings.deposits),
            ("Simpanan: setoran tunai", "savings.deposits_cash", report.savings.depositsByMethod[.cash] ?? .zero),
            ("Simpanan: penarikan", "savings.withdrawals", report.savings.withdrawals),
            ("Simpanan: penarikan tunai", "savings.withdrawals_cash", report.savings.withdrawalsByMethod[.cash] ?? .zero),
        ]
        rows += [("Produk lokal", "local.net", report.localNet), ("Anggota", "members.net", report.memberNet)]
        for group in report.byCategory { rows.append(("Kategori \(group.key)", "by_category.\(group.key)", group.net)) }
        for group in report.byHour { rows.append(("Jam \(format2(group.key)):00", "by_hour.\(group.key)", group.net)) }
        var table = HTMLTable("figures", [("Angka", numeric: false), ("Rp", numeric: true)])
        table.rows = rows.map { label, key, amount in [HTMLTable.Cell(text: label), .money(amount, key: key)] }
        return table.rendered
    }
}
