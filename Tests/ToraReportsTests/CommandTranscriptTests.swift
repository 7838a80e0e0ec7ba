import Foundation
import Testing
import ToraTestSupport

/// The back office's whole answers pinned, as swift-argument-parser's own tests pin a
/// command's whole output: each command of the transcript with its standard output,
/// standard error and exit status, on the demo shop after its scripted days. A changed
/// word, column or exit status shows as a diff of `demo-cli.txt`.
@Suite("back-office command transcript")
struct CommandTranscriptTests {
    /// Commands that read the shop, and commands refused for bad input (which change nothing).
    static let commands: [[String]] = [
        ["catalogue", "show", "BRS-DESA-5KG"],
        ["catalogue", "search", "beras"],
        ["members", "list"],
        ["members", "show", "KDMP-0001"],
        ["members", "show", "KDMP-0002"],
        ["members", "statement", "KDMP-0002"],
        ["tiers", "list"],
        ["users", "list"],
        ["shift", "list"],
        ["shift", "list", "--open"],
        ["stock", "low"],
        ["stock", "history", "BRS-DESA-5KG"],
        ["subsidy", "list"],
        ["config", "list"],
        ["audit", "list", "--last", "5"],
        ["audit", "verify"],
        ["audit", "receipt", "01-20261125-0001"],
        ["members", "show", "KDMP-9999"],
        ["catalogue", "show", "TIDAK-ADA"],
        ["report", "eod", "--date", "2026-02-30"],
        ["report", "sales", "--from", "2026-11-27", "--to", "2026-11-25"],
        ["catalogue", "set", "BRS-DESA-5KG", "--price", "1.5"],
        ["stock", "receive", "BRS-DESA-5KG", "-3", "--cost", "60.000"],
        ["members", "repay", "KDMP-0002", "20.000,50"],
        ["members", "repay", "KDMP-0002", "500.000"],
        ["frobnicate"],
    ]

    @Test("every back-office answer of the transcript matches demo-cli.txt: output, errors and exit status")
    func demoTranscript() throws {
        let shop = try ReportShop(name: "cli", days: ReportGoldenTests.days)
        try DemoHistory.ring(shop)
        let last = ReportGoldenTests.days[ReportGoldenTests.days.count - 1]
        let environment = shop.shop.env.merging(["TORA_NOW": "\(last)T21:00:00+07:00"]) { $1 }
        var transcript = ""
        for arguments in Self.commands {
            let run = try shop.shop.tora.run(arguments, environment: environment)
            transcript += "$ tora \(arguments.joined(separator: " "))\n\(run.stdout)"
            if !run.stderr.isEmpty { transcript += "[stderr] \(run.stderr)" }
            transcript += "[exit \(run.status)]\n\n"
        }
        Golden.check("demo-cli.txt", ReportShop.maskingHashes(transcript))
    }
}
