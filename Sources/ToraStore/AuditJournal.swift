import Crypto
import GRDB
import ToraCore

/// One entry of the audit journal (docs/audit-journal.md).
public struct AuditEntry: Sendable, Hashable {
    public let seq: Int64
    /// UTC, ISO 8601.
    public let at: String
    public let actor: String
    public let register: String?
    public let kind: String
    /// The canonical JSON text of the facts recorded.
    public let payload: String
    public let prevHash: String
    public let hash: String

    init(row: Row) {
        seq = row["seq"]
        at = row["at"]
        actor = row["actor"]
        register = row["register"]
        kind = row["kind"]
        payload = row["payload"]
        prevHash = row["prev_hash"]
        hash = row["hash"]
    }

    /// The SHA-256 (hex) this entry must carry: over the canonical JSON of all its fields
    /// and the previous entry's hash, so no field of any entry can change unnoticed.
    public var expectedHash: String {
        AuditJournal.hash(seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash)
    }
}

/// The append-only, hash-chained journal. Entries are written inside the transaction of
/// the change they record, so a change and its entry are both there or neither is.
enum AuditJournal {
    /// The `prev_hash` of the first entry.
    static let genesisHash = String(repeating: "0", count: 64)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends an entry at `at` (the transaction's moment), or at the clock's now.
    @discardableResult
    static func append(
        _ db: Database, store: ShopStore, kind: String, actor: String, register: String? = nil,
        payload: [String: JSONValue], at moment: ShopMoment? = nil
    ) throws -> (seq: Int64, hash: String) {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let prevHash: String = last?["hash"] ?? genesisHash
        let at = moment?.at ?? Timestamp.format(store.clock.now)
        let text = JSONValue.object(payload).canonical
        let hash = hash(seq: seq, at: at, actor: actor, register: register, kind: kind, payload: text, prevHash: prevHash)
        try db.cachedStatement(
            sql: "INSERT INTO audit_journal(seq, at, actor, register, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [seq, at, actor, register, kind, text, prevHash, hash])
        return (seq, hash)
    }

    static func hash(seq: Int64, at: String, actor: String, register: String?, kind: String, payload: String, prevHash: String) -> String {
        var text = "{\"actor\":"
        JSONValue.writeString(actor, into: &text)
        text += ",\"at\":"
        JSONValue.writeString(at, into: &text)
        text += ",\"kind\":"
        JSONValue.writeString(kind, into: &text)
        text += ",\"payload\":" + payload + ",\"prev\":"
        JSONValue.writeString(prevHash, into: &text)
        text += ",\"register\":"
        JSONValue.optional(register).write(into: &text)
        text += ",\"seq\":\(seq)}"
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

extension ShopStore {
    /// The most recent `limit` entries, newest last; all of a kind when `kind` is given.
    public func auditEntries(last limit: Int, kind: String? = nil) throws -> [AuditEntry] {
        try read { db in
            let rows: [Row]
            if let kind {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM audit_journal WHERE kind = ? ORDER BY seq DESC LIMIT ?", arguments: [kind, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_journal ORDER BY seq DESC LIMIT ?", arguments: [limit])
            }
            return rows.reversed().map(AuditEntry.init(row:))
        }
    }
}
