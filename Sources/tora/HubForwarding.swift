import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore

#if canImport(Glibc)
    import Glibc
#endif

/// `tora sync` and `tora hub …` run the `tora-sync` program that sits beside `tora`, with
/// the same arguments and environment: the hub's HTTP client (NIO, BoringSSL) stays out
/// of the till's memory (docs/performance.md, "The till's memory lost again").
enum HubForwarding {
    /// The subcommands `tora-sync` answers.
    static let subcommands: Set<String> = ["sync", "hub"]

    /// Replaces this process with `tora-sync` when `arguments` (without the program name)
    /// start with one of its subcommands, or with `help` and one of them; returns otherwise.
    static func forwardIfNeeded(_ arguments: [String]) {
        guard let first = arguments.first else { return }
        let forwarded: [String]
        if subcommands.contains(first) {
            forwarded = arguments
        } else if first == "help", arguments.count >= 2, subcommands.contains(arguments[1]) {
            forwarded = Array(arguments.dropFirst()) + ["--help"]
        } else {
            return
        }
        let program = siblingPath()
        guard FileManager.default.isExecutableFile(atPath: program) else {
            printError(
                "tora \(forwarded[0]) needs the program tora-sync beside tora, and \(program) is missing: "
                    + "build it with swift build --product tora-sync (scripts/hub does)")
            exit(ExitStatus.unavailable.rawValue)
        }
        let argv = ([program] + forwarded).map { strdup($0) } + [nil]
        execv(program, argv)
        printError("cannot run \(program): \(String(cString: strerror(errno)))")
        exit(ExitStatus.unavailable.rawValue)
    }

    /// `tora-sync` in the folder of the running `tora` (symbolic links resolved).
    static func siblingPath() -> String {
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("tora-sync").path
    }
}

/// `tora hub` in `tora --help`; `HubForwarding` runs it before parsing reaches here.
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "Join the cooperative's hub and see what is not yet pushed (runs tora-sync).")
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []

    func run() throws { HubForwarding.forwardIfNeeded(["hub"] + arguments) }
}

/// `tora sync` in `tora --help`; `HubForwarding` runs it before parsing reaches here.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push the journal to the hub and apply the cooperative's newest data (runs tora-sync; no sign-in).")
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []

    func run() throws { HubForwarding.forwardIfNeeded(["sync"] + arguments) }
}
