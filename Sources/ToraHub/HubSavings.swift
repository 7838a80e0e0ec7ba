import PostgresNIO
import ToraCore

/// Members' savings across a cooperative's outlets (docs/hub.md "Savings across
/// outlets"): each materialized day keeps its members' net savings movements per account,
/// so a balance is a sum over the outlets' days, as the shop's own is a sum of its
/// `member_money`.
enum HubSavings {
    /// The migration that adds `member_savings` to the materialized days: rows stored
    /// before it lack them, so `migrate` rebuilds the days when it applies it.
    static let migration = "7-savings-outlet-days"
}

extension HubDatabase {
    /// The migrations whose application makes `tora-hub migrate` rebuild the materialized days.
    public static var rebuildingMigrations: [String] { [projectionsMigration, HubSavings.migration] }

    /// Member number → account → balance, summed over the days up to `day` (all when nil)
    /// of every outlet of `cooperative` (or of the cooperative of outlet `cooperativeOf`)
    /// but `outlet`; zero balances are left out.
    func savingsBalances(
        cooperative: String? = nil, cooperativeOf sibling: Int64? = nil, upTo day: String?, elsewhereThan outlet: Int64?
    ) async throws
        -> [String: [String: Int64]]
    {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT m.key, a.key, sum(a.value::bigint)::bigint FROM outlet_days d
                JOIN outlets o ON o.id = d.outlet_id JOIN cooperatives c ON c.id = o.cooperative_id
                CROSS JOIN LATERAL jsonb_each(d.totals::jsonb -> 'member_savings') AS m
                CROSS JOIN LATERAL jsonb_each_text(m.value) AS a
                WHERE (c.code = \(cooperative)::text OR o.cooperative_id = (SELECT cooperative_id FROM outlets WHERE id = \(sibling)::bigint))
                  AND d.business_day <= \(day ?? "9999-12-31")::date
                  AND (\(outlet)::bigint IS NULL OR o.id <> \(outlet)::bigint)
                GROUP BY 1, 2 HAVING sum(a.value::bigint) <> 0
                """)
            var balances: [String: [String: Int64]] = [:]
            for try await (member, account, amount) in rows.decode((String, String, Int64).self) {
                balances[member, default: [:]][account] = amount
            }
            return balances
        }
    }

    /// The SHU capital division (jasa modal) of `year` over every outlet of
    /// `cooperative` (docs/hub.md "SHU"): each member's savings (pokok + wajib + sukarela)
    /// at the end of the year summed over the outlets, divided by ToraCore's
    /// `SHUCapitalDivision` as the shop divides its own.
    public func shuCapital(cooperative: String, year: String, pool: Money) async throws -> SHUCapitalDivision {
        guard year.count == 4, year.allSatisfy(\.isASCIIDigit) else { throw HubError(.usage, "--year takes four digits, like 2026") }
        guard !pool.isNegative else { throw HubError(.usage, "--capital-pool must be zero or more") }
        guard try await hasCooperative(cooperative) else { throw HubError(.notFound, "no cooperative \(cooperative) at this hub") }
        let balances = try await savingsBalances(cooperative: cooperative, upTo: "\(year)-12-31", elsewhereThan: nil)
        let names = try await memberNames(cooperative: cooperative)
        let members = balances.mapValues { $0.values.reduce(0, +) }.filter { $0.value > 0 }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { SHUCapitalDivision.Savings(number: $0.key, name: names[$0.key] ?? $0.key, savings: Money($0.value)) }
        return SHUCapitalDivision(year: year, pool: pool, members: members)
    }

    /// Member number → the newest name the cooperative's outlets' journals gave it.
    func memberNames(cooperative: String) async throws -> [String: String] {
        try await reachable { database in
            var names: [String: String] = [:]
            let named = try await database.client.query(
                """
                SELECT m.number, m.name FROM member_names m JOIN cooperatives c ON c.id = m.cooperative_id
                WHERE c.code = \(cooperative)
                """)
            for try await (number, name) in named.decode((String, String).self) { names[number] = name }
            return names
        }
    }
}
