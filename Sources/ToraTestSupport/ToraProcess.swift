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

    /// Runs `tora arguments…` to completion.
    public func run(
        _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:], in directory: String? = nil
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
        try process.run()
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
        return ToraRun(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }
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
public struct ToraShopFolder: Sendable {
    public let tora: ToraBinary
    public let folder: TemporaryFolder
    /// `TORA_NOW` of every run, ISO 8601 with an offset.
    public let now: String
    private let extraEnvironment: [String: String]

    public init(_ prefix: String, now: String, environment: [String: String] = [:]) throws {
        tora = try ToraBinary.locate()
        folder = TemporaryFolder(prefix)
        self.now = now
        extraEnvironment = environment
    }

    /// The shop database's path.
    public var db: String { folder.file("shop.sqlite") }

    /// The environment of every run: the database, the clock and any extra variables.
    public var env: [String: String] { ["TORA_DB": db, "TORA_NOW": now].merging(extraEnvironment) { $1 } }

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
