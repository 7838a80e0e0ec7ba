import ArgumentParser
import Foundation

/// `tora`: the one executable of Tora Sera (docs/sign-in-and-files.md). Each subcommand parses its flags,
/// opens the shop database and calls the library; no business rule lives here.
@main
struct Tora: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tora",
        abstract: "Tora Sera: point of sale and stock for a village cooperative shop.",
        discussion: """
            The shop lives in one SQLite file: --db PATH, else $TORA_DB, else \
            $XDG_DATA_HOME/tora/tora.sqlite. TORA_NOW (ISO 8601 with offset) fixes the clock. \
            Commands that change the shop sign in: --user CODE (else $TORA_USER), the PIN \
            from $TORA_PIN or typed on the terminal; commands that only read need no sign-in.
            Exit codes: 0 done, 64 usage, 65 bad input data, 69 printer unavailable, \
            74 I/O, 75 database busy, 77 not signed in or not allowed.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, TillSubcommand.self, ConfigCommand.self, CatalogueCommand.self, MembersCommand.self,
            TiersCommand.self, UsersCommand.self, StockCommand.self, ReportCommand.self, ConsignmentCommand.self, AuditCommand.self,
            BackupCommand.self, PrinterCommand.self, ShiftCommand.self, SubsidyCommand.self, HubCommand.self, SyncCommand.self,
        ]
    )

    /// Scripts write `tora [--db PATH] init`: a `--db` before the subcommand is taken
    /// as `TORA_DB` (which every subcommand reads after its own `--db`).
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while let first = arguments.first, first.hasPrefix("--db") {
            if first == "--db", arguments.count >= 2 {
                setenv("TORA_DB", arguments[1], 1)
                arguments.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                setenv("TORA_DB", String(first.dropFirst(5)), 1)
                arguments.removeFirst()
            } else {
                break
            }
        }
        HubForwarding.forwardIfNeeded(arguments)
        main(arguments)
    }
}
