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
