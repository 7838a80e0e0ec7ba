import Foundation
import GRDB
import Logging
import ToraCore

/// The shop's one database file (docs/sign-in-and-files.md): catalogue, members, users, stock, settings
/// and the audit journal. Owns the connection pool; every write is one transaction.
///
/// Opened in WAL mode with foreign keys on, `synchronous=FULL` and a busy timeout, so
/// several tills and a manager's command can use one file at once. The file and its WAL
/// companions are readable by their owner only (mode 0600).
public final class ShopStore: Sendable, ShopDatabaseAccess {
    /// The pool, path and clock every focused store of this file shares.
    let database: ShopDatabase
    /// Where the shop file is.
    public var path: String { database.path }
    /// The clock every change of this shop is stamped with.
    public let clock: ShopClock

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

    /// How a command opens the shop: to change it, or only to read it.
    public enum Access: Sendable {
        /// Migrations run, `application_id` is set, the file is kept at mode 0600.
        case readWrite
        /// Nothing is written, so a read-only file or a backup copy opens too; a write
        /// fails with SQLite's "attempt to write a readonly database" (exit 74).
        case readOnly
    }

    /// Whether this store was opened with `Access.readOnly`.
    public let isReadOnly: Bool

    /// Opens the shop database at `path`.
    ///
    /// - `create`: make the file (and its folder, mode 0700) when missing; otherwise a
    ///   missing file is `StoreError.missingDatabase`, naming `tora init`.
    /// - A file made by a newer Tora Sera is refused (`newerSchema`), another program's
    ///   SQLite file is refused (`notAShop`), both left exactly as they were; a file that
    ///   is not SQLite is refused (`io`).
    /// - `readOnly` writes nothing; a shop whose migrations are behind is first brought up
    ///   to date when its file can be written (it cannot be read by this version otherwise).
    public init(path: String, clock: ShopClock = .system, create: Bool = false, access: Access = .readWrite) throws {
        self.clock = clock
        self.isReadOnly = access == .readOnly
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create, access == .readWrite else {
                throw StoreError(.missingDatabase, "no shop database at \(path); create one with `tora init` (or `tora demo`)")
            }
            try Self.createFile(path)
        }
        var configuration = Configuration()
        configuration.busyMode = .callback(ShopStore.waitForLock)
        configuration.foreignKeysEnabled = true
        configuration.label = "tora"
        if access == .readOnly {
            let pool = try Self.openForReading(path: path, clock: clock, configuration: configuration)
            database = ShopDatabase(pool: pool, path: path, clock: clock)
            return
        }
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let kind = try ShopFile.inspect(path)
            let pool = try DatabasePool(path: path, configuration: configuration)
            database = ShopDatabase(pool: pool, path: path, clock: clock)
            // GRDB turns a WAL pool's writer to synchronous=NORMAL after prepareDatabase;
            // a completed sale must survive a power cut, so the writer is set back to FULL.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Schema.migrator.migrate(pool)
            if kind != .shop(needsUpgrade: false, hasID: true) {
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = \(ShopFile.applicationID)") }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
        }
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
            try? fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    private static func createFile(_ path: String) throws {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !fileManager.fileExists(atPath: folder) {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.io, "cannot create the folder \(folder) for the shop database: \(error.localizedDescription)")
            }
        }
        guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.io, "cannot create the shop database \(path): permission denied or disk full")
        }
    }

    /// A read-only pool on the shop at `path`: `immutable` when the file's folder cannot
    /// hold the WAL's companions (a copy on a read-only disk).
    private static func openForReading(path: String, clock: ShopClock, configuration base: Configuration) throws -> DatabasePool {
        var configuration = base
        configuration.readonly = true
        do {
            switch try ShopFile.inspect(path) {
            case .empty:
                throw StoreError(.missingDatabase, "\(path) holds no shop yet; create one with `tora init`")
            case .shop(needsUpgrade: true, _):
                guard FileManager.default.isWritableFile(atPath: path) else {
                    throw StoreError(
                        .io, "\(path) was written by an older Tora Sera and this copy is read-only; open a writable copy once to upgrade it"
                    )
                }
                _ = try ShopStore(path: path, clock: clock)
            case .shop:
                break
            }
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM settings") }
                return pool
            } catch let error as DatabaseError where ShopFile.needsImmutable(error) {
                let pool = try DatabasePool(path: ShopFile.immutableURI(path), configuration: configuration)
                try pool.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM settings") }
                return pool
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
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

    /// The journal mode and `synchronous` level of the connection that writes, for a
    /// check that completed sales are durable (WAL, FULL = 2).
    public func durability() throws -> (journalMode: String, synchronous: Int) {
        try pool.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
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

    /// `day` as a `BusinessDay`; the clock's own reading is always a day of the calendar.
    var businessDay: BusinessDay {
        get throws {
            guard let day = BusinessDay(day) else {
                throw StoreError(.invalidInput, "the clock reads a day that is not on the calendar: \(day)")
            }
            return day
        }
    }

    init(_ date: Date, in zone: TimeZone) {
        at = Timestamp.format(date)
        let parts = Timestamp.localParts(of: date, in: zone)
        day = parts.day
        hour = parts.hour
        local = parts.local
    }
}
