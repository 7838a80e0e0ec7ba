import PostgresNIO
import ToraCore
import ToraJournal

/// What the public receipt page says about one receipt (docs/hub.md, "Members check
/// receipts"): the outlet, the business day, the receipt number, the total and whether
/// its journal entry sits in the outlet's verified chain at the hub. No member, no NIK:
/// nothing of the payload but the receipt number and total is read out.
public struct ReceiptStatus: Sendable, Codable, Hashable {
    public enum State: String, Sendable, Codable {
        /// Stored, its bytes give its hash, and it links to the entry before it.
        case verified
        /// Stored, but its bytes or its link no longer check out.
        case broken
        /// The hub holds no entry with this hash (yet).
        case notSynced = "not_synced"
    }

    public let state: State
    public let hash: String
    public var cooperative: String?
    public var outlet: String?
    public var outletName: String?
    /// The outlet is flagged (a later batch did not continue its journal).
    public var outletFlagged: Bool?
    /// `sale` or `refund`.
    public var kind: String?
    public var receipt: String?
    public var businessDay: String?
    public var total: Int64?
    public var seq: Int64?

    init(state: State, hash: String) {
        self.state = state
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case state, hash, cooperative, outlet, kind, receipt, total, seq
        case outletName = "outlet_name"
        case outletFlagged = "outlet_flagged"
        case businessDay = "business_day"
    }

    /// Whether `text` can be a receipt's hash: 64 hex digits.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.allSatisfy(\.isHexDigit)
    }
}

extension HubDatabase {
    /// The receipt whose journal entry has `hash` (64 hex digits), as the hub holds it.
    public func receipt(hash: String) async throws -> ReceiptStatus {
        let hash = hash.lowercased()
        return try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT j.outlet_id, j.seq, j.at, j.actor, j.register, j.kind, j.payload, j.prev_hash,
                       c.code, o.code, o.name, o.state
                FROM journal_entries j JOIN outlets o ON o.id = j.outlet_id JOIN cooperatives c ON c.id = o.cooperative_id
                WHERE j.hash = \(hash) AND j.kind IN ('sale.completed', 'refund.completed')
                ORDER BY j.outlet_id LIMIT 1
                """)
            var found: (Int64, Int64, String, String, String?, String, String, String, String, String, String, String)?
            for try await row in rows.decode(
                (Int64, Int64, String, String, String?, String, String, String, String, String, String, String).self)
            {
                found = row
            }
            guard let (outlet, seq, at, actor, register, kind, payload, prevHash, cooperative, code, name, state) = found else {
                return ReceiptStatus(state: .notSynced, hash: hash)
            }
            let entry = AuditEntry(
                seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash, hash: hash)
            let previous = seq == 1 ? JournalHash.genesis : try await database.storedHash(outlet: outlet, seq: seq - 1)
            let intact = entry.expectedHash == hash && previous == prevHash
            var status = ReceiptStatus(state: intact ? .verified : .broken, hash: hash)
            (status.cooperative, status.outlet, status.outletName) = (cooperative, code, name)
            status.outletFlagged = state != "ok"
            status.kind = kind == "sale.completed" ? "sale" : "refund"
            status.seq = seq
            let facts = JSONValue.parse(payload)
            status.receipt = facts?["receipt"]?.stringValue
            status.total = facts?["total"]?.intValue.map { $0 < 0 ? -$0 : $0 }
            status.businessDay = status.receipt.flatMap(Self.businessDay(receipt:))
            return status
        }
    }

    private func storedHash(outlet: Int64, seq: Int64) async throws -> String? {
        let rows = try await client.query("SELECT hash FROM journal_entries WHERE outlet_id = \(outlet) AND seq = \(seq)")
        for try await hash in rows.decode(String.self) { return hash }
        return nil
    }

    /// `YYYY-MM-DD` of a receipt number `RR-YYYYMMDD-NNNN`: the business day its shift opened.
    static func businessDay(receipt: String) -> String? {
        let parts = receipt.split(separator: "-")
        guard parts.count == 3, parts[1].count == 8, parts[1].allSatisfy(\.isNumber) else { return nil }
        let day = parts[1]
        let text = "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))"
        return BusinessDay(text)?.text
    }
}
