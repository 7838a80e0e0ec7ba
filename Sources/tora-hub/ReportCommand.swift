import ArgumentParser
import Foundation
import ToraCore
import ToraHub
import ToraReports

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports projected from the outlets' journals.", subcommands: [EndOfDay.self])

    struct EndOfDay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eod", abstract: "The end-of-day (Z) report of one outlet, from the journal the hub holds.",
            discussion: """
                The JSON is byte for byte what the outlet's own `tora report eod --format json`
                prints for the entries the hub holds. A sum over a cooperative's outlets is not
                built: give --outlet.
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
            guard let outlet else {
                printError("give --outlet CODE: the hub reports one outlet's Z report (a sum over a cooperative is not built)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
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
    }
}
