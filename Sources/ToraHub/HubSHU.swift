import PostgresNIO
import ToraCore

extension HubDatabase {
    /// The SHU patronage division of `year` over every outlet of `cooperative`
    /// (docs/hub.md "SHU"): each member's purchases (sales' totals less refunds', by the
    /// member number the journal records) summed from the materialized days, divided by
    /// ToraCore's `SHUDivision` as the shop divides its own. Names are the newest the
    /// outlets' journals gave; no NIK is read.
    public func shu(cooperative: String, year: String, pool: Money) async throws -> SHUDivision {
        guard year.count == 4, year.allSatisfy(\.isASCIIDigit) else { throw HubError(.usage, "--year takes four digits, like 2026") }
        guard !pool.isNegative else { throw HubError(.usage, "--pool must be zero or more") }
        guard try await hasCooperative(cooperative) else { throw HubError(.notFound, "no cooperative \(cooperative) at this hub") }
        return try await reachable { database in
            // Summed by PostgreSQL: a year of a province is hundreds of thousands of rows.
            let rows = try await database.client.query(
                """
                SELECT p.key, sum(p.value::bigint)::bigint FROM outlet_days d
                JOIN outlets o ON o.id = d.outlet_id JOIN cooperatives c ON c.id = o.cooperative_id
                CROSS JOIN LATERAL jsonb_each_text(d.totals::jsonb -> 'member_purchases') AS p
                WHERE c.code = \(cooperative) AND d.business_day BETWEEN \("\(year)-01-01")::date AND \("\(year)-12-31")::date
                GROUP BY p.key
                """)
            var purchases: [String: Int64] = [:]
            for try await (number, amount) in rows.decode((String, Int64).self) { purchases[number] = amount }
            let names = try await database.memberNames(cooperative: cooperative)
            let members = purchases.filter { $0.value > 0 }
                .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { SHUDivision.Purchases(number: $0.key, name: names[$0.key] ?? "", purchases: Money($0.value)) }
            return SHUDivision(year: year, pool: pool, members: members)
        }
    }
}
