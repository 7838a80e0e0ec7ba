import PostgresNIO
import ToraCore

/// What the dashboard at `/` shows (docs/hub.md "The dashboard"): every outlet with its
/// last sync, journal head and state, and seven business days of the materialized days.
public struct Dashboard: Sendable {
    public let outlets: [OutletSummary]
    /// The seven business days shown, oldest first.
    public let days: [String]
    /// Outlet id → business day → the outlet's day.
    public let sales: [Int64: [String: DayTotals]]

    /// The outlet's seven days summed.
    func week(_ outlet: Int64) -> DayTotals {
        var sum = DayTotals()
        for totals in (sales[outlet] ?? [:]).values { sum.add(totals) }
        return sum
    }

    /// Every outlet's seven days summed.
    var all: DayTotals {
        var sum = DayTotals()
        for outlet in outlets { sum.add(week(outlet.id)) }
        return sum
    }
}

extension HubDatabase {
    /// The dashboard's figures for the seven business days ending `until`, or else ending
    /// the newest day any outlet has reached (not after tomorrow by the database's clock),
    /// of every outlet or of those of `cooperative`.
    public func dashboard(until: String? = nil, cooperative: String? = nil) async throws -> Dashboard {
        let outlets = try await outlets().filter { cooperative == nil || $0.cooperative == cooperative }
        let ids = outlets.map(\.id)
        return try await reachable { database in
            var last = until.flatMap { BusinessDay($0) != nil ? $0 : nil }
            if last == nil {
                let rows = try await database.client.query(
                    """
                    SELECT coalesce(max(business_day), current_date)::text FROM outlet_days
                    WHERE business_day <= current_date + 1
                    """)
                for try await day in rows.decode(String.self) { last = day }
            }
            let end = last ?? "1970-01-01"
            let rows = try await database.client.query(
                """
                SELECT to_char(d, 'YYYY-MM-DD') FROM generate_series(\(end)::date - 6, \(end)::date, interval '1 day') AS d ORDER BY d
                """)
            var days: [String] = []
            for try await day in rows.decode(String.self) { days.append(day) }
            var sales: [Int64: [String: DayTotals]] = [:]
            let found = try await database.client.query(
                """
                SELECT outlet_id, business_day::text, (totals::jsonb - 'member_purchases')::text FROM outlet_days
                WHERE business_day BETWEEN \(end)::date - 6 AND \(end)::date AND outlet_id = ANY(\(ids))
                """)
            for try await (outlet, day, totals) in found.decode((Int64, String, String).self) {
                sales[outlet, default: [:]][day] = try HubProjections.decode(totals)
            }
            return Dashboard(outlets: outlets, days: days, sales: sales)
        }
    }
}
