import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real `tora-hub` binary for tests: one-shot runs (`migrate`, `outlet add`) and a
/// running `serve` on a free 127.0.0.1 port, stopped with SIGTERM like a service manager.
public final class HubProcess: @unchecked Sendable {
    // @unchecked Sendable: `pid` changes only while holding `lock`; the rest is immutable.
    public let binary: ToraBinary
    public let databaseURL: String
    public let adminToken = "test-admin-token-0123456789"
    public private(set) var port = 0
    private let lock = NSLock()
    private var process: Process?
    private let log: String

    public init(databaseURL: String) throws {
        let tora = try ToraBinary.locate()
        let path = URL(fileURLWithPath: tora.path).deletingLastPathComponent().appendingPathComponent("tora-hub").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw PostgresSetupError("the tora-hub binary is not built (run `swift build` first); looked for \(path)")
        }
        binary = ToraBinary(path: path)
        self.databaseURL = databaseURL
        log = NSTemporaryDirectory() + "tora-hub-\(UUID().uuidString).log"
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: log)
    }

    /// The hub's base URL once serving.
    public var url: String { "http://127.0.0.1:\(port)" }

    public var environment: [String: String] { ["TORA_HUB_DATABASE_URL": databaseURL, "TORA_HUB_ADMIN_TOKEN": adminToken] }

    /// Runs `tora-hub arguments…` to its end.
    public func run(_ arguments: [String]) throws -> ToraRun {
        try binary.run(arguments, environment: environment)
    }

    /// Runs `tora-hub arguments…`; a non-zero exit throws with its standard error.
    @discardableResult
    public func ok(_ arguments: [String]) throws -> String {
        let run = try run(arguments)
        guard run.status == 0 else {
            throw PostgresSetupError("tora-hub \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
        }
        return run.stdout
    }

    /// Starts `tora-hub serve` (with `arguments` added) on a free port and waits until it answers.
    public func serve(_ arguments: [String] = []) throws {
        port = try Loopback.freePort()
        try start(arguments)
    }

    /// Starts `tora-hub serve` again on the port it had (after `stop()` or `crash()`), so the
    /// shops' links still point at it.
    public func restart(_ arguments: [String] = []) throws {
        try start(arguments)
    }

    /// SIGKILL, as a crash or a power cut: no graceful shutdown, requests in flight cut.
    public func crash() {
        lock.withLock {
            guard let running = process else { return }
            process = nil
            if running.isRunning { kill(running.processIdentifier, SIGKILL) }
            running.waitUntilExit()
        }
    }

    /// Whether `serve` is running.
    public var isServing: Bool { lock.withLock { process?.isRunning ?? false } }

    private func start(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port)] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if !FileManager.default.fileExists(atPath: log) { FileManager.default.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if Loopback.answers(port: port) { return }
            usleep(20_000)
        }
        stop()
        throw PostgresSetupError("tora-hub serve did not answer on port \(port): \(logText)")
    }

    /// What the hub wrote to standard output and error.
    public var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits (SIGKILL after 20 s); returns the exit status.
    @discardableResult
    public func stop() -> Int32? {
        lock.withLock {
            guard let running = process else { return nil }
            process = nil
            guard running.isRunning else { return running.terminationStatus }
            running.terminate()
            let deadline = Date().addingTimeInterval(20)
            while running.isRunning {
                guard Date() < deadline else {
                    kill(running.processIdentifier, SIGKILL)
                    running.waitUntilExit()
                    return nil
                }
                usleep(10_000)
            }
            return running.terminationStatus
        }
    }
}
