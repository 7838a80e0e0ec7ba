import GRDB

/// Changes an audit journal row behind the program's back, as a forger with the file
/// and the sqlite3 tool would: drop the guard trigger, rewrite the payload.
public enum GRDBTamper {
    public static func rewrite(db path: String, seq: Int64, payload: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_journal_no_update")
            try db.execute(sql: "UPDATE audit_journal SET payload = ? WHERE seq = ?", arguments: [payload, seq])
        }
    }
}

extension GRDBTamper {
    /// Records a migration this version does not know, as a newer Tora Sera would.
    public static func addMigration(db path: String, identifier: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES (?)", arguments: [identifier])
        }
        // Into the main file, so a byte comparison sees the whole database.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }
}

extension GRDBTamper {
    /// Sets a product's cached on-hand without a movement, as a bad edit with the sqlite3
    /// tool would.
    public static func setOnHand(db path: String, sku: String, thousandths: Int64) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE products SET on_hand = ? WHERE sku = ?", arguments: [thousandths, sku])
        }
        try queue.close()
    }
}

extension GRDBTamper {
    /// Makes every new completed sale fail inside its transaction, as a disk fault would.
    public static func refuseSales(db path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TRIGGER test_refuse_sales BEFORE INSERT ON sales BEGIN SELECT RAISE(ABORT, 'disk fault (test)'); END")
        }
        try queue.close()
    }

    /// Undoes `refuseSales`.
    public static func allowSales(db path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "DROP TRIGGER test_refuse_sales") }
        try queue.close()
    }

    /// Drops the catalogue's full-text index, so a search fails inside SQLite with a
    /// message of its own ("no such table").
    public static func dropSearchIndex(db path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "DROP TABLE products_fts") }
        try queue.close()
    }
}

extension GRDBTamper {
    /// Runs any SQL on a shop file outside a transaction, as the sqlite3 tool would.
    public static func execute(db path: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }
}

extension GRDBTamper {
    /// The first column of the first row of `sql` as text ("" for none or NULL), read
    /// straight from the file, as an auditor with sqlite3 would.
    public static func query(db path: String, sql: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: sql) } ?? ""
    }
}
