import ToraCore
import ToraStore

/// The Z report for the receipt printer: short lines no wider than the paper (32 or 48
/// columns), a label on the left and the amount on the right.
public enum DayReportPaper {
    /// Over 60 lines on purpose: the paper Z report's sections one after another, in print order.
    public static func lines(_ report: SalesReport, shopName: String, columns: Int) -> [String] {
        func pair(_ label: String, _ value: String) -> String {
            let room = max(1, columns - value.count - 1)
            let clipped = label.count > room ? String(label.prefix(room)) : label
            return clipped + String(repeating: " ", count: max(1, columns - clipped.count - value.count)) + value
        }
        func center(_ text: String) -> String {
            let clipped = String(text.prefix(columns))
            return String(repeating: " ", count: (columns - clipped.count) / 2) + clipped
        }
        let rule = String(repeating: "-", count: columns)
        var lines = [center(shopName), center("LAPORAN HARIAN (Z)"), center(report.date), rule]
        lines.append(pair("Transaksi", String(report.salesCount)))
        lines.append(pair("Retur", String(report.refundCount)))
        lines.append(pair("Baris batal", String(report.voidLines)))
        lines.append(pair("Transaksi batal", String(report.cancelledSales)))
        lines.append(rule)
        for (label, amount) in [
            ("Kotor", report.gross), ("Diskon", -report.discounts), ("Pembulatan", -report.rounding), ("Retur", -report.refunds),
            ("BERSIH", report.net), ("DPP", report.dpp), ("PPN", report.tax),
        ] {
            lines.append(pair(label, amount.formatted))
        }
        lines.append(rule)
        for method in TenderMethod.allCases {
            lines.append(pair(DayReportText.methodName(method), (report.payments[method] ?? .zero).formatted))
        }
        lines.append(rule)
        lines.append(pair("Modal awal", report.cash.openingFloat.formatted))
        lines.append(pair("Kas seharusnya", report.cash.expected.formatted))
        if report.cash.openShifts == 0 {
            lines.append(pair("Kas dihitung", report.cash.counted.formatted))
            lines.append(pair("Selisih", report.cash.overShort.formatted))
        }
        if report.cash.openShifts > 0 { lines.append("Shift terbuka: \(report.cash.openShifts)") }
        lines.append(pair("Kasbon diambil", report.credit.taken.formatted))
        lines.append(pair("Kasbon dibayar", report.credit.repaid.formatted))
        lines.append(pair("Simpanan setor", report.savings.deposits.formatted))
        lines.append(pair("Simpanan tarik", report.savings.withdrawals.formatted))
        lines.append(rule)
        if !report.subsidy.isEmpty {
            lines.append("Barang subsidi")
            for line in report.subsidy {
                lines.append(pair("  \(line.programme)", "\(line.units.formatted(line.unit)) \(line.unit.rawValue)"))
                lines.append(pair("  bersih", line.net.formatted))
                lines.append(pair("  pembeli", String(line.buyers)))
            }
            lines.append(rule)
        }
        lines.append(pair("Produk lokal", report.localNet.formatted))
        lines.append(pair("  bagian", report.localShareText + "%"))
        lines.append(pair("Anggota (\(report.memberSalesCount))", report.memberNet.formatted))
        lines.append(rule)
        for group in report.byCategory {
            lines.append(pair(group.key, group.net.formatted))
            for (unit, quantity) in group.quantityList { lines.append(pair("  \(unit.rawValue)", quantity.formatted(unit))) }
        }
        lines.append(rule)
        if let head = report.journalHead {
            // The whole hash, cut to the paper's width, so it can be typed into --anchor.
            lines.append("Jurnal audit #\(head.seq)")
            var hash = Substring(head.hash)
            while !hash.isEmpty {
                lines.append(String(hash.prefix(columns)))
                hash = hash.dropFirst(columns)
            }
        }
        return lines
    }
}
