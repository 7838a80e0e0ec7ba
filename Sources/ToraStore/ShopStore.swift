import Foundation
import GRDB
import Logging
import ToraCore

/// The shop's one database file (SPEC §13): catalogue, members, users, stock, settings
/// and the audit journal. Owns the connection pool; every write is one transaction.
///
/// Opened in WAL mode with foreign keys on, `synchronous=FULL` and a busy timeout, so
/// several tills and a manager's command can use one file at once. The file and its WAL
/// companions are readable by their owner only (mode 0600).
public final class ShopStore: Sendable {
    public let path: String
    public let clock: ShopClock
    let pool: DatabasePool
    let logger = Logger(label: "tora.store")

    /// How long a writer waits for another before giving up with `StoreError.busy`.
    public static let busyTimeout: TimeInterval = 10

    /// Where the database lives: `--db`, else `$TORA_DB`, else
    /// `$XDG_DATA_HOME/tora/tora.sqlite` (default `~/.local/share/tora/tora.sqlite`).
    public static func resolvePath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TORA_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/tora/tora.sqlite"
    }

    /// Opens the shop database at `path`.
    ///
    /// - `create`: make the file (and its folder, mode 0700) when missing; otherwise a
    ///   missing file is `StoreError.missingDatabase`, naming `tora init`.
    /// - A file made by a newer Tora Sera is refused (`newerSchema`) and left untouched;
    ///   a file that is not SQLite is refused (`io`).
    public init(path: String, clock: ShopClock = .system, create: Bool = false) throws {
        self.path = path
        self.clock = clock
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else {
                throw StoreError(.missingDatabase, "no shop database at \(path); create one with `tora init` (or `tora demo`)")
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !fileManager.fileExists(atPath: folder) {
                do {
                    try fileManager.createDirectory(
                        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw StoreError(.io, "cannot create the folder \(folder) for the shop database: \(error.localizedDescription)")
                }
            }
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError(.io, "cannot create the shop database \(path): permission denied or disk full")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .callback(ShopStore.waitForLock)
        configuration.foreignKeysEnabled = true
        configuration.label = "tora"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            try Self.refuseNewerSchema(path: path, configuration: configuration)
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB turns a WAL pool's writer to synchronous=NORMAL after prepareDatabase;
            // a completed sale must survive a power cut, so the writer is set back to FULL.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
        }
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
            try? fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// How a connection waits while another holds the write lock: SQLite's own busy
    /// timeout sleeps 1, 2, 5, 10, 15, 20… ms between tries, so with four tills a till
    /// often slept on long after the lock was free (a sale holds it about a millisecond).
    /// This tries again every 0.1 ms for the first 5 ms, then every millisecond, and gives
    /// up after `busyTimeout` (at least; sleeps only ever overshoot).
    @Sendable static func waitForLock(numberOfTries: Int) -> Bool {
        let quickTries = 50
        let waited: TimeInterval =
            numberOfTries < quickTries
            ? Double(numberOfTries) * 0.0001 : Double(quickTries) * 0.0001 + Double(numberOfTries - quickTries) * 0.001
        guard waited < busyTimeout else { return false }
        usleep(numberOfTries < quickTries ? 100 : 1000)
        return true
    }

    /// Looks at the migrations through a plain connection that writes nothing, so a shop
    /// from a newer Tora Sera is refused before anything could touch it.
    private static func refuseNewerSchema(path: String, configuration: Configuration) throws {
        let probe = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? probe.close() }
        let superseded = try probe.read { db in try Schema.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError(
                .newerSchema, "\(path) was written by a newer version of Tora Sera; upgrade tora to open it (nothing was changed)")
        }
    }

    /// The journal mode and `synchronous` level of the connection that writes, for a
    /// check that completed sales are durable (WAL, FULL = 2).
    public func durability() throws -> (journalMode: String, synchronous: Int) {
        try pool.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }

    /// Runs one write transaction, turning SQLite failures into `StoreError`s.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(updates)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
        } catch let error as CoreError {
            throw StoreError(error)
        }
    }

    /// Runs one read, turning SQLite failures into `StoreError`s.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(value)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// The current time and business day in the shop's time zone.
    func moment(_ db: Database) throws -> ShopMoment {
        moment(in: try Settings.timeZone(db))
    }

    /// The current time in `zone`: one reading of the clock serves a whole transaction,
    /// so a sale, its movements and its journal entry carry the same instant.
    func moment(in zone: TimeZone) -> ShopMoment {
        ShopMoment(clock.now, in: zone)
    }
}

/// One instant as the store records it: the UTC timestamp the database keeps, and the
/// business day, hour and wall-clock time of the shop's time zone.
struct ShopMoment {
    let at: String
    let day: String
    let hour: Int
    /// `2026-11-29 09:30`, for receipts.
    let local: String

    init(_ date: Date, in zone: TimeZone) {
        at = Timestamp.format(date)
        let parts = Timestamp.localParts(of: date, in: zone)
        day = parts.day
        hour = parts.hour
        local = parts.local
    }
}
