import PostgresNIO
import ToraCore
import ToraJournal

/// Subsidised units per outlet, buyer, programme and day (docs/hub.md "Subsidised units
/// across outlets").
extension HubDatabase {
    /// Replaces the outlet's rows from `upload.from` on with `upload.rows`, in one
    /// transaction; a flagged outlet's units are not taken. Returns the rows stored.
    func replaceSubsidyUse(outlet: Int64, upload: SubsidyUseUpload) async throws -> Int {
        try await reachable { database in
            try await database.transaction { connection in
                let rows = try await connection.query(
                    "SELECT state FROM outlets WHERE id = \(outlet) FOR UPDATE", logger: database.logger)
                for try await state in rows.decode(String.self) where state != "ok" {
                    throw HubError(.flagged, "the outlet is flagged and its subsidy units are not taken")
                }
                try await connection.query(
                    "DELETE FROM subsidy_use WHERE outlet_id = \(outlet) AND day >= \(upload.from)::date", logger: database.logger)
                // One statement for the whole upload; rows of one buyer, programme and day
                // (a programme written in two cases) are added together first.
                let programmes = upload.rows.map { $0.programme.uppercased() }
                let niks = upload.rows.map(\.nik)
                let days = upload.rows.map(\.day)
                let units = upload.rows.map(\.units.thousandths)
                try await connection.query(
                    """
                    INSERT INTO subsidy_use(outlet_id, programme, nik, day, units)
                    SELECT \(outlet), u.programme, u.nik, u.day::date, sum(u.units)
                    FROM unnest(\(programmes)::text[], \(niks)::text[], \(days)::text[], \(units)::bigint[]) AS u(programme, nik, day, units)
                    GROUP BY u.programme, u.nik, u.day HAVING sum(u.units) <> 0
                    """, logger: database.logger)
                return upload.rows.count
            }
        }
    }

    /// The units the cooperative's OTHER outlets sold from `from` on, summed per buyer,
    /// programme and day; rows whose refunds cancel them out are left out.
    func subsidyUse(elsewhereThan outlet: Int64, from: String) async throws -> [SubsidyUse] {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT u.programme, u.nik, to_char(u.day, 'YYYY-MM-DD'), sum(u.units)::bigint
                FROM subsidy_use u JOIN outlets o ON o.id = u.outlet_id
                WHERE o.cooperative_id = (SELECT cooperative_id FROM outlets WHERE id = \(outlet))
                  AND u.outlet_id <> \(outlet) AND u.day >= \(from)::date
                GROUP BY 1, 2, 3 HAVING sum(u.units) > 0
                ORDER BY 3, 1, 2
                """)
            var use: [SubsidyUse] = []
            for try await (programme, nik, day, units) in rows.decode((String, String, String, Int64).self) {
                use.append(SubsidyUse(programme: programme, nik: nik, day: day, units: Quantity(thousandths: units)))
            }
            return use
        }
    }
}
