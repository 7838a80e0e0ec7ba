import Foundation
import ToraPrint

#if canImport(Glibc)
    import Glibc
#endif

/// A CUPS server of the test's own: a `cupsd` started in the foreground as a child
/// process, with its configuration, spool, state and logs in a temp folder, listening
/// on a free 127.0.0.1 port and on a socket in that folder. It never touches the system's
/// cupsd; it is stopped by `stop()` or when released.
///
/// Tests point libcups at it with `server` (in-process) or `environment` (`CUPS_SERVER`,
/// for a child process). Its policy lets anyone administer it, so `lpadmin -h` needs no
/// password.
public final class PrivateCups: @unchecked Sendable {
    // @unchecked Sendable: `pid` changes only while holding `lock`; the rest is immutable.
    public let folder: String
    private var currentPort: Int
    private let cupsd: String
    private let lock = NSLock()
    private var pid: pid_t?

    /// `cupsd`, when installed.
    public static var cupsdPath: String? {
        ["/usr/sbin/cupsd", "/usr/local/sbin/cupsd", "/sbin/cupsd"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// On CI (`CI=true`) the CUPS tests must run: a missing cupsd fails them instead of skipping.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether CUPS tests run here: cupsd is installed, or CI requires them (and they fail).
    public static var shouldRun: Bool { cupsdPath != nil || isRequired }

    public static let skipMessage = "cupsd is not installed (apt-get install cups cups-client): CUPS tests skipped; with CI=true they fail"

    /// Creates the folder and configuration and starts cupsd; returns once it answers.
    public init() throws {
        guard let cupsd = Self.cupsdPath else {
            throw CupsSetupError("cupsd is not installed; install the Debian packages cups and cups-client (scripts/install-deps)")
        }
        self.cupsd = cupsd
        var template = Array("/tmp/tora-cups-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CupsSetupError("cannot create a temp folder for cupsd") }
        folder = String(cString: made)
        // cupsd runs its backends as user lp, which must be able to walk into the folder.
        chmod(folder, 0o755)
        currentPort = try Loopback.freePort()
        try writeConfiguration()
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The TCP port; a new one only when the old one was taken while cupsd was stopped.
    public var port: Int { lock.withLock { currentPort } }

    /// `127.0.0.1:<port>`, as `CUPS_SERVER` and `lpadmin -h` take it.
    public var address: String { "127.0.0.1:\(port)" }
    /// The server over TCP.
    public var server: CupsServer { CupsServer(host: "127.0.0.1", port: Int32(port)) }
    /// The server over its local socket.
    public var socketServer: CupsServer { CupsServer(host: socketPath, port: Int32(port)) }
    public var socketPath: String { folder + "/cups.sock" }
    /// For a child process: `CUPS_SERVER` pointing here.
    public var environment: [String: String] { ["CUPS_SERVER": address] }

    /// Whether cupsd is running (an exited one is reaped here).
    public var isRunning: Bool {
        lock.withLock {
            guard let running = pid else { return false }
            var status: Int32 = 0
            if waitpid(running, &status, WNOHANG) == running {
                pid = nil
                return false
            }
            return true
        }
    }

    /// Writes `cupsd.conf` for the current port.
    private func writeDaemonConfiguration() throws {
        let daemon = """
            LogLevel warn
            Listen 127.0.0.1:\(port)
            Listen \(socketPath)
            FatalErrors config listen
            Browsing No
            WebInterface No
            DefaultAuthType None
            MaxJobs 100
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              JobPrivateAccess all
              JobPrivateValues none
              SubscriptionPrivateAccess all
              SubscriptionPrivateValues none
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>

            """
        try daemon.write(toFile: folder + "/cupsd.conf", atomically: true, encoding: .utf8)
    }

    private func writeConfiguration() throws {
        let isRoot = geteuid() == 0
        let user = isRoot ? "lp" : (getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "nobody")
        let group = isRoot ? "lp" : (getgrgid(getegid()).map { String(cString: $0.pointee.gr_name) } ?? "nogroup")
        for sub in ["log", "spool", "spool/tmp", "cache", "state"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        if isRoot, let lp = getgrnam("lp") { chown(folder + "/spool/tmp", 0, lp.pointee.gr_gid) }
        chmod(folder + "/spool/tmp", 0o1770)
        let files = """
            User \(user)
            Group \(group)
            SystemGroup \(isRoot ? "root" : group)
            ServerRoot \(folder)
            RequestRoot \(folder)/spool
            TempDir \(folder)/spool/tmp
            CacheDir \(folder)/cache
            StateDir \(folder)/state
            AccessLog \(folder)/log/access_log
            ErrorLog \(folder)/log/error_log
            PageLog \(folder)/log/page_log
            ServerBin /usr/lib/cups
            DataDir /usr/share/cups
            DocumentRoot /usr/share/cups/doc-root
            FileDevice No

            """
        try files.write(toFile: folder + "/cups-files.conf", atomically: true, encoding: .utf8)
        try writeDaemonConfiguration()
    }

    /// Starts cupsd (again, after `stop()`, with the same queues). When its port was taken
    /// meanwhile (cupsd exits: `FatalErrors listen`), it moves to a free one, up to 3 times.
    public func start() throws {
        guard !isRunning else { return }
        var problem = ""
        for attempt in 1...3 {
            if attempt > 1 {
                let fresh = try Loopback.freePort()
                lock.withLock { currentPort = fresh }
                try writeDaemonConfiguration()
            }
            let child = try spawn(
                cupsd, ["-f", "-c", folder + "/cupsd.conf", "-s", folder + "/cups-files.conf"], output: folder + "/log/cupsd.out")
            lock.withLock { pid = child }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline && isRunning {
                if FileManager.default.fileExists(atPath: socketPath) && Loopback.answers(port: port) { return }
                usleep(10_000)
            }
            problem = isRunning ? "cupsd did not answer on \(address) within 10 s" : "cupsd exited at start"
            stop()
        }
        throw CupsSetupError("\(problem): \(logTail())")
    }

    /// Stops cupsd (SIGTERM, so it saves its queues; SIGKILL after 5 s) and waits for it.
    public func stop() {
        lock.withLock {
            guard let running = pid else { return }
            pid = nil
            ChildProcess.stop(running, signal: SIGTERM, grace: 5)
        }
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    /// Starts `path` with no blocked signals (a test runner's threads block some, and a
    /// cupsd that inherits a blocked SIGTERM could only be killed, losing its queues),
    /// standard input from /dev/null and its output appended to `output`.
    private func spawn(_ path: String, _ arguments: [String], output: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw CupsSetupError("cannot start \(path): \(String(cString: strerror(result)))") }
        return child
    }

    /// Adds a raw queue (no driver: bytes pass through untouched) that sends to `device`,
    /// enabled and accepting; a failed job is aborted, not retried.
    public func addRawQueue(_ name: String, device: String, errorPolicy: String = "abort-job") throws {
        try tool("lpadmin", ["-p", name, "-E", "-v", device, "-o", "printer-error-policy=\(errorPolicy)"])
    }

    /// A raw queue printing to the capture listener over a socket:// device that gives up
    /// connecting after 2 s (the backend first waits 5 s, so a dead printer fails in ~5 s).
    public func addRawQueue(_ name: String, printingTo listener: CaptureListener) throws {
        try addRawQueue(name, device: "socket://127.0.0.1:\(listener.port)/?contimeout=2")
    }

    /// `cupsdisable`: the queue is stopped (paused) with a reason.
    public func disable(_ queue: String, reason: String = "paper out") throws { try tool("cupsdisable", ["-r", reason, queue]) }
    /// `cupsenable`: the queue prints again.
    public func enable(_ queue: String) throws { try tool("cupsenable", [queue]) }
    /// `cupsreject`: the queue refuses new jobs.
    public func reject(_ queue: String) throws { try tool("cupsreject", [queue]) }
    /// `cupsaccept`: the queue takes jobs again.
    public func accept(_ queue: String) throws { try tool("cupsaccept", [queue]) }

    /// Runs a CUPS tool (`lpadmin`, `lpstat`, …) against this server (`-h address`) and
    /// returns its output; throws with the output when it fails.
    @discardableResult
    public func tool(_ name: String, _ arguments: [String]) throws -> String {
        let candidates = ["/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"].map { $0 + name }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CupsSetupError("\(name) is not installed (apt-get install cups-client)")
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: path)
        child.arguments = ["-h", address] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CUPS_SERVER"] = address
        child.environment = environment
        let pipe = Pipe()
        child.standardOutput = pipe
        child.standardError = pipe
        child.standardInput = FileHandle.nullDevice
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            throw CupsSetupError("\(name) \(arguments.joined(separator: " ")) failed (\(child.terminationStatus)): \(output)")
        }
        return output
    }

    /// The end of cupsd's error log, for failure messages.
    public func logTail(lines: Int = 15) -> String {
        let text = ["error_log", "cupsd.out"].compactMap { try? String(contentsOfFile: folder + "/log/" + $0, encoding: .utf8) }
        return text.joined(separator: "\n").split(separator: "\n").suffix(lines).joined(separator: " | ")
    }
}

/// Why the private cupsd or a capture listener could not be set up.
public struct CupsSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
