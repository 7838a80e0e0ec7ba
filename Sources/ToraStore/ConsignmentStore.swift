import Foundation
import GRDB
import ToraCore

/// What the shop owes one consignor (docs/catalogue-and-stock.md) for the lines not yet settled.
public struct ConsignorStatement: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let sku: String
        public let name: String
        public let unit: MeasureUnit
        /// Units sold net of refunds, thousandths.
        public let units: Quantity
        public let consignorPrice: Money
        /// Σ over lines of round-half-up(units × consignor price), refunds negative.
        public let payable: Money
    }

    public let consignor: String
    public let from: String?
    public let to: String
    /// The day the last settlement covered, if any.
    public let lastSettledDay: String?
    public let items: [Item]
    public var units: Quantity { items.reduce(.zero) { $0 + $1.units } }
    public var payable: Money { Money(items.reduce(0) { $0 + $1.payable.rupiah }) }
    let lineIDs: [Int64]
}

/// A recorded settlement.
public struct ConsignmentSettlement: Sendable, Hashable {
    public let id: Int64
    public let consignor: String
    public let toDay: String
    public let amount: Money
    public let units: Quantity
}

extension ConsignmentStore {
    /// Per consignor, the consigned lines sold or refunded up to `to` (from `from`, if
    /// given) that no settlement has paid yet. A refund after a settlement is such a line,
    /// so it is carried into the next statement.
    public func consignmentStatements(consignor: String?, from: BusinessDay?, to: BusinessDay) throws -> [ConsignorStatement] {
        try read { db in try Self.consignmentStatements(consignor: consignor, from: from?.text, to: to.text, db) }
    }

    static func consignmentStatements(consignor: String?, from: String?, to: String, _ db: Database) throws -> [ConsignorStatement] {
        var conditions = ["l.consignor IS NOT NULL", "l.voided = 0", "s.business_day <= ?", "c.line_id IS NULL"]
        var arguments: StatementArguments = [to]
        if let from {
            conditions.append("s.business_day >= ?")
            _ = arguments.append(contentsOf: [from])
        }
        if let consignor {
            conditions.append("l.consignor = ?")
            _ = arguments.append(contentsOf: [consignor])
        }
        let rows = try ConsignedLineRecord.fetchAll(
            db,
            sql: """
                SELECT l.id, l.consignor, l.sku, l.name, l.unit, l.consignor_price,
                    CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END AS units
                FROM sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN consignment_settled_lines c ON c.line_id = l.id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY l.consignor, l.sku, l.id
                """, arguments: arguments)
        var statements: [ConsignorStatement] = []
        let byConsignor = Dictionary(grouping: rows, by: \.consignor)
        for name in byConsignor.keys.sorted() {
            let lines = byConsignor[name] ?? []
            var items: [ConsignorStatement.Item] = []
            for (sku, skuLines) in Dictionary(grouping: lines, by: \.sku).sorted(by: { $0.key < $1.key }) {
                let price = Money(skuLines.last?.consignorPrice ?? 0)
                var tally = ConsignmentTally()
                for line in skuLines {
                    tally.add(units: Quantity(thousandths: line.units), consignorPrice: Money(line.consignorPrice ?? 0))
                }
                items.append(
                    ConsignorStatement.Item(
                        sku: sku, name: skuLines.last?.name ?? sku, unit: MeasureUnit(rawValue: skuLines.last?.unit ?? "pcs") ?? .pcs,
                        units: tally.units, consignorPrice: price, payable: tally.payable))
            }
            let last = try String.fetchOne(
                db, sql: "SELECT max(to_day) FROM consignment_settlements WHERE consignor = ?", arguments: [name])
            statements.append(
                ConsignorStatement(consignor: name, from: from, to: to, lastSettledDay: last, items: items, lineIDs: lines.map(\.id))
            )
        }
        if let consignor, statements.isEmpty {
            let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM products WHERE consignor = ?", arguments: [consignor]) ?? 0
            guard known > 0 else { throw StoreError(.notFound, "consignor: no product is consigned by '\(consignor)'") }
            let last = try String.fetchOne(
                db, sql: "SELECT max(to_day) FROM consignment_settlements WHERE consignor = ?", arguments: [consignor])
            statements.append(ConsignorStatement(consignor: consignor, from: from, to: to, lastSettledDay: last, items: [], lineIDs: []))
        }
        return statements
    }

    /// Records that the consignor was paid for everything unsettled up to `to`. Refused
    /// for a day the consignor was already settled to (or before), and journaled.
    public func settleConsignment(consignor: String, to day: BusinessDay, actor: String) throws -> ConsignmentSettlement {
        let to = day.text
        return try write { db in
            if let last = try String.fetchOne(
                db, sql: "SELECT max(to_day) FROM consignment_settlements WHERE consignor = ?", arguments: [consignor]),
                last >= to
            {
                throw StoreError(.invalidInput, "\(consignor) is already settled up to \(last); settle to a later day")
            }
            let today = try self.moment(db).day
            guard to <= today else { throw StoreError(.invalidInput, "--to \(to) is in the future (today is \(today))") }
            guard let statement = try Self.consignmentStatements(consignor: consignor, from: nil, to: to, db).first else {
                throw StoreError(.notFound, "consignor: no product is consigned by '\(consignor)'")
            }
            let audit = try AuditJournal.append(
                db, store: self, kind: .consignmentSettled, actor: actor,
                payload: [
                    "consignor": .string(consignor), "to": .string(to), "amount": .int(statement.payable.rupiah),
                    "units": .int(statement.units.thousandths), "lines": .int(Int64(statement.lineIDs.count)),
                ])
            try db.execute(
                sql:
                    "INSERT INTO consignment_settlements(consignor, to_day, settled_at, actor, units, amount, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    consignor, to, Timestamp.format(self.clock.now), actor, statement.units.thousandths, statement.payable.rupiah,
                    audit.seq,
                ])
            let id = db.lastInsertedRowID
            for line in statement.lineIDs {
                try db.execute(sql: "INSERT INTO consignment_settled_lines(line_id, settlement_id) VALUES (?, ?)", arguments: [line, id])
            }
            return ConsignmentSettlement(id: id, consignor: consignor, toDay: to, amount: statement.payable, units: statement.units)
        }
    }
}

extension ReportQueries {
    /// Divides `pool` among members in proportion to their purchases in `year`, by
    /// ToraCore's `SHUDivision`. Members whose refunds match or exceed their purchases
    /// have none and get nothing.
    public func shu(year: String, pool: Money) throws -> SHUDivision {
        guard !pool.isNegative else { throw StoreError(.invalidInput, "pool: the pool must be zero or more") }
        return try read { db in
            let members = try PurchasesRecord.fetchAll(
                db,
                sql: """
                    SELECT m.number, m.name, sum(CASE WHEN s.kind = 'sale' THEN s.total ELSE -s.total END) AS purchases
                    FROM sales s JOIN members m ON m.number = s.member_number
                    WHERE s.business_day BETWEEN ? AND ?
                    GROUP BY m.number HAVING purchases > 0 ORDER BY m.number
                    """, arguments: ["\(year)-01-01", "\(year)-12-31"]
            ).map(\.purchases)
            return SHUDivision(year: year, pool: pool, members: members)
        }
    }
}
