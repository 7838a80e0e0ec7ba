import Foundation
import PostgresNIO
import ToraCore
import ToraJournal

/// One line of an outlet's history at the hub (`tora-hub outlet events`).
public struct OutletEvent: Sendable, Equatable {
    /// UTC, ISO 8601.
    public let at: String
    /// `flagged`, `cleared`, `rekey_issued` or `rekeyed`.
    public let kind: String
    public let detail: String
}

/// Clearing a flag and giving an outlet a new key (docs/hub.md "Flags and keys"). Neither
/// touches the journal the hub holds: a cleared outlet's next batch is checked against it
/// as every batch is, and a re-keyed outlet continues it.
extension HubDatabase {
    /// Lifts the flag of a flagged outlet; `reason` (who decided, and why) is kept in its
    /// events. Returns the head its next batch must continue.
    public func clearFlag(cooperative: String, outlet code: String, reason: String) async throws -> JournalHead? {
        let reason = try Self.checkedReason(reason)
        return try await reachable { database in
            try await database.transaction { connection in
                let (id, state, flagReason, head) = try await database.lockOutlet(cooperative, code, on: connection)
                guard state == "flagged" else {
                    throw HubError(.usage, "outlet \(code) of \(cooperative) is not flagged; nothing to clear")
                }
                let detail = "\(reason) (was: \(flagReason ?? "no reason recorded"))"
                try await connection.query(
                    "INSERT INTO outlet_events(outlet_id, kind, detail) VALUES (\(id), 'cleared', \(detail))", logger: database.logger)
                try await connection.query(
                    "UPDATE outlets SET state = 'ok', flag_reason = NULL, flagged_at = NULL WHERE id = \(id)", logger: database.logger)
                return head
            }
        }
    }

    /// Revokes the outlet's key at once and returns a new one-time enrolment code for the
    /// shop's `tora hub join URL --code CODE --rekey`. The journal and its head stay.
    public func rekey(cooperative: String, outlet code: String, reason: String) async throws -> String {
        let reason = try Self.checkedReason(reason)
        let enrolment = EnrolmentCode.make()
        let codeHash = EnrolmentCode.hash(enrolment)
        try await reachable { database in
            try await database.transaction { connection in
                let (id, _, _, _) = try await database.lockOutlet(cooperative, code, on: connection)
                try await connection.query(
                    "INSERT INTO outlet_events(outlet_id, kind, detail) VALUES (\(id), 'rekey_issued', \(reason))",
                    logger: database.logger)
                try await connection.query(
                    """
                    UPDATE outlets SET public_key = NULL, enrolled_at = NULL, enrolment_code_hash = \(codeHash)
                    WHERE id = \(id)
                    """, logger: database.logger)
            }
        }
        return enrolment
    }

    /// The outlet's events, oldest first.
    public func events(cooperative: String, outlet code: String) async throws -> [OutletEvent] {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), e.kind, e.detail
                FROM outlet_events e JOIN outlets o ON o.id = e.outlet_id JOIN cooperatives c ON c.id = o.cooperative_id
                WHERE c.code = \(cooperative) AND o.code = \(code)
                ORDER BY e.id
                """)
            var events: [OutletEvent] = []
            for try await (at, kind, detail) in rows.decode((String, String, String).self) {
                events.append(OutletEvent(at: at, kind: kind, detail: detail))
            }
            if events.isEmpty, try await database.outletExists(cooperative, code) == false {
                throw HubError(.notFound, "no outlet \(code) in cooperative \(cooperative)")
            }
            return events
        }
    }

    /// The outlet's id, state, flag reason and head, its row locked for the transaction.
    private func lockOutlet(_ cooperative: String, _ code: String, on connection: PostgresConnection) async throws -> (
        Int64, String, String?, JournalHead?
    ) {
        let rows = try await connection.query(
            """
            SELECT o.id, o.state, o.flag_reason, o.head_seq, o.head_hash
            FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
            WHERE c.code = \(cooperative) AND o.code = \(code) FOR UPDATE OF o
            """, logger: logger)
        for try await (id, state, reason, seq, hash) in rows.decode((Int64, String, String?, Int64, String?).self) {
            return (id, state, reason, seq > 0 ? hash.map { JournalHead(seq: seq, hash: $0) } : nil)
        }
        throw HubError(.notFound, "no outlet \(code) in cooperative \(cooperative)")
    }

    private func outletExists(_ cooperative: String, _ code: String) async throws -> Bool {
        let rows = try await client.query(
            """
            SELECT 1 FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
            WHERE c.code = \(cooperative) AND o.code = \(code)
            """)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// A reason is required: the events are what an auditor reads later.
    private static func checkedReason(_ reason: String) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 300 else {
            throw HubError(.usage, "--reason must say who decided and why, in 1 to 300 characters")
        }
        return trimmed
    }
}
