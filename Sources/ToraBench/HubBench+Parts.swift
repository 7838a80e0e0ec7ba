import Crypto
import Foundation
import ToraJournal
import ToraTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The pushing threads: each takes the next outlet not yet pushed and sends its batches in
/// order, signed as `tora sync` signs them, outlet i to hub i mod (number of hubs).
final class HubPushers: @unchecked Sendable {
    // @unchecked Sendable: the mutable fields change only while holding `lock`.
    let outlets: [SimulatedOutlet]
    let ports: [Int]
    let threads: Int
    private let lock = NSLock()
    private var next = 0
    private(set) var latencies = Samples()
    private(set) var failures: [String] = []

    init(outlets: [SimulatedOutlet], ports: [Int], threads: Int) {
        self.outlets = outlets
        self.ports = ports
        self.threads = threads
    }

    func run() {
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread { [self] in
                work()
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
    }

    private func take() -> SimulatedOutlet? {
        lock.withLock {
            guard next < outlets.count else { return nil }
            next += 1
            return outlets[next - 1]
        }
    }

    private func work() {
        let connections = ports.map { HubBenchConnection(port: $0) }
        var mine = Samples()
        var problems: [String] = []
        while let outlet = take() {
            do {
                let key = try Curve25519.Signing.PrivateKey(rawRepresentation: outlet.keyBytes)
                let connection = connections[Int(outlet.id) % ports.count]
                for body in outlet.bodies {
                    let time = Int64(Date().timeIntervalSince1970)
                    let headers = try HubSignature.headers(
                        key: key, outlet: outlet.id, method: "POST", path: "/v1/journal", body: body, time: time)
                    let start = DispatchTime.now().uptimeNanoseconds
                    let answer = try connection.send(method: "POST", path: "/v1/journal", headers: headers, body: body)
                    mine.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                    guard answer.status == 200 else {
                        problems.append("outlet \(outlet.id): HTTP \(answer.status) \(answer.body)")
                        break
                    }
                }
            } catch {
                problems.append("outlet \(outlet.id): \(error)")
            }
        }
        lock.withLock {
            latencies.append(contentsOf: mine)
            failures += problems
        }
    }
}

/// A `tora-hub` child process: one-shot runs, and `serve` on a free port.
final class HubBenchProcess {
    let process: Process
    let port: Int
    var pid: Int32 { process.processIdentifier }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Runs `binary arguments…` to its end (the output is small).
    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `tora-hub serve` on a free port and waits until it answers.
    static func serve(_ binary: String, url: String, adminToken: String) throws -> HubBenchProcess {
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--database", url, "--admin-token", adminToken]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = HubBenchProcess(process: process, port: port)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if HubBenchConnection.answers(port: port) { return server }
            usleep(20_000)
        }
        server.stop()
        throw BenchError("tora-hub serve did not answer on port \(port)")
    }

    /// SIGTERM and wait.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw BenchError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The baseline: the same rows into the same tables by PostgreSQL alone, one multi-row
/// INSERT and the head's UPDATE per batch, each batch its own transaction, from two
/// `psql` at once (one per core), timed from their start to their end.
struct HubBaseline {
    let postgres: PrivatePostgres
    let database: String
    let log: @Sendable (String) -> Void

    /// Loads the rows; the wall-clock seconds it took and the CPU seconds PostgreSQL used.
    func load(_ outlets: [SimulatedOutlet]) throws -> (seconds: Double, postgresCPU: Double) {
        let files = try (0..<2).map { part -> String in
            let path = postgres.folder + "/baseline-\(part).sql"
            var sql = ""
            for outlet in outlets where Int(outlet.id) % 2 == part {
                for start in stride(from: 0, to: outlet.entries.count, by: HubBench.batchSize) {
                    let batch = outlet.entries[start..<min(outlet.entries.count, start + HubBench.batchSize)]
                    sql +=
                        "BEGIN;\nINSERT INTO journal_entries(outlet_id, seq, at, actor, register, kind, payload, prev_hash, hash) VALUES\n"
                    sql += batch.map { entry in
                        "(\(outlet.id),\(entry.seq),\(quote(entry.at)),\(quote(entry.actor)),\(entry.register.map(quote) ?? "NULL"),"
                            + "\(quote(entry.kind)),\(quote(entry.payload)),\(quote(entry.prevHash)),\(quote(entry.hash)))"
                    }.joined(separator: ",\n")
                    let last = batch.last!
                    sql += ";\nUPDATE outlets SET head_seq = \(last.seq), head_hash = \(quote(last.hash)), last_sync = now()"
                    sql += " WHERE id = \(outlet.id);\nCOMMIT;\n"
                }
            }
            try sql.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        log("loading the same rows with psql alone (the baseline)")
        guard let postmaster = postgres.serverPID else { throw BenchError("PostgreSQL is not running") }
        let before = ProcessCPU.seconds(tree: postmaster)
        let timed = try Stopwatch.time {
            let runs = try files.map { file -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: postgres.psqlPath)
                process.arguments = [
                    "-h", postgres.folder, "-p", String(postgres.port), "-U", "tora", "-d", database, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", file,
                ]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                return process
            }
            for run in runs { run.waitUntilExit() }
            guard runs.allSatisfy({ $0.terminationStatus == 0 }) else { throw BenchError("the baseline's psql failed") }
        }
        return (timed.milliseconds / 1000, ProcessCPU.seconds(tree: postmaster) - before)
    }

    private func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension ProcessCPU {
    /// Seconds of CPU used by `pid` itself (not its children).
    static func ownSeconds(_ pid: Int32) -> Double {
        guard let own = fields(pid), own.count > 12 else { return 0 }
        return ((Double(own[11]) ?? 0) + (Double(own[12]) ?? 0)) / ticksPerSecond
    }
}
