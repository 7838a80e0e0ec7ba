import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL server of the test's own: `initdb` into a temp folder, `postgres` started
/// as a child process listening only on a Unix socket in that folder (no TCP port), and
/// stopped by `stop()` or when released. PostgreSQL refuses to run as root, so as root the
/// folder is handed to the `postgres` user and the server runs as that user (`setpriv`).
///
/// `url(database:)` gives the libpq-style URL `tora-hub` takes. The cluster's superuser
/// is `tora`, trusted on the socket.
public final class PrivatePostgres: @unchecked Sendable {
    // @unchecked Sendable: `pid` changes only while holding `lock`; the rest is immutable.
    public let folder: String
    public let port = 5432
    private let bin: String
    private let lock = NSLock()
    private var pid: pid_t?
    /// The account the server runs as when this process is root.
    private let runAs: (uid: uid_t, gid: gid_t)?

    /// The folder of `initdb` and `postgres`: the newest /usr/lib/postgresql/*/bin.
    public static var binFolder: String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap { Int($0) }.sorted().reversed().map { "\(root)/\($0)/bin" }.first {
            FileManager.default.isExecutableFile(atPath: $0 + "/postgres")
        }
    }

    /// On CI (`CI=true`) the hub tests must run: a missing PostgreSQL fails them instead of skipping.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Whether hub tests run here.
    public static var shouldRun: Bool { binFolder != nil || isRequired }
    public static let skipMessage =
        "PostgreSQL is not installed (apt-get install postgresql): hub tests skipped; with CI=true they fail"

    /// Makes the cluster and starts the server; returns once it accepts connections.
    public init() throws {
        guard let bin = Self.binFolder else {
            throw PostgresSetupError("PostgreSQL is not installed; install the Debian package postgresql (scripts/install-deps)")
        }
        self.bin = bin
        var template = Array("/tmp/tora-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw PostgresSetupError("cannot create a temp folder for PostgreSQL") }
        folder = String(cString: made)
        if geteuid() == 0 {
            guard let account = getpwnam("postgres") else {
                throw PostgresSetupError("running as root needs a postgres user to run the server (apt-get install postgresql makes it)")
            }
            runAs = (account.pointee.pw_uid, account.pointee.pw_gid)
            chown(folder, account.pointee.pw_uid, account.pointee.pw_gid)
        } else {
            runAs = nil
        }
        chmod(folder, 0o755)
        try runTool(
            "initdb", ["-D", folder + "/data", "-U", "tora", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            output: folder + "/initdb.log")
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `postgres://tora@/DATABASE?host=FOLDER&port=5432`.
    public func url(database: String = "postgres") -> String {
        "postgres://tora@/\(database)?host=\(folder)&port=\(port)"
    }

    /// Makes a database (each test its own).
    public func createDatabase(_ name: String) throws -> String {
        try runTool("createdb", ["-h", folder, "-p", String(port), "-U", "tora", name], output: folder + "/createdb.log", asServer: false)
        return url(database: name)
    }

    /// Runs `psql -c sql` on `database` and returns its output (unaligned, tuples only).
    @discardableResult
    public func psql(_ database: String, _ sql: String) throws -> String {
        let output = folder + "/psql-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        try runTool(
            "psql", ["-h", folder, "-p", String(port), "-U", "tora", "-d", database, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            output: output, asServer: false)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Runs `psql -f path` on `database` (each statement committed as it comes) and returns its output.
    @discardableResult
    public func psql(_ database: String, file path: String) throws -> String {
        let output = folder + "/psql-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        try runTool(
            "psql",
            ["-h", folder, "-p", String(port), "-U", "tora", "-d", database, "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-f", path],
            output: output, asServer: false)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// The `psql` binary of this server's version.
    public var psqlPath: String { bin + "/psql" }

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

    private func start() throws {
        let arguments = [
            "-D", folder + "/data", "-k", folder, "-p", String(port), "-c", "listen_addresses=", "-c", "fsync=off",
            "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=50",
        ]
        let child = try spawn(bin + "/postgres", arguments, output: folder + "/postgres.log", asServer: true)
        lock.withLock { pid = child }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && isRunning {
            if (try? runTool("pg_isready", ["-q", "-h", folder, "-p", String(port)], output: "/dev/null", asServer: false)) != nil {
                return
            }
            usleep(50_000)
        }
        let problem = isRunning ? "PostgreSQL did not accept connections within 60 s" : "PostgreSQL exited at start"
        stop()
        throw PostgresSetupError("\(problem): \(logTail())")
    }

    /// Stops the server and starts it again on the same folder and socket, as
    /// `pg_ctl restart` does: every open connection is cut.
    public func restart() throws {
        stop()
        try start()
    }

    /// The server's own process id (the postmaster), nil when stopped.
    public var serverPID: pid_t? { lock.withLock { pid } }

    /// Stops the server (SIGINT: fast shutdown; SIGKILL after 10 s) and waits for it.
    public func stop() {
        lock.withLock {
            guard let running = pid else { return }
            pid = nil
            ChildProcess.stop(running, signal: SIGINT, grace: 10)
        }
    }

    /// The end of the server's log, for failure messages.
    public func logTail(lines: Int = 15) -> String {
        let text = ["initdb.log", "postgres.log"].compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        return text.joined(separator: "\n").split(separator: "\n").suffix(lines).joined(separator: " | ")
    }

    /// Runs a PostgreSQL tool to its end; throws with its output when it fails.
    private func runTool(_ name: String, _ arguments: [String], output: String, asServer: Bool = true) throws {
        let child = try spawn(bin + "/" + name, arguments, output: output, asServer: asServer)
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let log = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw PostgresSetupError("\(name) failed (status \(status)): \(log.split(separator: "\n").suffix(5).joined(separator: " | "))")
        }
    }

    /// Starts `path` (as the postgres user through `setpriv` when root and `asServer`),
    /// no blocked signals, standard input from /dev/null, output appended to `output`.
    private func spawn(_ path: String, _ arguments: [String], output: String, asServer: Bool) throws -> pid_t {
        var command = [path] + arguments
        if asServer, let runAs {
            command =
                ["/usr/bin/setpriv", "--reuid=\(runAs.uid)", "--regid=\(runAs.gid)", "--clear-groups", "--", "/usr/bin/env", "-C", folder]
                + command
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, command[0], &actions, &attributes, argv, environ)
        guard result == 0 else { throw PostgresSetupError("cannot start \(command[0]): \(String(cString: strerror(result)))") }
        return child
    }
}

/// Why the private PostgreSQL could not be set up.
public struct PostgresSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
