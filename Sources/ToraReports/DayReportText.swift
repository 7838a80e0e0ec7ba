import ToraCore
import ToraStore

/// The Z and X reports as a terminal page, in Indonesian (the manager's language).
public enum DayReportText {
    /// Whether `text` is a `YYYY-MM-DD` day.
    public static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return text.count == 10 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
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
        var categories = TextTable([("Kategori", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.byCategory {
            categories.add([group.key, SalesReport.decimal(thousandths: group.quantity), group.net.formatted])
        }
        var top = TextTable([("Produk teratas", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.topProducts {
            top.add(["\(group.key) \(group.name)", SalesReport.decimal(thousandths: group.quantity), group.net.formatted])
        }
        var registers = TextTable([("Mesin kasir", .left), ("transaksi", .right), ("bersih", .right)])
        for group in report.byRegister { registers.add([group.key, String(group.count), group.net.formatted]) }
        var lines = [
            title,
            "transaksi \(report.salesCount), retur \(report.refundCount), baris dibatalkan \(report.voidLines), transaksi dibatalkan \(report.cancelledSales)",
        ]
        if report.cash.openShifts > 0 { lines.append("PERHATIAN: masih ada \(report.cash.openShifts) shift terbuka") }
        lines += [
            "", money.rendered, payments.rendered, cash.rendered,
            "Produk lokal: \(report.localNet.formatted) (\(report.localSharePercent)% dari penjualan bersih)",
            "Anggota: \(report.memberSalesCount) transaksi, \(report.memberNet.formatted)", "", registers.rendered, categories.rendered,
            top.rendered,
        ]
        return lines.joined(separator: "\n")
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
        add("local", "net", String(report.localNet.rupiah))
        add("local", "share_pct", report.localSharePercent)
        add("members", "net", String(report.memberNet.rupiah))
        add("members", "sales_count", String(report.memberSalesCount))
        for group in report.byCategory { add("by_category", group.key, String(group.net.rupiah)) }
        for group in report.byRegister { add("by_register", group.key, String(group.net.rupiah)) }
        for group in report.byCashier { add("by_cashier", group.key, String(group.net.rupiah)) }
        for group in report.byHour { add("by_hour", group.key, String(group.net.rupiah)) }
        for group in report.topProducts { add("top_products", group.key, String(group.net.rupiah)) }
        return rows.map(CSVWriter.line).joined()
    }
}
