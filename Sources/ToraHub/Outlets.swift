import Foundation
import PostgresNIO
import ToraCore
import ToraJournal

/// One outlet as `tora-hub outlet list` shows it.
public struct OutletSummary: Sendable, Codable, Hashable {
    public let id: Int64
    public let cooperative: String
    public let code: String
    public let name: String
    public let enrolled: Bool
    public let state: String
    public let flagReason: String?
    /// UTC, ISO 8601; nil before the first sync.
    public let lastSync: String?
    public let head: JournalHead?

    enum CodingKeys: String, CodingKey {
        case id, cooperative, code, name, enrolled, state, head
        case flagReason = "flag_reason"
        case lastSync = "last_sync"
    }
}

extension HubDatabase {
    /// Adds an outlet to a cooperative (made when new) and returns its one-time enrolment
    /// code; only the code's hash is stored.
    public func addOutlet(cooperative: String, code: String, name: String) async throws -> String {
        for (label, value, limit) in [("cooperative", cooperative, 60), ("outlet code", code, 60), ("name", name, 120)] {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed == value, value.count <= limit else {
                throw HubError(.usage, "the \(label) must be 1 to \(limit) characters without leading or trailing spaces")
            }
        }
        let enrolment = EnrolmentCode.make()
        let codeHash = EnrolmentCode.hash(enrolment)
        try await reachable { database in
            do {
                try await database.transaction { connection in
                    try await connection.query(
                        "INSERT INTO cooperatives(code) VALUES (\(cooperative)) ON CONFLICT (code) DO NOTHING", logger: database.logger)
                    try await connection.query(
                        """
                        INSERT INTO outlets(cooperative_id, code, name, enrolment_code_hash)
                        SELECT id, \(code), \(name), \(codeHash) FROM cooperatives WHERE code = \(cooperative)
                        """, logger: database.logger)
                }
            } catch  where Self.sqlState(error) == "23505" {
                throw HubError(.duplicate, "outlet \(code) of cooperative \(cooperative) already exists")
            }
        }
        return enrolment
    }

    /// Every outlet, by cooperative and code.
    public func outlets() async throws -> [OutletSummary] {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT o.id, c.code, o.code, o.name, o.enrolled_at IS NOT NULL, o.state, o.flag_reason,
                       to_char(o.last_sync AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), o.head_seq, o.head_hash
                FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
                ORDER BY c.code, o.code
                """)
            var outlets: [OutletSummary] = []
            for try await (id, cooperative, code, name, enrolled, state, reason, lastSync, headSeq, headHash) in rows.decode(
                (Int64, String, String, String, Bool, String, String?, String?, Int64, String?).self)
            {
                let head = headSeq > 0 ? headHash.map { JournalHead(seq: headSeq, hash: $0) } : nil
                outlets.append(
                    OutletSummary(
                        id: id, cooperative: cooperative, code: code, name: name, enrolled: enrolled, state: state, flagReason: reason,
                        lastSync: lastSync, head: head))
            }
            return outlets
        }
    }

    /// The enrolled outlet's public key (raw 32 bytes), or nil for an unknown or not yet
    /// enrolled outlet.
    func publicKey(outlet: Int64) async throws -> [UInt8]? {
        try await reachable { database in
            let rows = try await database.client.query(
                "SELECT public_key FROM outlets WHERE id = \(outlet) AND public_key IS NOT NULL")
            for try await key in rows.decode(ByteBuffer.self) { return Array(key.readableBytesView) }
            return nil
        }
    }

    /// The outlet's acknowledged head: its last stored entry, nil when none.
    func head(outlet: Int64) async throws -> JournalHead? {
        try await reachable { database in
            let rows = try await database.client.query("SELECT head_seq, head_hash FROM outlets WHERE id = \(outlet)")
            for try await (seq, hash) in rows.decode((Int64, String?).self) {
                return seq > 0 ? hash.map { JournalHead(seq: seq, hash: $0) } : nil
            }
            return nil
        }
    }

    /// Flags the outlet with the first reason found (a later one does not replace it), in
    /// its own transaction so it holds although the batch that caused it was rolled back.
    func flag(outlet: Int64, reason: String) async throws {
        try await reachable { database in
            try await database.transaction { connection in
                try await connection.query(
                    """
                    INSERT INTO outlet_events(outlet_id, kind, detail)
                    SELECT id, 'flagged', \(reason) FROM outlets WHERE id = \(outlet) AND state = 'ok'
                    """, logger: database.logger)
                try await connection.query(
                    """
                    UPDATE outlets SET state = 'flagged', flag_reason = COALESCE(flag_reason, \(reason)),
                        flagged_at = COALESCE(flagged_at, now())
                    WHERE id = \(outlet)
                    """, logger: database.logger)
            }
        }
    }
}
