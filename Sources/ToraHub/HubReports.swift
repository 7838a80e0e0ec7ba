import PostgresNIO
import ToraCore
import ToraJournal

/// An outlet a report or a receipt page names: its number, cooperative, code and name.
public struct OutletName: Sendable, Hashable {
    public let id: Int64
    public let cooperative: String
    public let code: String
    public let name: String
}

extension HubDatabase {
    /// The outlet `code`, of `cooperative` when given; a code that two cooperatives use
    /// needs the cooperative. Unknown: `notFound` (exit 65).
    public func outlet(code: String, cooperative: String?) async throws -> OutletName {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT o.id, c.code, o.code, o.name FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
                WHERE o.code = \(code) AND (\(cooperative)::text IS NULL OR c.code = \(cooperative)::text)
                ORDER BY c.code
                """)
            var found: [OutletName] = []
            for try await (id, cooperative, code, name) in rows.decode((Int64, String, String, String).self) {
                found.append(OutletName(id: id, cooperative: cooperative, code: code, name: name))
            }
            guard let first = found.first else {
                let place = cooperative.map { " of cooperative \($0)" } ?? ""
                throw HubError(.notFound, "no outlet \(code)\(place) at this hub")
            }
            guard found.count == 1 else {
                let names = found.map(\.cooperative).joined(separator: ", ")
                throw HubError(.usage, "outlet \(code) is in several cooperatives (\(names)): give --cooperative")
            }
            return first
        }
    }

    /// Whether cooperative `code` is known to the hub.
    public func hasCooperative(_ code: String) async throws -> Bool {
        try await reachable { database in
            let rows = try await database.client.query("SELECT 1 FROM cooperatives WHERE code = \(code)")
            for try await _ in rows { return true }
            return false
        }
    }

    /// The Z report of `day` of one outlet, projected from its stored journal read in
    /// `seq` order from entry 1 (docs/journal-projection.md): the same `SalesReport` the
    /// outlet's own `tora report eod` gives for the entries the hub holds.
    public func dayReport(day: String, outlet: OutletName) async throws -> SalesReport {
        guard var projection = DayProjection(day: day) else {
            throw HubError(.usage, "'\(day)' is not a day of the calendar; write YYYY-MM-DD, like 2026-11-29")
        }
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT seq, at, actor, register, kind, payload, prev_hash, hash FROM journal_entries
                WHERE outlet_id = \(outlet.id) ORDER BY seq
                """)
            for try await (seq, at, actor, register, kind, payload, prevHash, hash) in rows.decode(
                (Int64, String, String, String?, String, String, String, String).self)
            {
                let entry = AuditEntry(
                    seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash, hash: hash)
                do {
                    try projection.add(entry)
                } catch {
                    throw HubError(.unreadable, "outlet \(outlet.code) of \(outlet.cooperative): \(error)")
                }
            }
        }
        return projection.report()
    }
}
