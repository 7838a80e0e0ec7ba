import ArgumentParser
import ToraCore
import ToraStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: the end-of-day (Z) report, the shift (X) report.",
        subcommands: [EndOfDay.self, Shift.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct EndOfDay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eod", abstract: "The end-of-day (Z) report of a business day, all registers.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The business day, YYYY-MM-DD; today when omitted.") var date: String?
        @Option(help: "text or json.") var format = Format.text

        func validate() throws {
            if let date, !SalesReportText.isDay(date) { throw ValidationError("--date takes YYYY-MM-DD, like 2026-11-29") }
        }

        func run() throws {
            try reportingErrors {
                let report = try shop.open().dayReport(day: date)
                switch format {
                case .json: print(report.json.pretty, terminator: "")
                case .text: print(SalesReportText.render(report, title: "LAPORAN HARIAN (Z) \(report.date)"), terminator: "")
                }
            }
        }
    }

    struct Shift: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "x", abstract: "The open shift of a register so far (X report).")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The register, two digits.") var register: String
        @Option(help: "text or json.") var format = Format.text

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                guard let shift = try store.openShift(register: register) else {
                    throw StoreError(.notFound, "register \(register) has no open shift")
                }
                let report = try store.shiftReport(shift)
                switch format {
                case .json: print(report.json.pretty, terminator: "")
                case .text:
                    print(SalesReportText.render(report, title: "LAPORAN SHIFT (X) kasir \(register), \(shift.cashier)"), terminator: "")
                }
            }
        }
    }
}

/// The Z and X reports as a terminal page.
enum SalesReportText {
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    static func render(_ report: SalesReport, title: String) -> String {
        var money = TextTable([("", .left), ("", .right)])
        let rows: [(String, Money)] = [
            ("Penjualan kotor (gross)", report.gross), ("Diskon", -report.discounts), ("Pembulatan tunai", -report.rounding),
            ("Retur", -report.refunds), ("BERSIH (net)", report.net), ("DPP", report.dpp), ("PPN", report.tax),
        ]
        for (label, amount) in rows { money.add([label, amount.formatted]) }
        var payments = TextTable([("Pembayaran", .left), ("", .right)])
        for method in TenderMethod.allCases { payments.add([method.rawValue, (report.payments[method] ?? .zero).formatted]) }
        var cash = TextTable([("Kas", .left), ("", .right)])
        cash.add(["modal awal", report.cash.openingFloat.formatted])
        cash.add(["seharusnya", report.cash.expected.formatted])
        cash.add(["dihitung", report.cash.counted.formatted])
        cash.add(["selisih", report.cash.overShort.formatted])
        var categories = TextTable([("Kategori", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.byCategory {
            categories.add([group.key, SalesReport.decimal(thousandths: group.quantity), group.net.formatted])
        }
        var top = TextTable([("Produk teratas", .left), ("jumlah", .right), ("bersih", .right)])
        for group in report.topProducts {
            top.add(["\(group.key) \(group.name)", SalesReport.decimal(thousandths: group.quantity), group.net.formatted])
        }
        return """
            \(title)
            transaksi \(report.salesCount), retur \(report.refundCount), baris dibatalkan \(report.voidLines), transaksi dibatalkan \(report.cancelledSales)
            \(report.cash.openShifts > 0 ? "masih ada \(report.cash.openShifts) shift terbuka\n" : "")
            \(money.rendered)
            \(payments.rendered)
            \(cash.rendered)
            Produk lokal: \(report.localNet.formatted) (\(report.localSharePercent)% dari penjualan bersih)
            Anggota: \(report.memberSalesCount) transaksi, \(report.memberNet.formatted)

            \(categories.rendered)
            \(top.rendered)
            """
    }
}
