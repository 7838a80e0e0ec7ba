import Foundation
import GRDB

/// What a file at a shop path holds, found through a read-only connection that changes
/// nothing, so a file that is not a shop is refused exactly as it was (docs/sign-in-and-files.md).
///
/// A shop file carries SQLite's `application_id` `ShopFile.applicationID` ("TORA" in
/// ASCII). A shop made before the id existed has 0 there and Tora's own migrations; it is
/// still a shop and gets the id on its first write-open. An SQLite file with nothing in it
/// (no tables, id 0) is taken as new. Anything else is another program's file.
enum ShopFile {
    /// `0x544F5241`, the ASCII of "TORA".
    static let applicationID: Int32 = 0x544F_5241

    enum Kind: Equatable {
        /// A zero-length file or an SQLite file with no schema at all.
        case empty
        /// A Tora Sera shop; `needsUpgrade` when migrations are missing, `hasID` when its
        /// `application_id` is already set.
        case shop(needsUpgrade: Bool, hasID: Bool)
    }

    /// Looks at the file at `path` without writing; throws `notAShop` for another
    /// program's file, `newerSchema` for a shop of a newer Tora Sera.
    static func inspect(_ path: String) throws -> Kind {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber, size.intValue == 0 {
            return .empty
        }
        do {
            return try readOnlyQueue(path).read { db in try kind(db, path: path) }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private static func kind(_ db: Database, path: String) throws -> Kind {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if id == 0 && objects == 0 { return .empty }
        let hasMigrations = try db.tableExists("grdb_migrations")
        let hasShopMigration =
            hasMigrations
            ? try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = 'v1-shop'") ?? false : false
        guard id == applicationID || (id == 0 && hasShopMigration) else {
            throw StoreError(
                .notAShop,
                "\(path) is not a Tora Sera shop (another program's SQLite database); it was left as it was — give the shop its own file"
            )
        }
        if try Schema.migrator.hasBeenSuperseded(db) {
            throw StoreError(
                .newerSchema, "\(path) was written by a newer version of Tora Sera; upgrade tora to open it (nothing was changed)")
        }
        let complete = hasMigrations ? try Schema.migrator.hasCompletedMigrations(db) : false
        return .shop(needsUpgrade: !complete, hasID: id == applicationID)
    }

    /// A read-only connection to `path`. A WAL file in a folder that cannot be written (a
    /// copy on a read-only disk) cannot get its `-shm` companion; such a file is opened as
    /// `immutable`, which SQLite reads without any companion file.
    static func readOnlyQueue(_ path: String, configuration base: Configuration = Configuration()) throws -> DatabaseQueue {
        var configuration = base
        configuration.readonly = true
        // Tills may be writing: a reader can meet a lock while the WAL index is set up.
        configuration.busyMode = .timeout(ShopStore.busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where needsImmutable(error) {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
    }

    /// Whether a read-only open failed only because SQLite could not make or lock the
    /// WAL's shared-memory file next to the database.
    static func needsImmutable(_ error: DatabaseError) -> Bool {
        [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR].contains(error.resultCode)
    }

    /// `file:` URI of `path` with `immutable=1`, its special characters percent-encoded.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }
}
