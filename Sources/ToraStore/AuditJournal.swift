import GRDB
import ToraCore
import ToraJournal

extension AuditEntry {
    init(row: Row) {
        self.init(
            seq: row["seq"], at: row["at"], actor: row["actor"], register: row["register"], kind: row["kind"], payload: row["payload"],
            prevHash: row["prev_hash"], hash: row["hash"])
    }
}

/// The append-only, hash-chained journal. Entries are written inside the transaction of
/// the change they record, so a change and its entry are both there or neither is.
enum AuditJournal {
    /// The `prev_hash` of the first entry.
    static let genesisHash = JournalHash.genesis

    /// Appends an entry at `at` (the transaction's moment), or at the clock's now.
    @discardableResult
    static func append(
        _ db: Database, store: some ShopDatabaseAccess, kind: JournalKind, actor: String, register: RegisterID? = nil,
        payload: [String: JSONValue], at moment: ShopMoment? = nil
    ) throws -> (seq: Int64, hash: String) {
        let last = try JournalHeadRecord.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1"))?
            .head
        let seq = (last?.seq ?? 0) + 1
        let prevHash = last?.hash ?? genesisHash
        let at = moment?.at ?? Timestamp.format(store.clock.now)
        let text = JSONValue.object(payload).canonical
        let hash = hash(seq: seq, at: at, actor: actor, register: register?.text, kind: kind.rawValue, payload: text, prevHash: prevHash)
        try db.cachedStatement(
            sql: "INSERT INTO audit_journal(seq, at, actor, register, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [seq, at, actor, register, kind.rawValue, text, prevHash, hash])
        return (seq, hash)
    }

    static func hash(seq: Int64, at: String, actor: String, register: String?, kind: String, payload: String, prevHash: String) -> String {
        JournalHash.hex(
            of: JournalHash.canonicalText(
                seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash))
    }
}

extension JournalStore {
    /// The most recent `limit` entries, newest last; all of a kind when `kind` is given.
    public func auditEntries(last limit: Int, kind: String? = nil) throws -> [AuditEntry] {
        try read { db in
            let records: [AuditEntryRecord]
            if let kind {
                records = try AuditEntryRecord.fetchAll(
                    db, sql: "SELECT * FROM audit_journal WHERE kind = ? ORDER BY seq DESC LIMIT ?", arguments: [kind, limit])
            } else {
                records = try AuditEntryRecord.fetchAll(
                    db, sql: "SELECT * FROM audit_journal ORDER BY seq DESC LIMIT ?", arguments: [limit])
            }
            return records.reversed().map(\.entry)
        }
    }
}
