import ToraCore
import ToraStore

/// The Z and X reports as a terminal page, in Indonesian (the manager's language).
public enum DayReportText {
    /// Whether `text` is a `YYYY-MM-DD` day of the calendar: `2026-02-30` and
    /// `2026-13-45` are not; `2028-02-29` is.
    public static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1, (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...length).contains(day)
    }

    public static func render(_ report: SalesReport, title: String) -> String {
        var money = TextTable([("Ringkasan", .left), ("Rp", .right)])
        let rows: [(String, Money)] = [
            ("Penjualan kotor (gross)", report.gross), ("Diskon", -report.discounts), ("Pembulatan tunai", -report.rounding),
            ("Retur", -report.refunds), ("BERSIH (net)", report.net), ("  DPP", report.dpp), ("  PPN", report.tax),
        ]
        for (label, amount) in rows { money.add([label, amount.formatted]) }
        var payments = TextTable([("Pembayaran", .left), ("Rp", .right)])
        for method in TenderMethod.allCases { payments.add([methodName(method), (report.payments[method] ?? .zero).formatted]) }
        var cash = TextTable([("Kas di laci", .left), ("Rp", .right)])
        cash.add(["modal awal", report.cash.openingFloat.formatted])
        cash.add(["seharusnya", report.cash.expected.formatted])
        // Counted cash and over/short exist once every shift is closed; before that (an X
        // report, a day still open) they would read as a count of Rp0.
        if report.cash.openShifts == 0 {
            cash.add(["dihitung", report.cash.counted.formatted])
            cash.add(["selisih (lebih/kurang)", report.cash.overShort.formatted])
        }
        var credit = TextTable([("Kasbon anggota", .left), ("Rp", .right)])
        credit.add(["diambil (bayar kredit)", report.credit.taken.formatted])
        credit.add(["dikembalikan (retur)", report.credit.refunded.formatted])
        credit.add(["dibayar kembali", report.credit.repaid.formatted])
        credit.add(["  di antaranya tunai", (report.credit.repaidByMethod[.cash] ?? .zero).formatted])
        var savings = TextTable([("Simpanan anggota", .left), ("Rp", .right)])
        savings.add(["setoran", report.savings.deposits.formatted])
        savings.add(["  di antaranya tunai", (report.savings.depositsByMethod[.cash] ?? .zero).formatted])
        savings.add(["penarikan", report.savings.withdrawals.formatted])
        savings.add(["  di antaranya tunai", (report.savings.withdrawalsByMethod[.cash] ?? .zero).formatted])
        var categories = TextTable([("Kategori", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.byCategory { categories.add([group.key, quantities(group), group.net.formatted]) }
        var top = TextTable([("Produk teratas", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.topProducts { top.add(["\(group.key) \(group.name)", quantities(group), group.net.formatted]) }
        var registers = TextTable([("Mesin kasir", .left), ("transaksi", .right), ("bersih", .right)])
        for group in report.byRegister { registers.add([group.key, String(group.count), group.net.formatted]) }
        var lines = [
            title,
            "transaksi \(report.salesCount), retur \(report.refundCount), baris dibatalkan \(report.voidLines), transaksi dibatalkan \(report.cancelledSales)",
        ]
        if report.cash.openShifts > 0 { lines.append("PERHATIAN: masih ada \(report.cash.openShifts) shift terbuka") }
        lines += ["", money.rendered, payments.rendered, cash.rendered, credit.rendered, savings.rendered] + subsidyLines(report)
        lines += [
            "Produk lokal: \(report.localNet.formatted) (\(report.localShareText)% dari penjualan bersih)",
            "Anggota: \(report.memberSalesCount) transaksi, \(report.memberNet.formatted)", "", registers.rendered, categories.rendered,
            top.rendered,
        ]
        if let head = report.journalHead { lines += ["Jurnal audit: \(head.text)", ""] }
        return lines.joined(separator: "\n")
    }

    /// `12,500 kg + 30 pcs`: each unit on its own, never added into one figure.
    public static func quantities(_ group: SalesReport.Group) -> String {
        group.quantityList.map { "\($0.quantity.formatted($0.unit)) \($0.unit.rawValue)" }.joined(separator: " + ")
    }

    public static func methodName(_ method: TenderMethod) -> String {
        switch method {
        case .cash: return "Tunai"
        case .qris: return "QRIS"
        case .debit: return "Debit"
        case .credit: return "Kredit anggota"
        }
    }
}

/// The Z report as CSV: one `section,key,value` row per figure, so a spreadsheet can
/// sum or chart any part of it. Money is whole rupiah.
public enum DayReportCSV {
    public static func render(_ report: SalesReport) -> String {
        var rows: [[String]] = [["section", "key", "value"]]
        func add(_ section: String, _ key: String, _ value: String) { rows.append([section, key, value]) }
        add("day", "date", report.date)
        add("counts", "sales_count", String(report.salesCount))
        add("counts", "refund_count", String(report.refundCount))
        add("counts", "void_lines", String(report.voidLines))
        add("counts", "cancelled_sales", String(report.cancelledSales))
        for (key, amount) in [
            ("gross", report.gross), ("discounts", report.discounts), ("rounding", report.rounding), ("refunds", report.refunds),
            ("net", report.net), ("tax", report.tax), ("dpp", report.dpp),
        ] {
            add("totals", key, String(amount.rupiah))
        }
        for method in TenderMethod.allCases { add("payments", method.rawValue, String((report.payments[method] ?? .zero).rupiah)) }
        add("cash", "opening_float", String(report.cash.openingFloat.rupiah))
        add("cash", "expected", String(report.cash.expected.rupiah))
        add("cash", "counted", String(report.cash.counted.rupiah))
        add("cash", "over_short", String(report.cash.overShort.rupiah))
        add("credit", "taken", String(report.credit.taken.rupiah))
        add("credit", "refunded", String(report.credit.refunded.rupiah))
        add("credit", "repaid", String(report.credit.repaid.rupiah))
        for method in [TenderMethod.cash, .qris, .debit] {
            add("credit", "repaid_\(method.rawValue)", String((report.credit.repaidByMethod[method] ?? .zero).rupiah))
        }
        add("savings", "deposits", String(report.savings.deposits.rupiah))
        add("savings", "withdrawals", String(report.savings.withdrawals.rupiah))
        for method in [TenderMethod.cash, .qris, .debit] {
            add("savings", "deposits_\(method.rawValue)", String((report.savings.depositsByMethod[method] ?? .zero).rupiah))
            add("savings", "withdrawals_\(method.rawValue)", String((report.savings.withdrawalsByMethod[method] ?? .zero).rupiah))
        }
        add("local", "net", String(report.localNet.rupiah))
        add("local", "share_pct", report.localShareText)
        add("members", "net", String(report.memberNet.rupiah))
        add("members", "sales_count", String(report.memberSalesCount))
        for group in report.byCategory {
            add("by_category", group.key, String(group.net.rupiah))
            for (unit, quantity) in group.quantityList {
                add("by_category_quantity", "\(group.key) \(unit.rawValue)", quantity.formatted(unit))
            }
        }
        for group in report.byRegister { add("by_register", group.key, String(group.net.rupiah)) }
        for group in report.byCashier { add("by_cashier", group.key, String(group.net.rupiah)) }
        for group in report.byHour { add("by_hour", group.key, String(group.net.rupiah)) }
        for group in report.topProducts { add("top_products", group.key, String(group.net.rupiah)) }
        for line in report.subsidy {
            add("subsidy", "\(line.programme) units", "\(line.units.formatted(line.unit)) \(line.unit.rawValue)")
            add("subsidy", "\(line.programme) net", String(line.net.rupiah))
            add("subsidy", "\(line.programme) buyers", String(line.buyers))
        }
        if let head = report.journalHead {
            add("journal_head", "seq", String(head.seq))
            add("journal_head", "hash", head.hash)
        }
        return rows.map(CSVWriter.line).joined()
    }
}

extension DayReportText {
    /// Subsidised goods by programme (docs/subsidised-goods.md); nothing on a day without.
    static func subsidyLines(_ report: SalesReport) -> [String] {
        guard !report.subsidy.isEmpty else { return [] }
        var table = TextTable([("Barang subsidi", .left), ("jumlah", .right), ("bersih", .right), ("pembeli", .right)])
        for line in report.subsidy {
            table.add([line.programme, "\(line.units.formatted(line.unit)) \(line.unit.rawValue)", line.net.formatted, String(line.buyers)])
        }
        return [table.rendered]
    }
}
