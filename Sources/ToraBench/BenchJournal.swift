import GRDB
import ToraCore
import ToraStore

/// One audit journal row written by the bulk path, chained and hashed as
/// docs/audit-journal.md defines, so `tora audit verify` checks the generated books.
struct AuditRow: Sendable {
    let seq: Int64
    let at: String
    let actor: String
    let register: String?
    let kind: String
    let payload: String
    let previousHash: String
    let hash: String

    /// The entry after `seq`/`hash`, which both move on to it.
    static func next(
        seq: inout Int64, hash: inout String, kind: String, actor: String, register: String?, at: String, payload: JSONValue
    ) -> AuditRow {
        let text = payload.canonical
        let previous = hash
        seq += 1
        let entry =
            "{\"actor\":\(JSONValue.string(actor).canonical),\"at\":\(JSONValue.string(at).canonical),"
            + "\"kind\":\(JSONValue.string(kind).canonical),\"payload\":\(text),\"prev\":\(JSONValue.string(previous).canonical),"
            + "\"register\":\(JSONValue.optional(register).canonical),\"seq\":\(seq)}"
        hash = HistoryPlanner.sha256(entry)
        return AuditRow(seq: seq, at: at, actor: actor, register: register, kind: kind, payload: text, previousHash: previous, hash: hash)
    }

    /// The newest entry's seq and hash (zeros before the first).
    static func head(_ db: Database) throws -> (seq: Int64, hash: String) {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1")
        return (last?["seq"] ?? 0, last?["hash"] ?? String(repeating: "0", count: 64))
    }

    func insert(_ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO audit_journal(seq, at, actor, register, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [seq, at, actor, register, kind, payload, previousHash, hash])
    }

    /// The payload a stock movement's entry carries (as `StockStore.recordMovement` writes it).
    static func movementPayload(id: Int64, sku: String, quantity: Int64, unitCost: Int64?, reason: String?, party: String?) -> JSONValue {
        .object([
            "movement": .int(id), "sku": .string(sku), "quantity": .int(quantity), "unit_cost": unitCost.map { .int($0) } ?? .null,
            "reason": .optional(reason), "party": .optional(party), "reference": .null,
        ])
    }
}
