import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A running `tora till --register RR`, fed through a pipe and read line by line. On a
/// pipe the till writes plain lines and echoes each line it reads after its prompt
/// (`11> pay`), which is how the benchmark knows what the till has taken in.
final class TillProcess {
    let register: String
    let startedAt: ContinuousClock.Instant
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffer: [UInt8] = []
    private var ended = false

    /// Starts the till with `TORA_DB` set (and `TORA_NOW` removed); its standard error goes
    /// to `errors`, its working folder is `folder` (so an outbox lands there).
    init(tora: String, register: String, database: String, folder: String, errors: String) throws {
        self.register = register
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tora)
        process.arguments = ["till", "--register", register]
        var environment = ProcessInfo.processInfo.environment
        environment["TORA_DB"] = database
        environment["TORA_NOW"] = nil
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        if !FileManager.default.fileExists(atPath: errors) { _ = FileManager.default.createFile(atPath: errors, contents: nil) }
        process.standardError = FileHandle(forWritingAtPath: errors)
        startedAt = ContinuousClock.now
        try process.run()
        self.process = process
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    var pid: Int32 { process.processIdentifier }

    /// Writes lines to the till's standard input.
    func send(_ lines: String) throws {
        try input.write(contentsOf: Data(lines.utf8))
    }

    /// The next line the till wrote, waiting at most `timeout` seconds; nil at the end of
    /// its output or on time-out.
    func nextLine(timeout: Double = 30) -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            var poller = pollfd(fd: output.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Double(left.components.seconds) * 1000 + 1, 60_000))
            guard poll(&poller, 1, milliseconds) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
            if count <= 0 { ended = true } else { buffer.append(contentsOf: chunk[..<count]) }
        }
    }

    /// Reads until a line satisfies `predicate`; returns that line and the milliseconds since
    /// the process was started, or nil when the output ended or `timeout` passed first.
    func waitFor(timeout: Double = 60, until predicate: (String) -> Bool) -> (line: String, milliseconds: Double)? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            guard let line = nextLine(timeout: 1) else {
                if ended { return nil }
                continue
            }
            if predicate(line) { return (line, Stopwatch.milliseconds(since: startedAt)) }
        }
        return nil
    }

    /// The process's peak resident set (`VmHWM` of `/proc/PID/status`), in kB.
    func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// CPU seconds the process has used so far (user + system, from `/proc/PID/stat`).
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Closes standard input: the till says goodbye and exits, its open sale kept.
    func closeInput() { try? input.close() }

    /// Reads whatever is left, waits for the exit and returns the remaining lines and status.
    func finish(timeout: Double = 60) -> (lines: [String], status: Int32) {
        closeInput()
        var lines: [String] = []
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline, let line = nextLine(timeout: 5) { lines.append(line) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (lines, process.terminationStatus)
    }
}

/// The words the till prints that the benchmark listens for, in both languages.
enum TillWords {
    static let ready = ["Siap. Scan", "Ready. Scan"]
    static let paid = ["Lunas. Struk ", "Paid. Receipt "]

    /// The receipt number of a `Lunas. Struk 11-20261129-0001` line, if it is one.
    static func receipt(in line: String) -> String? {
        for marker in paid {
            if let range = line.range(of: marker) {
                return String(line[range.upperBound...].prefix { !$0.isWhitespace })
            }
        }
        return nil
    }

    static func isReady(_ line: String) -> Bool { ready.contains { line.contains($0) } }
}
