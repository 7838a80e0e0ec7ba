import Crypto
import Foundation
import GRDB

/// A table the hub's data replaces whole at each sync (docs/audit-journal.md "Checking the
/// books"): its rows are not in the journal one by one (they may name a buyer's NIK), so
/// the entry that replaced them records a digest of them, and `tora audit verify` checks
/// that the table still gives the digest of the last such entry.
struct SnapshotCheck: Sendable {
    let table: String
    /// The journal kind of the entries that replace the table, with a `digest` field.
    let kind: String
    /// The table's rows as the digest's lines, in the digest's order.
    let lines: @Sendable (Database) throws -> [String]

    /// Lower-case hex SHA-256 of the lines joined by newlines.
    static func digest(_ lines: [String]) -> String {
        SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Whether the table is what `recorded` (the digest of the last entry of `kind`, nil
    /// when there is none) says; the problem in one line, else nil.
    func problem(recorded: (seq: Int64, digest: String)?, _ db: Database) throws -> String? {
        let lines = try lines(db)
        guard let recorded else {
            return lines.isEmpty ? nil : "\(table) holds rows (\(lines.count)) that no journal entry (\(kind)) wrote"
        }
        guard Self.digest(lines) != recorded.digest else { return nil }
        return "\(table) is not what journal entry \(recorded.seq) (\(kind)) recorded: its rows were changed outside Tora"
    }
}

extension SnapshotCheck {
    static let all: [SnapshotCheck] = [subsidyHubUse, savingsHubBalances]

    /// Subsidised units sold at the cooperative's other outlets (docs/hub.md "Subsidised
    /// units across outlets").
    static let subsidyHubUse = SnapshotCheck(table: "subsidy_hub_use", kind: "hub.subsidy_use_applied") { db in
        subsidyLines(
            try Row.fetchAll(db, sql: "SELECT programme, nik, day, units FROM subsidy_hub_use").map { row in
                (row["programme"], row["nik"], row["day"], row["units"])
            })
    }

    /// One line per (programme, NIK, day, units), by day, programme and NIK.
    static func subsidyLines(_ rows: [(programme: String, nik: String, day: String, units: Int64)]) -> [String] {
        rows.map { ($0.programme.uppercased(), $0.nik, $0.day, $0.units) }
            .sorted { ($0.2, $0.0, $0.1, $0.3) < ($1.2, $1.0, $1.1, $1.3) }
            .map { "\($0.0) \($0.1) \($0.2) \($0.3)" }
    }

    /// Members' savings at the cooperative's other outlets (docs/hub.md "Savings across
    /// outlets").
    static let savingsHubBalances = SnapshotCheck(table: "savings_hub_balances", kind: "hub.savings_applied") { db in
        savingsLines(
            try Row.fetchAll(db, sql: "SELECT member_number, account, amount FROM savings_hub_balances").map { row in
                (row["member_number"], row["account"], row["amount"])
            })
    }

    /// One line per (member, account, amount), by member and account.
    static func savingsLines(_ rows: [(member: String, account: String, amount: Int64)]) -> [String] {
        rows.sorted { ($0.member, $0.account) < ($1.member, $1.account) }.map { "\($0.member) \($0.account) \($0.amount)" }
    }
}
