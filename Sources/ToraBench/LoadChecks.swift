import Foundation
import GRDB
import ToraStore

/// What the four-register load is held to afterwards: every printed receipt has its sale
/// row, receipt numbers run without gaps per register, and on-hand is Σ movements.
enum LoadChecks {
    static func figures(_ runs: [TillBench.RegisterRun], duration: Double, machineBusy: Double) -> [Figure] {
        let inWindow = runs.reduce(0) { $0 + $1.inWindow }
        let peak = runs.map(\.peakKilobytes).max() ?? 0
        let perRegister = runs.map { "\($0.register): \($0.inWindow)" }.joined(separator: ", ")
        return [
            Figure(
                "registers_sales_per_second", "4 registers at once, sales/s together", Double(inWindow) / duration, "sales/s",
                target: .atLeast(1000, "≥ 1 000 sales/s"),
                note: String(format: "1-line sales (CODE, pay) for %.0f s; %@", duration, perRegister)),
            Figure(
                "registers_cpu_busy_pct", "  machine CPU busy during the window", machineBusy * 100, "%",
                note: String(
                    format: "2 cores; the four tills used %.1f CPU-s in %.0f s", runs.reduce(0) { $0 + $1.cpuSeconds }, duration)),
            Figure(
                "till_peak_rss_mb", "till peak RSS under load (VmHWM)", Double(peak) / 1024, "MB", target: .atMost(40, "≤ 40 MB"),
                note: "largest of the four tills, read from /proc before each exits"),
        ]
    }

    static func check(
        _ runs: [TillBench.RegisterRun], store: ShopStore, path: String, log: (String) -> Void
    ) throws -> (figures: [Figure], checks: [Check]) {
        var checks: [Check] = []
        let today = try store.today()
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        for run in runs {
            if let failure = run.failure { checks.append(Check(name: "register \(run.register) ran", passed: false, detail: failure)) }
            let stored = try queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT receipt_no, seq FROM sales WHERE register = ? AND business_day = ? ORDER BY seq",
                    arguments: [run.register, today])
            }
            let numbers = Set(stored.map { $0["receipt_no"] as String })
            let missing = run.receipts.filter { !numbers.contains($0) }
            checks.append(
                Check(
                    name: "register \(run.register): every printed receipt has its sale row", passed: missing.isEmpty,
                    detail: "\(run.receipts.count) printed, \(stored.count) stored today"
                        + (stored.count > run.receipts.count ? " (a kept shop also holds earlier runs' sales)" : "")
                        + (missing.isEmpty ? "" : ", missing: \(missing.prefix(5).joined(separator: " "))")))
            let seqs = stored.map { $0["seq"] as Int }
            checks.append(
                Check(
                    name: "register \(run.register): receipt numbers gapless", passed: seqs == (0..<seqs.count).map { $0 + 1 },
                    detail: seqs.isEmpty ? "no sales" : "1…\(seqs.last ?? 0) for \(seqs.count) sales"))
            checks.append(
                Check(
                    name: "register \(run.register): no error lines", passed: run.problems.isEmpty && run.status == 0,
                    detail: run.problems.isEmpty
                        ? "exit status \(run.status)" : "\(run.problems.count) lines, first: \(run.problems[0]); exit \(run.status)"))
        }
        let ledger = try Stopwatch.time { try store.stock.stockLedgerMismatches() }
        checks.append(
            Check(
                name: "on-hand = Σ movements for every product (stockLedgerMismatches)", passed: ledger.value.isEmpty,
                detail: ledger.value.isEmpty ? "no mismatch" : "\(ledger.value.count) products differ: \(ledger.value.prefix(5))"))
        log(String(format: "stock ledger check: %.1f s", ledger.milliseconds / 1000))
        let days = try Stopwatch.time { try store.dayTotalsMismatches() }
        checks.append(
            Check(
                name: "day totals = the sales recomputed for every day (dayTotalsMismatches)", passed: days.value.isEmpty,
                detail: days.value.isEmpty ? "no mismatch" : "\(days.value.count) days differ: \(days.value.prefix(5))"))
        log(String(format: "day totals check: %.1f s", days.milliseconds / 1000))
        return (
            [
                Figure("ledger_check_s", "stockLedgerMismatches() over the catalogue", ledger.milliseconds / 1000, "s"),
                Figure("day_totals_check_s", "dayTotalsMismatches() over the history", days.milliseconds / 1000, "s"),
            ],
            checks
        )
    }
}
