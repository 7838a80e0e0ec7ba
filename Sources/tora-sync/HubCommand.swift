import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraJournal
import ToraStore
import ToraSync

#if canImport(Glibc)
    import Glibc
#endif

/// `tora hub join` and `tora hub status` (docs/hub.md "Shop side").
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "Join the cooperative's hub and see what is not yet pushed.",
        subcommands: [Join.self, Status.self])

    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the hub at URL with the one-time enrolment code (a manager signs in).")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The hub's URL, such as http://hub.example:8450.") var url: String
        @Option(name: .long, help: "The one-time enrolment code from `tora-hub outlet add` (or `outlet rekey`).") var code: String
        @Flag(name: .long, help: "Replace this joined shop's key with a code from `tora-hub outlet rekey`.") var rekey = false

        func run() throws {
            try reportingSyncErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                if rekey {
                    let link = try HubJoin.rekey(store: store, url: url, code: code, actor: actor)
                    print("new key enrolled at \(link.url) for outlet \(link.outletCode) (\(link.outletName)) of \(link.cooperative)")
                    print("key: \(HubKeyFile.path(forShop: store.path)); tora sync goes on from the hub's head")
                    return
                }
                let link = try HubJoin.join(store: store, url: url, code: code, actor: actor)
                print("joined \(link.url) as outlet \(link.outletCode) (\(link.outletName)) of \(link.cooperative)")
                print("key: \(HubKeyFile.path(forShop: store.path)) (keep it; it is this shop's identity at the hub)")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The hub, the acknowledged head and what is not yet pushed.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingSyncErrors {
                let store = try shop.open()
                guard let link = try store.hubLink() else {
                    throw SyncError(.usage, "this shop has not joined a hub: run tora hub join URL --code CODE")
                }
                let state = SyncState.load(forShop: store.path)
                print("hub: \(link.url)")
                print("outlet: \(link.outletCode) (\(link.outletName)) of \(link.cooperative), number \(link.outlet)")
                print("acknowledged: \(state.acked?.text ?? "nothing yet")")
                print("not yet pushed: \(try HubSync.unpushed(store: store, acked: state.acked)) entries")
                print("last sync: \(state.lastSync ?? "never")")
                print("last error: \(state.lastError ?? "none")")
            }
        }
    }
}

/// `tora sync [--watch]`: pushes the journal to the hub; no sign-in (it acts with the
/// shop's key).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push the journal entries the hub has not acknowledged and apply the cooperative's newest data (no sign-in).")
    @OptionGroup var shop: ShopOptions
    @Flag(name: .long, help: "Keep syncing, with backoff after failures, until SIGTERM or SIGINT.") var watch = false
    @Option(name: .long, help: "Seconds between syncs with --watch.") var interval = 30
    @Option(name: .long, help: "Entries per batch (1 to 500).") var batchSize = 200

    func run() throws {
        try reportingSyncErrors {
            guard (1...500).contains(batchSize), interval >= 1 else {
                throw SyncError(.usage, "--batch-size must be 1 to 500 and --interval at least 1 second")
            }
            // Writes only what the hub's data changes, journaled as the hub's (docs/shared-data.md).
            var sync = try HubSync(store: try shop.openForWriting())
            sync.batchSize = batchSize
            guard watch else {
                report(try sync.run())
                return
            }
            SyncSignals.install()
            var delay = interval
            while !SyncSignals.stopped {
                do {
                    report(try sync.run())
                    delay = interval
                } catch let error as SyncError where error.exitStatus == .unavailable {
                    printError(error.message + " (trying again in \(delay) s)")
                    delay = min(max(delay, 5) * 2, 600)
                }
                SyncSignals.sleep(seconds: delay)
            }
        }
    }

    private func report(_ outcome: HubSync.Outcome) {
        if let warning = ClockWarning.line(offsetSeconds: outcome.clockOffsetSeconds) { printError(warning) }
        var line = "pushed \(outcome.pushed) entries in \(outcome.batches) batches; hub head \(outcome.acked?.text ?? "none")\n"
        if let version = outcome.sharedVersion { line += "applied version \(version) of the cooperative's shared data\n" }
        if outcome.subsidyUseChanged { line += "took the subsidised units the other outlets sold; the limits here count them\n" }
        if outcome.savingsChanged { line += "took the members' savings at the other outlets\n" }
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

/// SIGTERM and SIGINT end `tora sync --watch` between syncs.
enum SyncSignals {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    static var stopped: Bool { flag != 0 }

    static func install() {
        signal(SIGTERM) { _ in SyncSignals.flag = 1 }
        signal(SIGINT) { _ in SyncSignals.flag = 1 }
        // A parent may have started us with these blocked (a test runner does): unblock
        // them, or a service manager's SIGTERM would never reach the loop.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    static func sleep(seconds: Int) {
        var left = seconds * 10
        while left > 0, !stopped {
            usleep(100_000)
            left -= 1
        }
    }
}

/// `reportingErrors` that also knows the hub's errors.
func reportingSyncErrors(_ body: () throws -> Void) throws {
    try reportingErrors {
        do {
            try body()
        } catch let error as SyncError {
            printError(error.message)
            throw ExitCode(error.exitStatus)
        }
    }
}

/// The line `tora sync` prints when the hub had to correct the shop's clock: the sync
/// went through, but every sale is still stamped with the wrong time.
enum ClockWarning {
    static func line(offsetSeconds: Int64) -> String? {
        guard abs(offsetSeconds) > HubWire.clockSkewSeconds else { return nil }
        let total = abs(offsetSeconds) / 60
        let (days, hours, minutes) = (total / 1_440, total % 1_440 / 60, total % 60)
        let amount = [(days, "d"), (hours, "h"), (minutes, "min")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            .joined(separator: " ")
        let side = offsetSeconds > 0 ? "behind" : "ahead of"
        return "warning: this computer's clock is \(amount) \(side) the hub's; synced with the hub's time, "
            + "but sales and receipts are stamped with this clock: set it right"
    }
}
