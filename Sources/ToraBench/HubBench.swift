import Crypto
import Foundation
import ToraCore
import ToraJournal
import ToraTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `tora-bench --only hub` (docs/performance.md "Hub"): N simulated outlets push a
/// business day each, concurrently and in signed batches, to 1 and then 2 `tora-hub serve`
/// processes on one private PostgreSQL; the same rows loaded by PostgreSQL alone are the
/// baseline; then the hub's Z reports are timed.
struct HubBench {
    let outlets: Int
    let salesPerOutlet: Int
    /// Threads pushing at once (each one outlet's batches in order, as `tora sync` does).
    let clients: Int
    let hubBinary: String
    let seed: UInt64
    /// Rounds of baseline, 1 hub and 2 hubs.
    let rounds: Int
    let log: @Sendable (String) -> Void
    static let day = "2026-11-28"
    static let adminToken = "bench-admin-token-0123456789"
    static let batchSize = 200

    /// What one push run measured.
    struct PushRun {
        let hubs: Int
        let seconds: Double
        let latencies: Samples
        let postgresCPU: Double
        let hubCPU: Double
        let benchCPU: Double
        let machineBusy: Double
        let failures: [String]
        let check: String
        /// Bytes of `journal_entries` on disk after the run: tables and indexes.
        let bytes: Double
    }

    func run() throws -> (lines: [String], passed: Bool) {
        let loadBefore = ToraBench.loadAverage()
        log("generating \(outlets) outlets' journals of \(salesPerOutlet) sales")
        let journal = HubBenchJournal(day: Self.day, salesPerOutlet: salesPerOutlet, batchSize: Self.batchSize)
        let generated = try Stopwatch.time { try (1...outlets).map { try journal.outlet($0, seed: seed) } }
        let simulated = generated.value
        let entries = simulated.reduce(0) { $0 + $1.entries.count }
        let sales = outlets * salesPerOutlet
        log(String(format: "generated %d entries in %.1f s; starting PostgreSQL", entries, generated.milliseconds / 1000))
        let postgres = try PrivatePostgres()
        // Each round loads the baseline, then pushes to 1 and to 2 hubs, so each hub run is
        // compared with a baseline measured next to it: the virtual machine's speed drifts
        // by ±20 % over minutes, more than the difference being measured.
        var rounds: [Round] = []
        for round in 1...self.rounds {
            log("round \(round) of \(self.rounds)")
            _ = try prepare(postgres, database: "raw\(round)", outlets: simulated)
            let raw = try HubBaseline(postgres: postgres, database: "raw\(round)", log: log).load(simulated)
            var runs: [PushRun] = []
            for hubs in [1, 2] {
                let database = "hub\(hubs)r\(round)"
                let url = try prepare(postgres, database: database, outlets: simulated)
                runs.append(try push(simulated, hubs: hubs, postgres: postgres, url: url, database: database, expected: entries))
            }
            rounds.append(Round(baselineSeconds: raw.seconds, baselineCPU: raw.postgresCPU, runs: runs))
        }
        var lines = [
            "tora-bench --only hub: \(outlets) outlets × \(salesPerOutlet) sales (\(sales) sales, \(entries) journal entries)"
                + " in batches of \(Self.batchSize), \(clients) pushing threads, \(ProcessInfo.processInfo.activeProcessorCount) cores,"
                + " \(rounds.count) round\(rounds.count == 1 ? "" : "s") of baseline, 1 hub, 2 hubs",
            "PostgreSQL: private cluster, fsync=off, synchronous_commit=off (as the tests' cluster); load before: \(loadBefore)",
        ]
        for (number, round) in rounds.enumerated() {
            lines += roundLines(round, number: number + 1, sales: sales, entries: entries)
        }
        lines += summary(rounds)
        lines += try reports(postgres, url: postgres.url(database: "hub1r1"))
        lines.append("load after: \(ToraBench.loadAverage())")
        let passed = rounds.allSatisfy { $0.runs.allSatisfy { $0.failures.isEmpty && $0.check.hasPrefix("ok") } }
        return (lines, passed)
    }

    /// One round: the baseline and the two push runs, each with its share of the baseline.
    struct Round {
        let baselineSeconds: Double
        let baselineCPU: Double
        let runs: [PushRun]

        /// A run's sales/s as a share of this round's baseline.
        func share(_ run: PushRun) -> Double { baselineSeconds / run.seconds }
    }

    private func roundLines(_ round: Round, number: Int, sales: Int, entries: Int) -> [String] {
        let rawRate = Double(sales) / round.baselineSeconds
        var lines = [
            String(
                format:
                    "round %d: baseline (PostgreSQL alone, one multi-row INSERT + head UPDATE per batch, 2 psql): %.2f s, %.0f sales/s,"
                    + " %.0f entries/s; PostgreSQL CPU %.1f s",
                number, round.baselineSeconds, rawRate, Double(entries) / round.baselineSeconds, round.baselineCPU)
        ]
        for run in round.runs {
            let rate = Double(sales) / run.seconds
            lines.append(
                "  \(run.hubs) hub process\(run.hubs == 1 ? "" : "es"): "
                    + String(
                        format: "%.2f s, %.0f sales/s, %.0f entries/s (%.0f%% of the baseline)", run.seconds, rate,
                        Double(entries) / run.seconds, round.share(run) * 100))
            lines.append(
                String(
                    format: "    push latency (one batch of %d entries): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d batches",
                    Self.batchSize, run.latencies.median, run.latencies.p99, run.latencies.maximum, run.latencies.count))
            let used = run.postgresCPU + run.hubCPU + run.benchCPU
            lines.append(
                String(
                    format: "    CPU: PostgreSQL %.1f s (%.2f cores, %.0f%% of the CPU the run used), tora-hub %.1f s (%.1f µs per entry),"
                        + " bench client %.1f s; machine busy %.1f s of %.1f s available",
                    run.postgresCPU, run.postgresCPU / run.seconds, run.postgresCPU / max(used, 0.001) * 100, run.hubCPU,
                    run.hubCPU / Double(entries) * 1_000_000, run.benchCPU, run.machineBusy,
                    run.seconds * Double(ProcessInfo.processInfo.activeProcessorCount)))
            lines.append(
                String(
                    format: "    stored: %.1f MB of journal_entries (partitions and indexes), %.0f bytes per entry",
                    run.bytes / 1_048_576, run.bytes / Double(entries)))
            lines.append("    check: \(run.check)" + (run.failures.isEmpty ? "" : "; FAILED pushes: \(run.failures.prefix(3))"))
        }
        return lines
    }

    /// The median share of the baseline per number of hubs, and whether the goal holds.
    private func summary(_ rounds: [Round]) -> [String] {
        [1, 2].map { hubs in
            let shares = rounds.compactMap { round in round.runs.first { $0.hubs == hubs }.map(round.share) }
            let rates = rounds.compactMap { round in
                round.runs.first { $0.hubs == hubs }.map { Double(outlets * salesPerOutlet) / $0.seconds }
            }
            let median = shares.sorted()[shares.count / 2]
            let goal = median >= 0.5 && (rates.min() ?? 0) >= 3_000 ? "met" : "missed"
            return "\(hubs) hub process\(hubs == 1 ? "" : "es"): median \(String(format: "%.0f", median * 100))% of the baseline"
                + " over \(rounds.count) round\(rounds.count == 1 ? "" : "s") ("
                + shares.map { String(format: "%.0f%%", $0 * 100) }.joined(separator: ", ")
                + String(format: "), %.0f–%.0f sales/s", rates.min() ?? 0, rates.max() ?? 0)
                + "; goal ≥ 50% and ≥ 3 000 sales/s: \(goal)"
        }
    }

    /// A migrated database with the outlets enrolled (their rows written directly: the
    /// enrolment handshake is not what is measured).
    private func prepare(_ postgres: PrivatePostgres, database: String, outlets: [SimulatedOutlet]) throws -> String {
        let url = try postgres.createDatabase(database)
        let migrate = try HubBenchProcess.run(hubBinary, ["migrate", "--database", url])
        guard migrate.status == 0 else { throw BenchError("tora-hub migrate failed: \(migrate.stderr)") }
        var sql = "INSERT INTO cooperatives(id, code) VALUES (1, 'KOPBENCH');\n"
        sql += "INSERT INTO outlets(id, cooperative_id, code, name, enrolment_code_hash, public_key, enrolled_at) VALUES\n"
        sql += outlets.map { outlet in
            let key = outlet.publicKey.map { String(format: "%02x", $0) }.joined()
            return "(\(outlet.id), 1, '\(outlet.code)', 'Gerai \(outlet.code)', 'bench-\(outlet.id)', '\\x\(key)'::bytea, now())"
        }.joined(separator: ",\n")
        sql += ";\nSELECT setval('outlets_id_seq', \(outlets.count));\nSELECT setval('cooperatives_id_seq', 1);\n"
        let file = postgres.folder + "/enrol-\(database).sql"
        try sql.write(toFile: file, atomically: true, encoding: .utf8)
        try postgres.psql(database, file: file)
        // Each phase starts with no dirty pages left by the one before (the previous
        // phase's 280 MB would otherwise be written during this one's time).
        _ = try postgres.psql(database, "CHECKPOINT")
        return url
    }

    /// Starts `hubs` servers, pushes every outlet's batches from `clients` threads, stops them.
    private func push(
        _ outlets: [SimulatedOutlet], hubs: Int, postgres: PrivatePostgres, url: String, database: String, expected: Int
    ) throws -> PushRun {
        var servers: [HubBenchProcess] = []
        defer { for server in servers { server.stop() } }
        for _ in 0..<hubs { servers.append(try HubBenchProcess.serve(hubBinary, url: url, adminToken: Self.adminToken)) }
        guard let postmaster = postgres.serverPID else { throw BenchError("PostgreSQL is not running") }
        log("pushing \(outlets.count) outlets to \(hubs) tora-hub process(es)")
        let before = (ProcessCPU.seconds(tree: postmaster), servers.reduce(0) { $0 + ProcessCPU.seconds(tree: $1.pid) })
        let (selfBefore, machineBefore) = (ProcessCPU.ownSeconds(getpid()), ProcessCPU.machineBusySeconds())
        let pushers = HubPushers(outlets: outlets, ports: servers.map(\.port), threads: clients)
        let timed = Stopwatch.time { pushers.run() }
        let postgresCPU = ProcessCPU.seconds(tree: postmaster) - before.0
        let hubCPU = servers.reduce(0) { $0 + ProcessCPU.seconds(tree: $1.pid) } - before.1
        let benchCPU = ProcessCPU.ownSeconds(getpid()) - selfBefore
        let machine = ProcessCPU.machineBusySeconds() - machineBefore
        let stored = try postgres.psql(
            database,
            "SELECT (SELECT count(*) FROM journal_entries) || ' ' || (SELECT sum(head_seq) FROM outlets) || ' ' || "
                + "(SELECT count(*) FROM outlets WHERE state <> 'ok')"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let check =
            stored == "\(expected) \(expected) 0"
            ? "ok: \(expected) entries stored, every outlet's head at its last entry, none flagged"
            : "stored/heads/flagged = \(stored), expected \(expected) \(expected) 0"
        let size = try postgres.psql(
            database,
            "SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'journal_entries'::regclass")
        return PushRun(
            hubs: hubs, seconds: timed.milliseconds / 1000, latencies: pushers.latencies, postgresCPU: postgresCPU, hubCPU: hubCPU,
            benchCPU: benchCPU, machineBusy: machine, failures: pushers.failures, check: check,
            bytes: Double(size.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    }

    /// The cooperative-wide Z (without --outlet) and one outlet's, each timed over 3 runs.
    private func reports(_ postgres: PrivatePostgres, url: String) throws -> [String] {
        var lines: [String] = []
        let whole = ["report", "eod", "--database", url, "--date", Self.day, "--format", "json"]
        let first = try HubBenchProcess.run(hubBinary, whole)
        if first.status != 0 {
            let line = first.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(first.status)"
            lines.append("cooperative-wide Z (tora-hub report eod --date \(Self.day)): not available: \(line)")
        } else {
            let times = try (0..<3).map { _ in try Stopwatch.time { try HubBenchProcess.run(hubBinary, whole) }.milliseconds }
            let count = JSONValue.parse(first.stdout)?["sales_count"]?.intValue ?? -1
            lines.append(
                String(
                    format: "cooperative-wide Z of %d outlets: median %.0f ms of 3 runs (goal ≤ 1 000 ms), sales_count %lld",
                    outlets, times.sorted()[1], count))
        }
        let one = whole + ["--outlet", "G1"]
        let answer = try HubBenchProcess.run(hubBinary, one)
        let times = try (0..<3).map { _ in try Stopwatch.time { try HubBenchProcess.run(hubBinary, one) }.milliseconds }
        let count = JSONValue.parse(answer.stdout)?["sales_count"]?.intValue ?? -1
        let failed = answer.status == 0 ? "" : "; exit \(answer.status): \(answer.stderr)"
        lines.append(
            String(
                format: "one outlet's Z (--outlet G1): median %.0f ms of 3 runs (the whole tora-hub process), sales_count %lld of %d",
                times.sorted()[1], count, salesPerOutlet) + failed)
        return lines
    }
}
