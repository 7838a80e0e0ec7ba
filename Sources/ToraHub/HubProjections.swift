import Foundation
import PostgresNIO
import ToraCore
import ToraJournal

/// The materialized days (docs/hub.md "Materialized days"): each outlet's business days'
/// additive Z figures in `outlet_days`, and members' names in `member_names`, updated in
/// the transaction that stores a verified batch, so the cooperative's figures read one
/// row per outlet and day instead of folding journals.
enum HubProjections {
    static let migration = "4-hubdash-outlet-days"

    static let tables = [
        """
        CREATE TABLE outlet_days (
            outlet_id bigint NOT NULL REFERENCES outlets(id),
            business_day date NOT NULL,
            sales_count bigint NOT NULL,
            net bigint NOT NULL,
            cash bigint NOT NULL,
            local_net bigint NOT NULL,
            totals text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (outlet_id, business_day)
        )
        """,
        "CREATE INDEX outlet_days_day ON outlet_days (business_day)",
        """
        CREATE TABLE member_names (
            cooperative_id bigint NOT NULL REFERENCES cooperatives(id),
            number text NOT NULL,
            name text NOT NULL,
            at text NOT NULL,
            PRIMARY KEY (cooperative_id, number)
        )
        """,
    ]

    static func encode(_ totals: DayTotals) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(totals), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> DayTotals {
        try JSONDecoder().decode(DayTotals.self, from: Data(text.utf8))
    }
}

extension HubDatabase {
    /// What `write` does to the outlet's head: leaves it, or sets it (nil: no entries).
    enum HeadWrite {
        case keep
        case set(JournalHead?)
    }

    /// The stored totals of the outlet's `days` (`YYYY-MM-DD`).
    func storedTotals(outlet: Int64, days: [String], on connection: PostgresConnection) async throws -> [String: DayTotals] {
        guard !days.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT business_day::text, totals FROM outlet_days WHERE outlet_id = \(outlet) AND business_day = ANY(\(days)::date[])
            """, logger: logger)
        var stored: [String: DayTotals] = [:]
        for try await (day, text) in rows.decode((String, String).self) { stored[day] = try HubProjections.decode(text) }
        return stored
    }

    /// Writes what `fold` (of new entries of the outlet, in `seq` order) adds to its days,
    /// on top of `stored` (those days' totals so far), its members' names, and the outlet's
    /// new head when `head` is given: in ONE statement on the connection of the transaction
    /// that stores the entries (a statement is a round trip, the most of a push's time on
    /// the hub after reading: docs/performance.md "Hub").
    func write(
        _ fold: DayTotalsFold, onto stored: [String: DayTotals], head: HeadWrite, outlet: Int64, on connection: PostgresConnection
    ) async throws {
        let days = fold.days.keys.sorted()
        let totals = days.map { day in
            var totals = stored[day] ?? DayTotals()
            totals.add(fold.days[day] ?? DayTotals())
            return totals
        }
        let members = fold.members.sorted { $0.key < $1.key }
        var (setsHead, newHead): (Bool, JournalHead?) = (false, nil)
        if case .set(let given) = head { (setsHead, newHead) = (true, given) }
        let headSeq = newHead?.seq ?? 0
        let headHash = newHead?.hash
        try await connection.query(
            """
            WITH head AS (
                UPDATE outlets SET head_seq = \(headSeq), head_hash = \(headHash), last_sync = now()
                WHERE id = \(outlet) AND \(setsHead)
            ), days AS (
                INSERT INTO outlet_days(outlet_id, business_day, sales_count, net, cash, local_net, totals)
                SELECT \(outlet), d.day::date, d.sales_count, d.net, d.cash, d.local_net, d.totals
                FROM unnest(\(days)::text[], \(totals.map { Int64($0.salesCount) })::bigint[], \(totals.map(\.net))::bigint[],
                            \(totals.map(\.cash))::bigint[], \(totals.map(\.localNet))::bigint[],
                            \(try totals.map(HubProjections.encode))::text[])
                    AS d(day, sales_count, net, cash, local_net, totals)
                ON CONFLICT (outlet_id, business_day) DO UPDATE SET sales_count = excluded.sales_count, net = excluded.net,
                    cash = excluded.cash, local_net = excluded.local_net, totals = excluded.totals, updated_at = now()
            )
            INSERT INTO member_names(cooperative_id, number, name, at)
            SELECT o.cooperative_id, m.number, m.name, m.at
            FROM outlets o, unnest(\(members.map(\.key))::text[], \(members.map(\.value.name))::text[], \(members.map(\.value.at))::text[])
                AS m(number, name, at)
            WHERE o.id = \(outlet)
            ON CONFLICT (cooperative_id, number) DO UPDATE SET name = excluded.name, at = excluded.at
            WHERE member_names.at <= excluded.at
            """, logger: logger)
    }

    /// Rebuilds the materialized days of every outlet (or of `outletID`) from the journals
    /// the hub holds, each outlet in one transaction with its row locked (so its pushes
    /// wait); returns how many outlets and entries were read.
    public func rebuildProjections(outletID: Int64? = nil) async throws -> (outlets: Int, entries: Int) {
        try await reachable { database in
            var ids: [Int64] = []
            let rows = try await database.client.query(
                "SELECT id FROM outlets WHERE (\(outletID)::bigint IS NULL OR id = \(outletID)::bigint) ORDER BY id")
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            var entries = 0
            for id in ids {
                entries += try await database.transaction { connection in
                    try await database.rebuild(outlet: id, on: connection)
                }
            }
            return (ids.count, entries)
        }
    }

    private func rebuild(outlet: Int64, on connection: PostgresConnection) async throws -> Int {
        try await connection.query("SELECT 1 FROM outlets WHERE id = \(outlet) FOR UPDATE", logger: logger)
        try await connection.query("DELETE FROM outlet_days WHERE outlet_id = \(outlet)", logger: logger)
        var after: Int64 = 0
        var count = 0
        // In stretches of one batch's size, as the entries arrived.
        while true {
            let rows = try await connection.query(
                """
                SELECT seq, at, actor, register, kind, payload, prev_hash, hash FROM journal_entries
                WHERE outlet_id = \(outlet) AND seq > \(after) ORDER BY seq LIMIT \(Int64(HubWire.maxBatchEntries))
                """, logger: logger)
            var stretch: [AuditEntry] = []
            for try await (seq, at, actor, register, kind, payload, prevHash, hash) in rows.decode(
                (Int64, String, String, String?, String, String, String, String).self)
            {
                stretch.append(
                    AuditEntry(
                        seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash, hash: hash))
            }
            guard let last = stretch.last else { return count }
            let fold = DayTotalsFold(stretch)
            let stored = try await storedTotals(outlet: outlet, days: Array(fold.days.keys), on: connection)
            try await write(fold, onto: stored, head: .keep, outlet: outlet, on: connection)
            after = last.seq
            count += stretch.count
        }
    }
}

extension HubDatabase {
    /// The migration that adds the materialized days: `migrate` rebuilds them when it applies it.
    public static var projectionsMigration: String { HubProjections.migration }
}
