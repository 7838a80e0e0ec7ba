import GRDB
import ToraCore
import ToraJournal

/// Subsidised units shared through the hub (docs/hub.md "Subsidised units across
/// outlets"): what this shop sold, sent up with each sync, and what the other outlets
/// sold, brought down and counted against each programme's limit.
extension SubsidyStore {
    /// This shop's subsidised units per buyer, programme and quota day from `from` on, net
    /// of refunds; buyers without a NIK are not limited across outlets and left out.
    public func useToShare(from day: BusinessDay) throws -> [SubsidyUse] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT programme, nik, quota_day AS day, sum(quantity) AS units FROM subsidy_sales
                    WHERE nik IS NOT NULL AND quota_day >= ?
                    GROUP BY upper(programme), nik, quota_day HAVING sum(quantity) <> 0
                    ORDER BY quota_day, upper(programme), nik
                    """, arguments: [day]
            ).map { row in
                SubsidyUse(
                    programme: (row["programme"] as String).uppercased(), nik: row["nik"], day: row["day"],
                    units: Quantity(thousandths: row["units"]))
            }
        }
    }

    /// Makes `rows` the units sold at the other outlets, in one transaction journaled as
    /// `hub.subsidy_use_applied` (counts and a digest, never a NIK); nothing is written
    /// when they are what the shop already holds. Returns whether anything changed.
    public func replaceHubUse(_ rows: [SubsidyUse], actor: String) throws -> Bool {
        let wanted = Set(rows.map { HubUseKey($0) })
        return try write { db in
            let held = Set(
                try Row.fetchAll(db, sql: "SELECT programme, nik, day, units FROM subsidy_hub_use").map { row in
                    HubUseKey(programme: row["programme"], nik: row["nik"], day: row["day"], units: row["units"])
                })
            guard held != wanted else { return false }
            try db.execute(sql: "DELETE FROM subsidy_hub_use")
            for key in wanted {
                try db.execute(
                    sql: "INSERT INTO subsidy_hub_use(programme, nik, day, units) VALUES (?, ?, ?, ?)",
                    arguments: [key.programme, key.nik, key.day, key.units])
            }
            let ordered = Array(wanted)
            let digest = SnapshotCheck.digest(SnapshotCheck.subsidyLines(ordered.map { ($0.programme, $0.nik, $0.day, $0.units) }))
            _ = try AuditJournal.append(
                db, store: self, kind: .hubSubsidyUseApplied, actor: actor,
                payload: [
                    "rows": .int(Int64(ordered.count)), "units": .int(ordered.reduce(0) { $0 + $1.units }),
                    "buyers": .int(Int64(Set(ordered.map(\.nik)).count)), "digest": .string(digest),
                ])
            return true
        }
    }
}

/// One stored row of `subsidy_hub_use`, compared as stored (programme upper-cased).
private struct HubUseKey: Hashable {
    let programme: String
    let nik: String
    let day: String
    let units: Int64

    init(programme: String, nik: String, day: String, units: Int64) {
        self.programme = programme.uppercased()
        self.nik = nik
        self.day = day
        self.units = units
    }

    init(_ use: SubsidyUse) {
        self.init(programme: use.programme, nik: use.nik, day: use.day, units: use.units.thousandths)
    }
}
