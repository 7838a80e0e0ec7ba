import Foundation
import GRDB
import ToraCore
import ToraJournal

/// A member's savings at the cooperative's other outlets, as the hub summed them, and the
/// hub's moment of that answer (docs/hub.md "Savings across outlets").
public struct OtherOutletsSavings: Sendable, Hashable {
    public let balances: SavingsBalances
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`: the hub's answer that last changed them.
    public let asOf: String
    /// `asOf` in the shop's time zone, `YYYY-MM-DD HH:MM`, as a person reads it.
    public let asOfLocal: String

    public init(balances: SavingsBalances, asOf: String, asOfLocal: String) {
        self.balances = balances
        self.asOf = asOf
        self.asOfLocal = asOfLocal
    }
}

extension MemberStore {
    /// Makes `rows` the members' balances at the other outlets, in one transaction
    /// journaled as `hub.savings_applied` (counts, the sum, a digest and the hub's moment);
    /// nothing is written, not even the moment, when they are what the shop already holds. Returns whether
    /// anything changed. An account that is not pokok, wajib or sukarela refuses the whole
    /// answer.
    public func replaceHubSavings(_ rows: [HubSavingsBalance], asOf: String, actor: String) throws -> Bool {
        var wanted: [HubSavingsKey: Int64] = [:]
        for row in rows {
            guard SavingsAccount(rawValue: row.account) != nil else {
                throw StoreError(
                    .invalidInput, "savings at other outlets: member \(row.member)'s account '\(row.account)' is not a savings account")
            }
            wanted[HubSavingsKey(member: row.member, account: row.account), default: 0] += row.amount
        }
        wanted = wanted.filter { $0.value != 0 }
        return try write { db in
            var held: [HubSavingsKey: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT member_number, account, amount FROM savings_hub_balances") {
                held[HubSavingsKey(member: row["member_number"], account: row["account"])] = row["amount"]
            }
            // The moment moves only with a change: a sync every 30 s journals nothing new.
            guard held != wanted else { return false }
            try db.execute(sql: "DELETE FROM savings_hub_balances")
            let ordered = wanted.sorted { ($0.key.member, $0.key.account) < ($1.key.member, $1.key.account) }
            for (key, amount) in ordered {
                try db.execute(
                    sql: "INSERT INTO savings_hub_balances(member_number, account, amount) VALUES (?, ?, ?)",
                    arguments: [key.member, key.account, amount])
            }
            try db.execute(
                sql: "INSERT INTO savings_hub_as_of(id, as_of) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET as_of = excluded.as_of",
                arguments: [asOf])
            let digest = SnapshotCheck.digest(SnapshotCheck.savingsLines(ordered.map { ($0.key.member, $0.key.account, $0.value) }))
            _ = try AuditJournal.append(
                db, store: self, kind: .hubSavingsApplied, actor: actor,
                payload: [
                    "rows": .int(Int64(ordered.count)), "members": .int(Int64(Set(ordered.map(\.key.member)).count)),
                    "amount": .int(ordered.reduce(0) { $0 + $1.value }), "digest": .string(digest), "as_of": .string(asOf),
                ])
            return true
        }
    }

    /// The member's balances at the other outlets as the last sync brought them; nil when
    /// no sync has brought any (the shop is not in a cooperative hub, or never synced).
    public func otherOutletsSavings(member number: String) throws -> OtherOutletsSavings? {
        try read { db in try Self.otherOutletsSavings(number, db) }
    }

    static func otherOutletsSavings(_ number: String, _ db: Database) throws -> OtherOutletsSavings? {
        guard let asOf = try String.fetchOne(db, sql: "SELECT as_of FROM savings_hub_as_of WHERE id = 1") else { return nil }
        var balances = SavingsBalances()
        for row in try Row.fetchAll(
            db, sql: "SELECT account, amount FROM savings_hub_balances WHERE member_number = ?", arguments: [number])
        {
            if let account = SavingsAccount(rawValue: row["account"]) { balances[account] = Money(row["amount"] as Int64) }
        }
        return OtherOutletsSavings(balances: balances, asOf: asOf, asOfLocal: Self.localTime(asOf, in: try Settings.timeZone(db)))
    }
}

extension MemberStore {
    /// `YYYY-MM-DD HH:MM` of a UTC timestamp in `zone`; the text itself when it is not one.
    static func localTime(_ utc: String, in zone: TimeZone) -> String {
        let parser = ISO8601DateFormatter()
        guard let date = parser.date(from: utc) else { return utc }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// One stored row of `savings_hub_balances`.
private struct HubSavingsKey: Hashable {
    let member: String
    let account: String
}
