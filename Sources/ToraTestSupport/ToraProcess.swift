import Foundation

/// What one run of the real `tora` binary did.
public struct ToraRun: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built `tora` executable the way a shop or a script does: arguments, a
/// standard input, an environment with `TORA_DB` and `TORA_NOW`.
public struct ToraBinary: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The `tora` next to the test bundle (SwiftPM builds both into one folder), or
    /// `$TORA_BINARY`. Throws with a clear line when it has not been built.
    public static func locate() throws -> ToraBinary {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["TORA_BINARY"] { candidates.append(explicit) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("tora").path)
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("tora").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/.build/debug/tora")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return ToraBinary(path: candidate)
        }
        throw BinaryMissing(looked: candidates)
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let looked: [String]
        var description: String { "the tora binary is not built (run `swift build` first); looked in \(looked.joined(separator: ", "))" }
    }

    /// How long one run may take before it is killed and the test fails: a hang guard for a
    /// slow, shared machine, not a speed requirement.
    public static let timeoutSeconds = 120

    /// Runs `tora arguments…` to completion; throws `TimedOut` (after killing it) when it
    /// has not ended within `timeout` seconds.
    public func run(
        _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:], in directory: String? = nil,
        timeout: Int = ToraBinary.timeoutSeconds
    ) throws -> ToraRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TORA_DB"] = nil
        environment["TORA_NOW"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let timedOut = LockedData()
        let pid = process.processIdentifier
        let watchdog = Thread {
            guard ended.wait(timeout: .now() + .seconds(timeout)) == .timedOut else { return }
            timedOut.set(Data())
            kill(pid, SIGKILL)
        }
        watchdog.start()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes fully before waiting, so a chatty process never blocks on a full pipe.
        let errorData = LockedData()
        let errorReader = Thread {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        if timedOut.isSet { throw TimedOut(arguments: arguments, seconds: timeout) }
        return ToraRun(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// A run of `tora` that did not end in time and was killed.
public struct TimedOut: Error, CustomStringConvertible {
    public let arguments: [String]
    public let seconds: Int
    public var description: String { "tora \(arguments.joined(separator: " ")) did not end within \(seconds) s and was killed" }
}

/// Data handed from a reader thread; set once.
final class LockedData: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// A shop in its own temporary folder, driven through the real `tora` binary with
/// `TORA_DB` and a fixed `TORA_NOW`: what the command-line and till tests share.
///
/// Every run is signed in as the fixture's manager (`ToraShopFolder.manager`: code `mgr`,
/// PIN `9876`) through `TORA_USER` and `TORA_PIN` in `env`, so changing commands work
/// as they are. Make the shop with that manager in one line:
/// ```
/// try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
/// ```
/// A test of refusals runs without the sign-in: `shop.tora.run(args, environment: shop.unsignedEnv)`,
/// or as someone else: `shop.env(user: "01", pin: "1234")`. Code that builds its own
/// environment merges `ToraShopFolder.signIn` into it.
public struct ToraShopFolder: Sendable {
    public let tora: ToraBinary
    public let folder: TemporaryFolder
    /// `TORA_NOW` of every run, ISO 8601 with an offset.
    public let now: String
    private let extraEnvironment: [String: String]

    /// The manager every fixture shop is made with and every run signs in as.
    public static let manager = (code: "mgr", name: "Manajer Uji", pin: "9876")
    /// `init` arguments that make the fixture's manager (its PIN comes from `TORA_PIN`).
    public static let managerFlags = ["--manager", manager.code, "--manager-name", manager.name]
    /// `TORA_USER` and `TORA_PIN` of the fixture's manager, for environments built by hand.
    public static let signIn = ["TORA_USER": manager.code, "TORA_PIN": manager.pin]

    public init(_ prefix: String, now: String, environment: [String: String] = [:]) throws {
        tora = try ToraBinary.locate()
        folder = TemporaryFolder(prefix)
        self.now = now
        extraEnvironment = environment
    }

    /// The shop database's path.
    public var db: String { folder.file("shop.sqlite") }

    /// The environment of every run: the database, the clock, the manager's sign-in and
    /// any extra variables (which may replace those).
    public var env: [String: String] {
        ["TORA_DB": db, "TORA_NOW": now].merging(Self.signIn) { $1 }.merging(extraEnvironment) { $1 }
    }

    /// `env` without any sign-in.
    public var unsignedEnv: [String: String] {
        env.filter { $0.key != "TORA_USER" && $0.key != "TORA_PIN" }
    }

    /// `env` signed in as `user` with `pin`.
    public func env(user: String, pin: String) -> [String: String] {
        env.merging(["TORA_USER": user, "TORA_PIN": pin]) { $1 }
    }

    /// Runs `tora arguments…` and returns its standard output; a non-zero exit throws
    /// with the command and its standard error.
    @discardableResult
    public func ok(_ arguments: [String], stdin: String = "") throws -> String {
        let run = try tora.run(arguments, stdin: stdin, environment: env)
        guard run.status == 0 else { throw CommandFailed(arguments: arguments, run: run) }
        return run.stdout
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let run: ToraRun
        var description: String { "tora \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)" }
    }
}
