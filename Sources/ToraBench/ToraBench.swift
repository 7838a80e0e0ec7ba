import ArgumentParser
import Foundation
import RawSQLiteBaseline
import ToraCore
import ToraStore

#if canImport(Glibc)
    import Glibc
#endif

/// `tora-bench`: the performance benchmark of issue 6. Makes a synthetic shop, then times
/// the store's hot paths beside a raw-SQLite C baseline and the real `tora till` binary,
/// and prints every figure next to the project's target.
@main
struct ToraBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tora-bench",
        abstract: "Times Tora Sera on a synthetic shop and compares it with its targets.",
        discussion: """
            Build and run with: swift run -c release --scratch-path .build-bench tora-bench
            The till measurements need the tora binary beside tora-bench (same scratch path):
            swift build -c release --scratch-path .build-bench --product tora
            """)

    @Flag(help: "A small shop (20 000 products, 50 000 sales over 10 days) and a 5 s load: under a minute.")
    var quick = false
    @Flag(help: "Print the results as JSON instead of a table (progress still goes to standard error).")
    var json = false
    @Option(help: "Products in the catalogue (default 300 000).") var products: Int?
    @Option(help: "Members (default 5 000).") var members: Int?
    @Option(help: "Sales in the history (default 2 000 000).") var sales: Int?
    @Option(help: "Business days the history spans, ending yesterday (default 365).") var days: Int?
    @Option(help: "Sales completed through the store (and as many by the C baseline).") var completions = 500
    @Option(help: "Scans for scan-to-line.") var scans = 1_000
    @Option(help: "Barcode lookups, store and C each.") var lookups = 5_000
    @Option(help: "Repeats of each catalogue search.") var searchRepeats = 20
    @Option(help: "Repeats of the Z report.") var reportRepeats = 5
    @Option(help: "Starts of the till for the ready time.") var tillStarts = 10
    @Option(help: "Sales of 5 scans + pay piped into one till for the whole-till figure (default 200, 20 with --quick).")
    var tillSales: Int?
    @Option(help: "Seconds the four registers sell (default 20, 5 with --quick).") var duration: Double?
    @Option(help: "Seed of the synthetic shop.") var seed: UInt64 = 2026
    @Option(help: "Folder to make the shop's temporary folder in (default the system temp folder).") var folder: String?
    @Option(help: "Measure an existing shop made by an earlier --keep run instead of generating one.") var shop: String?
    @Option(help: "The tora binary (default: beside tora-bench).") var tora: String?
    @Flag(help: "Keep the generated shop when done.") var keep = false
    @Flag(help: "Skip the measurements through the tora binary.") var skipTills = false
    @Option(
        help: ArgumentHelp(
            "Run only these measurements (for profiling): completion, scan, lookup, search, reports, login, tills, wholetill;"
                + " or `hub` alone: the cooperative hub's ingest (docs/performance.md \"Hub\"), no shop generated.",
            valueName: "list"))
    var only: String?
    @Option(help: "Outlets --only hub simulates (default 1 000, 100 with --quick).") var outlets: Int?
    @Option(help: "Sales of each simulated outlet's business day (--only hub).") var outletSales = 300
    @Option(help: "Threads pushing to the hub at once (--only hub).") var hubClients = 16
    @Option(help: "Rounds of baseline, 1 hub and 2 hubs (--only hub; default 3, 1 with --quick); the goal is judged on the median.")
    var hubRounds: Int?

    /// Whether the measurement `name` is to run (`--only`).
    func runs(_ name: String) -> Bool {
        guard let only else { return true }
        return only.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == name }
    }

    var size: ShopSize {
        ShopSize(
            products: products ?? (quick ? 20_000 : 300_000), members: members ?? (quick ? 1_000 : 5_000),
            sales: sales ?? (quick ? 50_000 : 2_000_000), days: days ?? (quick ? 10 : 365), seed: seed)
    }

    func validate() throws {
        let size = self.size
        guard size.products >= 100, size.members >= 1, size.sales >= 1, (1...3650).contains(size.days) else {
            throw ValidationError("--products must be at least 100, --members and --sales at least 1, --days 1…3650")
        }
        guard completions > 0, (tillSales ?? 1) > 0, scans > 0, lookups > 0, searchRepeats > 0, reportRepeats > 0, tillStarts > 0 else {
            throw ValidationError("counts of repetitions must be positive")
        }
    }

    /// Over 60 lines on purpose: the benchmark's script, one measurement after another in the order the report prints them.
    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("tora-bench: " + $0 + "\n").utf8)) }
        if only == "hub" {
            let bench = HubBench(
                outlets: max(1, outlets ?? (quick ? 100 : 1_000)), salesPerOutlet: max(1, outletSales), clients: max(1, hubClients),
                hubBinary: try besideBinary(named: "tora-hub"), seed: seed, rounds: max(1, hubRounds ?? (quick ? 1 : 3)), log: log)
            let result = try bench.run()
            print(result.lines.joined(separator: "\n"))
            if !result.passed { throw ExitCode(1) }
            return
        }
        var results = BenchResults(
            command: (["tora-bench"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + String(format: "%.0f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
            sqliteVersion: String(cString: rsb_sqlite_version()), startedAt: ISO8601DateFormatter().string(from: Date()))
        let workFolder = try makeFolder()
        defer {
            // The work folder holds the generated shop (kept with --keep) and the tills' logs.
            if shop != nil || !keep { try? FileManager.default.removeItem(atPath: workFolder) }
        }
        let path = shop ?? workFolder + "/shop.sqlite"
        let generated: GeneratedShop
        let generation = try Stopwatch.time {
            if shop != nil { return try ShopGenerator.existing(at: path, size: size) }
            log("generating a shop in \(workFolder)")
            return try ShopGenerator.make(at: path, size: size, log: log)
        }
        generated = generation.value
        results.shop = describe(generated, seconds: shop == nil ? generation.milliseconds / 1000 : 0)
        if keep { results.notes.append("the shop was kept at \(path)") }

        results.notes.append("load average before the measurements: \(Self.loadAverage())")
        let store = try ShopStore(path: path)
        let baseline = try RawBaseline(path: path)
        let durability = try store.durability()
        results.checks.append(
            Check(
                name: "the store's writer is as durable as the C baseline (WAL, synchronous=FULL)",
                passed: durability.journalMode.lowercased() == "wal" && durability.synchronous == 2,
                detail: "journal_mode=\(durability.journalMode), synchronous=\(durability.synchronous)"))
        if shop == nil {
            // The whole `audit verify` (chain and books) over the generated history, before
            // the C baseline adds sales that carry another sale's journal payload.
            let books = try Stopwatch.time { try store.journal.verifyAudit() }
            results.checks.append(
                Check(
                    name: "audit verify: the generated history's chain and books", passed: books.value.isIntact,
                    detail: String(
                        format: "%d entries, %d rows in %.1f s", books.value.entriesChecked, books.value.rowsChecked,
                        books.milliseconds / 1000) + (books.value.problem.map { "; \($0)" } ?? "")))
            results.figures.append(
                Figure(
                    "audit_verify_books_s", "audit verify (chain and books) over the history", books.milliseconds / 1000, "s",
                    note: "\(books.value.entriesChecked) entries, \(books.value.rowsChecked) book rows"))
        }
        var bench = StoreBench(store: store, shop: generated, baseline: baseline, random: SeededRandom(seed: seed ^ 0xBE7C), log: log)
        if runs("completion") { results.figures += try bench.saleCompletion(count: completions) }
        if runs("scan") { results.figures += try bench.scanToLine(count: scans) }
        if runs("lookup") { results.figures += try bench.lookups(count: lookups) }
        if runs("search") { results.figures += try bench.searches(repeats: searchRepeats) }
        if runs("reports") { results.figures += try bench.reports(repeats: reportRepeats) }
        if runs("login") { results.figures.append(try bench.login()) }

        if !skipTills && runs("wholetill") {
            let whole = WholeTillBench(tora: try toraBinary(), shop: generated, folder: workFolder, log: log)
            results.figures += try whole.measure(sales: tillSales ?? (quick ? 20 : 200), store: store, bench: &bench)
        }
        if skipTills || !runs("tills") {
            results.notes.append("till ready, 4 registers and till RSS were not measured (--skip-tills or --only)")
        } else {
            let binary = try toraBinary()
            for register in [BenchUsers.readyRegister] + BenchUsers.loadRegisters
            where try store.shifts.openShift(register: RegisterID(stringLiteral: register)) == nil {
                _ = try store.shifts.openShift(register: RegisterID(stringLiteral: register), cashier: register, float: Money(200_000))
            }
            let tills = TillBench(tora: binary, shop: generated, folder: workFolder, log: log)
            results.figures += try tills.tillReady(runs: tillStarts)
            let load = try tills.registers(duration: duration ?? (quick ? 5 : 20), codes: generated.sampleCodes)
            let checked = try LoadChecks.check(load.runs, store: store, path: path, log: log)
            results.figures +=
                LoadChecks.figures(load.runs, duration: duration ?? (quick ? 5 : 20), machineBusy: load.machineBusy) + checked.figures
            results.checks += checked.checks
        }
        // The chain only: the C baseline's sales carry a store sale's payload (same weight,
        // other figures), so their rows do not match their entries by design.
        let audit = try Stopwatch.time { try store.journal.verifyAudit(books: false) }
        results.checks.append(
            Check(
                name: "the audit journal chain verifies (history, store, C baseline and tills)", passed: audit.value.isIntact,
                detail: String(format: "%d entries in %.1f s", audit.value.entriesChecked, audit.milliseconds / 1000)
                    + (audit.value.firstProblem.map { "; entry \($0.seq): \($0.reason)" } ?? "")))
        results.notes.append("load average after the measurements: \(Self.loadAverage()) (other work on the machine skews every figure)")
        results.notes.append(
            "the history is bulk-written SQL (docs/performance.md): audit entries for every sale, opening count, restock and"
                + " shift, chained as the store chains them, but none for products")
        print(json ? results.json : results.table, terminator: json ? "\n" : "")
        // A missed target is a finding; a failed check (a lost sale, a gap) is a failure.
        if results.checks.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// The 1, 5 and 15 minute load averages (`/proc/loadavg`), to show how busy the machine was.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private func makeFolder() throws -> String {
        let parent = folder ?? NSTemporaryDirectory()
        var template = Array(((parent as NSString).appendingPathComponent("tora-bench-XXXXXX")).utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("cannot make a folder in \(parent)") }
        return String(cString: made)
    }

    private func toraBinary() throws -> String {
        if let tora { return tora }
        return try besideBinary(named: "tora")
    }

    /// The release binary `name` built beside tora-bench (same scratch path).
    private func besideBinary(named name: String) throws -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let beside = ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: beside) else {
            throw BenchError(
                "no \(name) binary at \(beside); build it with `swift build -c release --scratch-path .build-bench --product \(name)`"
                    + (name == "tora" ? " or pass --tora PATH (or --skip-tills)" : ""))
        }
        return beside
    }

    private func describe(_ shop: GeneratedShop, seconds: Double) -> ShopDescription {
        let bytes = ["", "-wal"].reduce(Int64(0)) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: shop.path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
        return ShopDescription(
            path: shop.path, size: size, firstDay: shop.firstDay, lastDay: shop.lastDay, reportDay: shop.reportDay,
            reportDaySales: shop.reportDaySales, counts: shop.counts, databaseMegabytes: Double(bytes) / 1_048_576,
            generationSeconds: seconds, phases: shop.phases.map { ShopDescription.Phase(name: $0.name, seconds: $0.seconds) })
    }
}
