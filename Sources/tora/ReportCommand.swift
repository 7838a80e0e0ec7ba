import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: end of day (Z), shift (X), sales per day, products, stock, SHU.",
        subcommands: [EndOfDay.self, Shift.self, Sales.self, Products.self, Stock.self, SHU.self, Subsidy.self])

    /// `--from` and `--to`, both business days, both included.
    struct Period: ParsableArguments {
        @Option(help: "First business day, YYYY-MM-DD.") var from: String
        @Option(help: "Last business day, YYYY-MM-DD.") var to: String

        func validate() throws {
            guard DayReportText.isDay(from), DayReportText.isDay(to) else { throw ValidationError("--from and --to take YYYY-MM-DD") }
            guard from <= to else { throw ValidationError("--from \(from) is after --to \(to)") }
        }

        func firstDay() throws -> BusinessDay { try BusinessDay.argument(from, option: "--from") }
        func lastDay() throws -> BusinessDay { try BusinessDay.argument(to, option: "--to") }
    }

    struct Output: ParsableArguments {
        @Option(help: "text, json, csv or html.") var format = ReportFormat.text
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func write(_ text: String) throws { try writeOutput(text, to: output) }

        /// A table report in the chosen format; an HTML page is headed by the shop's name.
        func write(_ table: ReportTable, store: ShopStore) throws {
            try write(table.render(format, shopName: format == .html ? try store.setting(.shopName) : ""))
        }
    }

    struct EndOfDay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eod", abstract: "The end-of-day (Z) report of a business day, all registers.",
            discussion: "--format html writes one self-contained page with charts that opens in a browser with no network.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The business day, YYYY-MM-DD; today when omitted.") var date: String?
        @OptionGroup var out: Output
        @Flag(help: "Also print it on the receipt printer (printer.queue; the outbox when none is set).") var print = false

        func run() throws {
            let day = date.flatMap(BusinessDay.init)
            if let date, day == nil {
                printError("--date '\(date)' is not a day of the calendar; write YYYY-MM-DD, like 2026-11-29")
                throw ExitCode(.usage)
            }
            try reportingErrors {
                let store = try shop.open()
                let report = try store.reports.dayReport(day: day)
                if print { try ReceiptPrinting.printDayReport(report, store: store) }
                switch out.format {
                case .json: try out.write(report.json.pretty)
                case .csv: try out.write(DayReportCSV.render(report))
                case .html: try out.write(DayReportHTML.render(report, shopName: try store.setting(.shopName)))
                case .text: try out.write(DayReportText.render(report, title: "LAPORAN HARIAN (Z) \(report.date)"))
                }
            }
        }
    }

    struct Shift: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "x", abstract: "The open shift of a register so far (X report).")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The register, two digits.") var register: String
        @OptionGroup var out: Output

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                guard let shift = try store.shifts.openShift(register: try RegisterID.argument(register)) else {
                    throw StoreError(.notFound, "register \(register) has no open shift")
                }
                let report = try store.reports.shiftReport(shift)
                switch out.format {
                case .json: try out.write(report.json.pretty)
                case .csv: try out.write(DayReportCSV.render(report))
                case .html:
                    let name = try store.users.all().first { $0.code == shift.cashier }?.name
                    try out.write(
                        DayReportHTML.render(
                            report, shopName: try store.setting(.shopName), shift: shift, cashierName: name,
                            openedAt: store.localTime(shift.openedAt)))
                case .text:
                    try out.write(DayReportText.render(report, title: "LAPORAN SHIFT (X) mesin kasir \(register), kasir \(shift.cashier)"))
                }
            }
        }
    }

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sales per business day over a period.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var period: Period
        @OptionGroup var out: Output

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let days = try store.reports.dailySales(from: try period.firstDay(), to: try period.lastDay())
                try out.write(PeriodReports.sales(days, from: period.from, to: period.to), store: store)
            }
        }
    }

    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Products sold over a period: quantity, net, cost, margin, local flag.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var period: Period
        @OptionGroup var out: Output

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let products = try store.reports.productSales(from: try period.firstDay(), to: try period.lastDay())
                try out.write(PeriodReports.products(products, from: period.from, to: period.to), store: store)
            }
        }
    }

    struct Stock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stock on hand valued at cost; negative stock flagged; low stock with days of cover.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var out: Output

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let table = PeriodReports.stock(try store.reports.stockValuation(), low: try store.stock.lowStock())
                try out.write(table, store: store)
            }
        }
    }

    struct SHU: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shu", abstract: "Divide the year's member patronage pool (SHU jasa anggota) by purchases.",
            discussion: "share = floor(pool × member's purchases / Σ purchases); the undistributed remainder is shown.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The year, e.g. 2026.") var year: String
        @Option(help: "The amount the annual meeting (RAT) assigned to member patronage.", transform: Money.argument) var pool: Money
        @Option(
            name: .customLong("capital-pool"),
            help: "The amount assigned to capital (jasa modal), divided by each member's savings at the year's end.",
            transform: Money.argument)
        var capitalPool: Money?
        @OptionGroup var out: Output

        func validate() throws {
            guard year.count == 4, year.allSatisfy(\.isASCIIDigit) else { throw ValidationError("--year takes four digits, like 2026") }
        }

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let division = try store.reports.shu(year: year, pool: pool)
                if let capitalPool {
                    try out.write(
                        MemberReports.shu(division, capital: try store.reports.shuCapital(year: year, pool: capitalPool)), store: store)
                } else {
                    try out.write(PeriodReports.shu(division), store: store)
                }
            }
        }
    }
}

struct ConsignmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consignment",
        abstract: "Consigned goods (titip jual): what is owed to each UMKM, and settling it.",
        subcommands: [Report.self, Settle.self],
        aliases: ["titip"])

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per consignor: units sold net of refunds and the amount payable, since the last settlement.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "Only this consignor.") var consignor: String?
        @Option(help: "First business day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last business day, YYYY-MM-DD; today when omitted.") var to: String?
        @OptionGroup var out: ReportCommand.Output

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let until = try to ?? store.today()
                let statements = try store.consignment.consignmentStatements(
                    consignor: consignor, from: try from.map { try BusinessDay.argument($0, option: "--from") },
                    to: try BusinessDay.argument(until, option: "--to"))
                try out.write(PeriodReports.consignment(statements), store: store)
            }
        }
    }

    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a consignor was paid for everything up to a day; the next report starts after it.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "The consignor's code.") var consignor: String
        @Option(help: "Last business day paid for, YYYY-MM-DD.") var to: String

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let settlement = try store.consignment.settleConsignment(
                    consignor: consignor, to: try BusinessDay.argument(to, option: "--to"), actor: actor)
                print(
                    "settled \(consignor) up to \(to): \(settlement.amount.formatted) for \(settlement.units.description) units"
                )
            }
        }
    }
}
