import Foundation

/// A `tora` process kept running, fed one line at a time, whose output is read as it
/// comes — for tests that kill it mid-sale or run several registers at once.
public final class LiveTora: @unchecked Sendable {
    // @unchecked: `output` is only touched under `lock`; the process and pipes are used
    // from the test's thread only.
    private let process = Process()
    private let input = Pipe()
    private let outputPipe = Pipe()
    private let lock = NSLock()
    private var output = Data()

    public init(_ binary: ToraBinary, arguments: [String], environment extra: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardInput = input
        process.standardOutput = outputPipe
        process.standardError = outputPipe
        outputPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.output.append(chunk) }
        }
        try process.run()
    }

    /// The process id, to read its `/proc/PID` files while it runs.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Everything the process wrote so far.
    public var text: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    public func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until the output holds `needle` `count` times; returns whether it did. `seconds`
    /// only guards against a hang (the default is the same as for `ToraBinary.run`).
    @discardableResult
    public func waitFor(_ needle: String, count: Int = 1, seconds: Double = Double(ToraBinary.timeoutSeconds)) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            usleep(10_000)
        }
        return false
    }

    /// SIGKILL: no chance to clean up, as in a power cut.
    public func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes standard input and waits for the process to end; after `timeout` seconds it
    /// is killed and the result is -1, which no test takes for success (a hang guard, not
    /// a speed requirement).
    public func finish(timeout: Int = ToraBinary.timeoutSeconds) -> Int32 {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(Double(timeout))
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            kill9()
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        outputPipe.fileHandleForReading.readabilityHandler = nil
    }
}
