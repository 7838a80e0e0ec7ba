import Foundation
import GRDB
import Synchronization
import ToraCore

/// Writes the history straight into the store's tables, one transaction per business day:
/// restocking receipts, shifts, sales with their receipt JSON, lines, one payment each,
/// stock movements (the schema's trigger keeps `on_hand`) and one `sale.completed` audit
/// entry per sale. `HistoryPlanner` prepares day N+1 on another thread while day N is
/// written.
struct HistoryWriter {
    /// The next ids to use, so rows can be prepared before they are written.
    struct Identifiers: Sendable {
        var sale: Int64
        var shift: Int64
        var audit: Int64
        var hash: String
        var movement: Int64
    }

    struct MovementRow: Sendable {
        let id: Int64
        let product: Int
        let at: String
        let quantity: Int64
        let party: String
    }

    struct ShiftRow: Sendable {
        let id: Int64
        let register: String
        let cashier: String
        let opened: String
        let closed: String
        let expected: Int64
    }

    struct LineRow: Sendable {
        let product: Int
        let quantity: Int64
        let unitPrice: Int64
        let amount: Int64
        let discount: Int64
        let label: String?
        let voided: Bool
    }

    struct SaleRow: Sendable {
        let id: Int64
        let number: String
        let register: String
        let cashier: String
        let seq: Int
        let shiftID: Int64
        let member: String?
        let at: String
        let hour: Int
        let gross: Int64
        let discounts: Int64
        let total: Int64
        let method: TenderMethod
        let tendered: Int64
        let auditSeq: Int64
        let payload: String
        let previousHash: String
        let hash: String
        let receiptJSON: String
        let lines: [LineRow]
    }

    struct DayRows: Sendable {
        let day: ShopCalendar.Day
        var restocks: [MovementRow] = []
        var shifts: [ShiftRow] = []
        var sales: [SaleRow] = []
        /// The restocks' and the shifts' openings entries, before the sales; the closings after.
        var openingEntries: [AuditRow] = []
        var closingEntries: [AuditRow] = []
    }

    let catalogue: [SyntheticProduct]
    let members: Int
    let random: SeededRandom
    var salesPerDay: [String: Int] = [:]
    var counts: [String: Int] = [:]

    static func memberNumber(_ index: Int) -> String { String(100_001 + index) }

    /// The opening count and each restocking delivery, in thousandths of the unit.
    static func restockQuantity(_ product: SyntheticProduct) -> Int64 { product.unit == .kg ? 50_000 : 120_000 }

    mutating func write(sales total: Int, calendar: ShopCalendar, queue: DatabaseQueue, log: (String) -> Void) throws {
        let next = try queue.read { db in
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1")
            return Identifiers(
                sale: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM sales") ?? 0,
                shift: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM shifts") ?? 0,
                audit: last?["seq"] ?? 0, hash: last?["hash"] ?? String(repeating: "0", count: 64),
                movement: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM stock_movements") ?? 0)
        }
        var seeds = random
        let weights = calendar.days.map { _ in 0.8 + 0.4 * seeds.fraction() }
        let scale = Double(total) / weights.reduce(0, +)
        var perDay: [Int] = []
        for index in weights.indices {
            let written = perDay.reduce(0, +)
            perDay.append(index == weights.count - 1 ? total - written : min(Int(weights[index] * scale), total - written))
        }
        let channel = DayChannel()
        let planner = HistoryPlanner(catalogue: catalogue, members: members, random: seeds, next: next)
        let days = calendar.days
        let sizes = perDay
        let producer = Thread {
            var planner = planner
            let encoder = JSONEncoder()
            for (day, count) in zip(days, sizes) {
                do {
                    channel.put(.success(try planner.plan(day: day, count: count, encoder: encoder)))
                } catch {
                    channel.put(.failure(error))
                    return
                }
            }
        }
        producer.start()
        let started = ContinuousClock.now
        var written = 0
        for index in days.indices {
            let rows = try channel.take().get()
            try queue.write { db in try insert(rows, db) }
            written += rows.sales.count
            salesPerDay[rows.day.text] = rows.sales.count
            if index % 30 == 29 || index == days.count - 1 {
                let seconds = Stopwatch.milliseconds(since: started) / 1000
                log(String(format: "history: %d of %d days, %d sales, %.0f s", index + 1, days.count, written, seconds))
            }
        }
    }

    /// Over 60 lines on purpose: one day's bulk SQL, each table's prepared statement beside its rows, in the store's order.
    private mutating func insert(_ rows: DayRows, _ db: Database) throws {
        let day = rows.day.text
        let movement = try db.cachedStatement(
            sql: """
                INSERT INTO stock_movements(product_id, at, business_day, kind, quantity, unit_cost, party, reference, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let restock = try db.cachedStatement(
            sql: """
                INSERT INTO stock_movements(id, product_id, at, business_day, kind, quantity, unit_cost, party, reference, actor)
                VALUES (?, ?, ?, ?, 'receive', ?, ?, ?, NULL, 'bench')
                """)
        for row in rows.restocks {
            let item = catalogue[row.product]
            try restock.execute(arguments: [row.id, item.id, row.at, day, row.quantity, item.cost, row.party])
        }
        let shift = try db.cachedStatement(
            sql: """
                INSERT INTO shifts(id, register, cashier, business_day, opened_at, opening_float, closed_at, closed_day, expected_cash,
                    counted_cash) VALUES (?, ?, ?, ?, ?, 200000, ?, ?, ?, ?)
                """)
        for row in rows.shifts {
            try shift.execute(arguments: [row.id, row.register, row.cashier, day, row.opened, row.closed, day, row.expected, row.expected])
        }
        for entry in rows.openingEntries { try entry.insert(db) }
        let audit = try db.cachedStatement(
            sql: """
                INSERT INTO audit_journal(seq, at, actor, register, kind, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, 'sale.completed', ?, ?, ?)
                """)
        let sale = try db.cachedStatement(
            sql: """
                INSERT INTO sales(id, receipt_no, kind, register, business_day, seq, shift_id, cashier, member_number, completed_at, hour,
                    gross, discounts, total, change_given, audit_seq, audit_hash, receipt_json)
                VALUES (?, ?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let line = try db.cachedStatement(
            sql: """
                INSERT INTO sale_lines(sale_id, line_no, product_id, sku, name, category, unit, quantity, unit_price, amount, discount,
                    net, tax, local, consignor, consignor_price, cost, voided)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let payment = try db.cachedStatement(sql: "INSERT INTO payments(sale_id, method, amount, tendered) VALUES (?, ?, ?, ?)")
        for row in rows.sales {
            try audit.execute(arguments: [row.auditSeq, row.at, row.cashier, row.register, row.payload, row.previousHash, row.hash])
            try sale.execute(arguments: [
                row.id, row.number, row.register, day, row.seq, row.shiftID, row.cashier, row.member, row.at, row.hour, row.gross,
                row.discounts, row.total, row.tendered - row.total, row.auditSeq, row.hash, row.receiptJSON,
            ])
            for (index, entry) in row.lines.enumerated() {
                let item = catalogue[entry.product]
                try line.execute(arguments: [
                    row.id, index + 1, item.id, item.sku, item.name, item.category, item.unit.rawValue, entry.quantity, entry.unitPrice,
                    entry.amount, entry.discount, entry.amount - entry.discount, item.tax.rawValue, item.isLocal, item.consignor,
                    item.consignor.map { _ in item.cost }, item.cost, entry.voided,
                ])
                guard !entry.voided else { continue }
                try movement.execute(arguments: [item.id, row.at, day, "sale", -entry.quantity, item.cost, nil, row.number, row.cashier])
                counts["sale_movements", default: 0] += 1
            }
            counts["sale_lines", default: 0] += row.lines.count
            try payment.execute(arguments: [row.id, row.method.rawValue, row.total, row.tendered])
        }
        for entry in rows.closingEntries { try entry.insert(db) }
        counts["sales", default: 0] += rows.sales.count
        counts["shifts", default: 0] += rows.shifts.count
        counts["receive_movements", default: 0] += rows.restocks.count
    }
}

/// A hand-over of prepared days between the planner's thread and the writer, holding at
/// most two days so the planner cannot run far ahead of the disk.
final class DayChannel: Sendable {
    private let slots = DispatchSemaphore(value: 2)
    private let items = DispatchSemaphore(value: 0)
    private let queue = Mutex<[Result<HistoryWriter.DayRows, any Error>]>([])

    func put(_ rows: Result<HistoryWriter.DayRows, any Error>) {
        slots.wait()
        queue.withLock { $0.append(rows) }
        items.signal()
    }

    func take() -> Result<HistoryWriter.DayRows, any Error> {
        items.wait()
        defer { slots.signal() }
        return queue.withLock { $0.removeFirst() }
    }
}
