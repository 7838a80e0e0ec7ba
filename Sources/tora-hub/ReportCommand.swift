import ArgumentParser
import Foundation
import ToraCore
import ToraHub
import ToraReports

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports projected from the outlets' journals.", subcommands: [EndOfDay.self, SHU.self])

    struct EndOfDay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eod", abstract: "The end-of-day (Z) report of one outlet, or the sum over the outlets.",
            discussion: """
                With --outlet: the outlet's Z report, whose JSON is byte for byte what the outlet's \
                own `tora report eod --format json` prints for the entries the hub holds. Without:
                the sum over every outlet of --cooperative (or of the hub), with a line each, \
                read from the materialized days.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The business day, YYYY-MM-DD.") var date: String
        @Option(help: "The outlet's code.") var outlet: String?
        @Option(help: "The outlet's cooperative (needed when two cooperatives use the code).") var cooperative: String?
        @Option(help: "text, json, csv or html.") var format = ReportFormat.text

        func run() async throws {
            guard BusinessDay(date) != nil else {
                printError("--date '\(date)' is not a day of the calendar; write YYYY-MM-DD, like 2026-11-29")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            guard let outlet else { return try await cooperativeDay() }
            let (day, cooperative) = (date, cooperative)
            let (report, name) = try await database.run { database in
                if let cooperative, try await !database.hasCooperative(cooperative) {
                    throw HubError(.notFound, "no cooperative \(cooperative) at this hub")
                }
                let found = try await database.outlet(code: outlet, cooperative: cooperative)
                return (try await database.dayReport(day: day, outlet: found), found)
            }
            switch format {
            case .json: print(report.json.pretty, terminator: "")
            case .csv: print(DayReportCSV.render(report), terminator: "")
            case .html: print(DayReportHTML.render(report, shopName: name.name), terminator: "")
            case .text:
                let title = "LAPORAN HARIAN (Z) \(report.date) — \(name.cooperative) \(name.code) \(name.name)"
                print(DayReportText.render(report, title: title), terminator: "")
            }
        }

        private func cooperativeDay() async throws {
            let (day, cooperative) = (date, cooperative)
            let report = try await database.run { database in
                if let cooperative, try await !database.hasCooperative(cooperative) {
                    throw HubError(.notFound, "no cooperative \(cooperative) at this hub")
                }
                return try await database.cooperativeDay(day: day, cooperative: cooperative)
            }
            switch format {
            case .json: print(report.json.pretty, terminator: "")
            case .csv: print(report.csv, terminator: "")
            case .html: print(report.html, terminator: "")
            case .text: print(report.text, terminator: "")
            }
        }
    }
}

extension ReportCommand {
    struct SHU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shu", abstract: "Divide a year's member patronage pool over the cooperative's outlets.",
            discussion: """
                Each member's purchases of the year at every outlet of the cooperative (sales less \
                refunds, by member number); share = floor(pool × purchases / Σ purchases), as the \
                shop's `tora report shu` divides its own. With --capital-pool, also the capital \
                part (jasa modal): each member's savings (pokok + wajib + sukarela) at the year's \
                end summed over the outlets; share = floor(pool × savings / Σ savings). No NIK is shown.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The cooperative's code.") var cooperative: String
        @Option(help: "The year, e.g. 2026.") var year: String
        @Option(help: "The amount the annual meeting (RAT) assigned to member patronage.") var pool: String
        @Option(
            name: .customLong("capital-pool"),
            help: "The amount assigned to capital (jasa modal), divided by each member's savings at the year's end.")
        var capitalPool: String?
        @Option(help: "text, json, csv or html.") var format = ReportFormat.text

        func run() async throws {
            guard year.count == 4, year.allSatisfy(\.isASCIIDigit) else {
                printError("--year takes four digits, like 2026")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let amount = try Self.money(pool, option: "pool")
            let capital = try capitalPool.map { try Self.money($0, option: "capital-pool") }
            let (cooperative, year) = (cooperative, year)
            let table = try await database.run { database in
                let division = try await database.shu(cooperative: cooperative, year: year, pool: amount)
                guard let capital else { return PeriodReports.shu(division) }
                return MemberReports.shu(
                    division, capital: try await database.shuCapital(cooperative: cooperative, year: year, pool: capital))
            }
            print(table.render(format, shopName: "Koperasi \(cooperative)"), terminator: "")
        }

        /// An amount as a person writes it (`1.000.000`); a bad one exits 64.
        static func money(_ text: String, option: String) throws -> Money {
            do {
                return try Money.parse(text, field: option)
            } catch {
                printError("--\(option): \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        }
    }
}
