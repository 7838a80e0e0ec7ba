import Foundation
import Synchronization

/// Measurements through the real `tora` binary: how soon a till is ready after it is
/// started, and four registers selling at once on one database file.
struct TillBench {
    let tora: String
    let shop: GeneratedShop
    let folder: String
    let log: @Sendable (String) -> Void

    /// Starts `tora till --register 09` `runs` times: process start to the line with the
    /// ready prompt after code and PIN, with the whole history in the database.
    func tillReady(runs: Int) throws -> [Figure] {
        var ready = Samples()
        var firstLine = Samples()
        var peak = 0
        for _ in 0..<runs {
            let till = try TillProcess(
                tora: tora, register: BenchUsers.readyRegister, database: shop.path, folder: folder, errors: folder + "/till-09.err")
            try till.send("\(BenchUsers.readyRegister)\n\(BenchUsers.pin)\n")
            guard let title = till.waitFor(timeout: 30, until: { $0.contains("Tora Sera") }),
                let shown = till.waitFor(timeout: 30, until: TillWords.isReady)
            else {
                _ = till.finish(timeout: 5)
                throw BenchError("the till of register 09 never became ready: \(Self.errors(folder + "/till-09.err"))")
            }
            peak = max(peak, till.peakResidentKilobytes() ?? 0)
            try till.send("quit\n")
            _ = till.finish()
            firstLine.append(title.milliseconds)
            ready.append(shown.milliseconds)
        }
        log(String(format: "till ready: p50 %.0f ms (first line %.0f ms)", ready.median, firstLine.median))
        return [
            Figure(
                "till_ready_p50_ms", "till ready (start → prompt after login) p50", ready.median, "ms",
                target: .atMost(100, "≤ 100 ms"), note: String(format: "%d starts; max %.0f ms", runs, ready.maximum)),
            Figure(
                "till_first_line_p50_ms", "  of which start → first line (no login)", firstLine.median, "ms",
                note: "process start, store open, translations; the rest is the login"),
            Figure("till_idle_rss_mb", "till peak RSS after login", Double(peak) / 1024, "MB"),
        ]
    }

    /// What one register did during the load.
    struct RegisterRun: Sendable {
        var register: String
        var inWindow = 0
        var receipts: [String] = []
        var problems: [String] = []
        var peakKilobytes = 0
        var cpuSeconds = 0.0
        var status: Int32 = -1
        var failure: String?
    }

    /// Four tills at once, each fed `CODE` and `pay` for `duration` seconds after all four
    /// are ready; each keeps at most two sales waiting in its pipe, so the tills never idle
    /// and never build a backlog. Counts receipts printed inside the window.
    func registers(duration: Double, codes: [String]) throws -> (runs: [RegisterRun], machineBusy: Double) {
        let runs = Mutex<[RegisterRun]>([])
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let registers = BenchUsers.loadRegisters
        for (index, register) in registers.enumerated() {
            let tora = self.tora
            let database = shop.path
            let folder = self.folder
            let stream = (0..<codes.count).map { codes[($0 * 7 + index * 1_009) % codes.count] }
            let thread = Thread {
                let run = Self.drive(
                    register: register, tora: tora, database: database, folder: folder, codes: stream, duration: duration,
                    ready: ready, go: go)
                runs.withLock { $0.append(run) }
                done.signal()
            }
            thread.start()
        }
        for _ in registers { ready.wait() }
        let before = Self.machineTicks()
        for _ in registers { go.signal() }
        Thread.sleep(forTimeInterval: duration)
        let after = Self.machineTicks()
        for _ in registers { done.wait() }
        let result = runs.withLock { $0 }.sorted { $0.register < $1.register }
        let busy = after.total > before.total ? (after.busy - before.busy) / (after.total - before.total) : 0
        return (result, busy)
    }

    /// Over 60 lines on purpose: one register's whole run (start, sign in, sell until time is up, quit) in the order it happens.
    private static func drive(
        register: String, tora: String, database: String, folder: String, codes: [String], duration: Double,
        ready: DispatchSemaphore, go: DispatchSemaphore
    ) -> RegisterRun {
        var run = RegisterRun(register: register)
        var signalled = false
        defer { if !signalled { ready.signal() } }
        let till: TillProcess
        do {
            till = try TillProcess(
                tora: tora, register: register, database: database, folder: folder, errors: "\(folder)/till-\(register).err")
            try till.send("\(register)\n\(BenchUsers.pin)\n")
        } catch {
            run.failure = "could not start: \(error)"
            return run
        }
        guard till.waitFor(timeout: 60, until: TillWords.isReady) != nil else {
            run.failure = "never became ready: \(Self.errors("\(folder)/till-\(register).err"))"
            _ = till.finish(timeout: 5)
            return run
        }
        ready.signal()
        signalled = true
        go.wait()
        let deadline = ContinuousClock.now + .milliseconds(Int(duration * 1000))
        let cpuAtStart = till.cpuSeconds() ?? 0
        var sent = 0
        var taken = 0
        let payEcho = "\(register)> pay"
        while ContinuousClock.now < deadline {
            do {
                while sent - taken < 2 {
                    try till.send("\(codes[sent % codes.count])\npay\n")
                    sent += 1
                }
            } catch {
                run.failure = "the till closed its input: \(error)"
                break
            }
            guard let line = till.nextLine(timeout: 10) else {
                run.failure = "the till stopped answering"
                break
            }
            if line == payEcho { taken += 1 }
            if let receipt = TillWords.receipt(in: line) {
                run.receipts.append(receipt)
                if ContinuousClock.now <= deadline { run.inWindow += 1 }
            } else if Self.looksLikeTrouble(line) {
                run.problems.append(line)
            }
        }
        run.peakKilobytes = till.peakResidentKilobytes() ?? 0
        run.cpuSeconds = (till.cpuSeconds() ?? cpuAtStart) - cpuAtStart
        let rest = till.finish()
        for line in rest.lines {
            if let receipt = TillWords.receipt(in: line) {
                run.receipts.append(receipt)
            } else if Self.looksLikeTrouble(line) {
                run.problems.append(line)
            }
        }
        run.status = rest.status
        return run
    }

    /// The last lines a till wrote to standard error, for a failure message.
    static func errors(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(3).joined(separator: " / ")
        return lines.isEmpty ? "it wrote nothing to standard error" : lines
    }

    /// Busy and total CPU ticks of the whole machine (`/proc/stat`), to tell a load that is
    /// short of CPU from one that waits on locks or the disk.
    static func machineTicks() -> (busy: Double, total: Double) {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return (0, 0) }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 5 else { return (0, 0) }
        let idle = values[3] + values[4]
        let total = values.prefix(8).reduce(0, +)
        return (total - idle, total)
    }

    /// Lines that mean something went wrong: a busy database, a failed completion.
    static func looksLikeTrouble(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["busy", "sibuk", "gagal", "failed", "error", "tidak dikenal", "unknown", "belum selesai"].contains { lower.contains($0) }
    }
}
