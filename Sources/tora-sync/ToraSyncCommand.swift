import ArgumentParser
import Foundation

/// `tora-sync`: the shop's side of the cooperative hub (docs/hub.md "Shop side"). A person
/// types `tora sync` and `tora hub …`; `tora` runs this program from beside itself with
/// the same arguments, so the HTTP client it links never loads into the till
/// (docs/performance.md, "The till's memory lost again").
@main
struct ToraSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named as the person typed it: usage and errors read `tora sync`, `tora hub join`.
        commandName: "tora",
        abstract: "Tora Sera and the cooperative's hub: join it, push the journal, see what is not yet pushed.",
        version: "0.1.0",
        subcommands: [HubCommand.self, SyncCommand.self]
    )
}
