import PostgresNIO
import ToraCore

/// One business day over a cooperative's outlets (or every outlet of the hub), read from
/// the materialized days (docs/hub.md "The cooperative's Z report"): the sum, and each
/// outlet's line.
public struct CooperativeDay: Sendable {
    public struct Line: Sendable {
        public let outlet: OutletName
        /// The outlet's day; zero when nothing of the day reached the hub.
        public let totals: DayTotals
    }

    public let day: String
    /// The cooperative asked for; nil for the whole hub.
    public let cooperative: String?
    public let lines: [Line]

    public var total: DayTotals {
        var sum = DayTotals()
        for line in lines { sum.add(line.totals) }
        return sum
    }
}

extension HubDatabase {
    /// `day` over every outlet of `cooperative` (or of the hub), one row per outlet read
    /// from `outlet_days` (without the members' purchases, which it does not show);
    /// outlets with nothing of the day count as zero.
    public func cooperativeDay(day: String, cooperative: String?) async throws -> CooperativeDay {
        guard BusinessDay(day) != nil else {
            throw HubError(.usage, "'\(day)' is not a day of the calendar; write YYYY-MM-DD, like 2026-11-29")
        }
        return try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT o.id, c.code, o.code, o.name, (d.totals::jsonb - 'member_purchases')::text FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
                LEFT JOIN outlet_days d ON d.outlet_id = o.id AND d.business_day = \(day)::date
                WHERE \(cooperative)::text IS NULL OR c.code = \(cooperative)::text
                ORDER BY c.code, o.code
                """)
            var lines: [CooperativeDay.Line] = []
            for try await (id, cooperative, code, name, totals) in rows.decode((Int64, String, String, String, String?).self) {
                let outlet = OutletName(id: id, cooperative: cooperative, code: code, name: name)
                lines.append(CooperativeDay.Line(outlet: outlet, totals: try totals.map(HubProjections.decode) ?? DayTotals()))
            }
            return CooperativeDay(day: day, cooperative: cooperative, lines: lines)
        }
    }
}
