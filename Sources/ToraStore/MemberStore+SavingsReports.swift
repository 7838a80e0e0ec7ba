import Foundation
import GRDB
import ToraCore

extension MemberStore {
    /// A member's statement from `from` to `to` (business days, both included; nil is
    /// open): sales, refunds, savings movements and credit repayments with running balances.
    public func memberStatement(number: String, from: BusinessDay?, to: BusinessDay?) throws -> (Member, MemberStatement)? {
        try read { db in
            guard let member = try Self.member(number: number, db) else { return nil }
            var lines: [(order: String, index: Int, line: MemberStatement.Line)] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.business_day, s.completed_at, s.receipt_no, s.kind, s.total,
                        coalesce((SELECT sum(p.amount) FROM payments p WHERE p.sale_id = s.id AND p.method = 'credit'), 0) AS credit
                    FROM sales s WHERE s.member_number = ? ORDER BY s.id
                    """, arguments: [member.number])
            {
                let isSale = (row["kind"] as String) == "sale"
                let total: Int64 = row["total"]
                lines.append(
                    (
                        row["completed_at"], lines.count,
                        MemberStatement.Line(
                            day: row["business_day"], at: row["completed_at"], receipt: row["receipt_no"], kind: isSale ? .sale : .refund,
                            purchase: Money(isSale ? total : -total), credit: Money(row["credit"])
                        )
                    ))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT business_day, at, receipt_no, kind, account, amount FROM member_money WHERE member_number = ? ORDER BY id",
                arguments: [member.number])
            {
                let amount: Int64 = row["amount"]
                let account = SavingsAccount(rawValue: row["account"])
                let kind = MemberStatement.Line.Kind(rawValue: row["kind"]) ?? .deposit
                lines.append(
                    (
                        row["at"], lines.count,
                        MemberStatement.Line(
                            day: row["business_day"], at: row["at"], receipt: row["receipt_no"], kind: kind, account: account,
                            savings: account == nil ? .zero : Money(amount), credit: account == nil ? Money(-amount) : .zero)
                    ))
            }
            // Day, then time, then receipt number (one register's numbers sort as issued), then
            // the order read: a clock fixed for training keeps the order the books have.
            let ordered = lines.sorted {
                ($0.line.day, $0.order, $0.line.receipt ?? "", $0.index) < ($1.line.day, $1.order, $1.line.receipt ?? "", $1.index)
            }.map(\.line)
            return (member, MemberStatement.fold(ordered, from: from?.text, to: to?.text))
        }
    }
}

extension ReportQueries {
    /// Divides `pool` among members in proportion to their savings at the end of `year`:
    /// share = floor(pool × savings / Σ savings). Members without savings get nothing.
    public func shuCapital(year: String, pool: Money) throws -> SHUCapitalDivision {
        guard !pool.isNegative else { throw StoreError(.invalidInput, "capital-pool: the pool must be zero or more") }
        return try read { db in
            let totals = try MemberStore.savingsTotals(upTo: "\(year)-12-31", db).filter { $0.value > 0 }
            let members = try totals.keys.sorted().map { number in
                SHUCapitalDivision.Savings(
                    number: number, name: try MemberStore.member(number: number, db)?.name ?? number, savings: Money(totals[number] ?? 0))
            }
            return SHUCapitalDivision(year: year, pool: pool, members: members)
        }
    }
}

extension MemberStore {
    /// The opening savings balances of one import row (columns `pokok`, `wajib`,
    /// `sukarela`): a one-time migration from the old books. An account that already has
    /// the same opening balance is left alone (the file may be imported again); one with
    /// any other movement is a problem of the row.
    static func openingBalances(_ number: String, record: CSVTable.Record, csv: inout CSVImport, _ db: Database) throws
        -> [SavingsRequest]
    {
        var requests: [SavingsRequest] = []
        for account in SavingsAccount.allCases {
            guard let text = csv.cell(account.rawValue, record), !text.isEmpty,
                let amount = csv.money(record.line, account.rawValue, text), !amount.isZero
            else { continue }
            guard !amount.isNegative else {
                csv.report(record.line, account.rawValue, "an opening balance is zero or more")
                continue
            }
            let earlier = try Row.fetchAll(
                db, sql: "SELECT note, amount FROM member_money WHERE member_number = ? AND account = ?",
                arguments: [number, account.rawValue])
            if earlier.isEmpty {
                requests.append(SavingsRequest(member: number, account: account, amount: amount, direction: .deposit, note: .opening))
            } else if !(earlier.count == 1 && (earlier[0]["note"] as String?) == "opening"
                && (earlier[0]["amount"] as Int64) == amount.rupiah)
            {
                csv.report(
                    record.line, account.rawValue,
                    "member \(number) already has simpanan \(account.rawValue) movements; an opening balance is imported only once")
            }
        }
        return requests
    }
}

extension MemberStore {
    /// A sale's receipt printed again also says how much of its change was saved
    /// (`tabung`) and on which slip; the receipt as first printed is stored unchanged.
    static func withSavedChange(_ receipt: Receipt, _ db: Database) throws -> Receipt {
        let saved = try Row.fetchAll(
            db, sql: "SELECT receipt_no, amount FROM member_money WHERE of_receipt = ? ORDER BY id", arguments: [receipt.number])
        guard !saved.isEmpty else { return receipt }
        var copy = receipt
        let notes = saved.map { row in
            "Kembalian ditabung ke sukarela \(Money(row["amount"] as Int64).formatted) (struk \(row["receipt_no"] as String? ?? "-"))."
        }
        copy.footer = (notes + [receipt.footer]).filter { !$0.isEmpty }.joined(separator: " ")
        return copy
    }
}
