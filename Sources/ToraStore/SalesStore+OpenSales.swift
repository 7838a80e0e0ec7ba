import Foundation
import GRDB
import ToraCore

/// A sale not yet completed, as stored after every change: the open one of a register,
/// or a parked one waiting to be resumed.
public struct StoredSale: Sendable, Hashable, FetchableRecord {
    public enum State: String, Sendable { case open, parked }

    public let id: Int64
    public let register: String
    public let state: State
    public let cashier: String
    public let startedAt: String
    public let sale: Sale

    public init(row: Row) throws {
        id = row["id"]
        register = row["register"]
        state = State(rawValue: row["state"]) ?? .open
        cashier = row["cashier"]
        startedAt = row["started_at"]
        let json: String = row["sale_json"]
        do {
            sale = try JSONDecoder().decode(Sale.self, from: Data(json.utf8))
        } catch {
            throw StoreError.damaged(error, column: "open_sales.sale_json", row: "open sale \(id)")
        }
    }
}

extension SalesStore {
    static func encode(_ sale: Sale) throws -> String {
        // Keys in declaration order: a sale holds no dictionaries, and this runs on every scan.
        String(decoding: try JSONEncoder().encode(sale), as: UTF8.self)
    }

    /// The register's open sale, if one was left (a crash, a `quit`, a power cut).
    public func openSale(register: RegisterID) throws -> StoredSale? {
        try read { db in
            try StoredSale.fetchOne(db, sql: "SELECT * FROM open_sales WHERE register = ? AND state = 'open'", arguments: [register])
        }
    }

    /// Stores the register's open sale after a change (one small transaction), with the
    /// journal entry of the change when it is one the journal keeps (a voided line, an
    /// override). Returns the stored sale's id.
    @discardableResult
    public func saveOpenSale(
        id: Int64?, register: RegisterID, cashier: String, sale: Sale,
        journal: (kind: JournalKind, actor: String, payload: [String: JSONValue])? = nil
    ) throws -> Int64 {
        let json = try Self.encode(sale)
        return try write { db in
            let now = Timestamp.format(self.clock.now)
            var storedID = id
            if let id {
                try db.cachedStatement(sql: "UPDATE open_sales SET sale_json = ?, updated_at = ?, cashier = ? WHERE id = ?").execute(
                    arguments: [json, now, cashier, id])
                if db.changesCount == 0 { storedID = nil }
            }
            if storedID == nil {
                try db.cachedStatement(
                    sql:
                        "INSERT INTO open_sales(register, state, cashier, started_at, updated_at, sale_json) VALUES (?, 'open', ?, ?, ?, ?)"
                ).execute(arguments: [register, cashier, now, now, json])
                storedID = db.lastInsertedRowID
            }
            if let journal {
                var payload = journal.payload
                payload["open_sale"] = .int(storedID ?? 0)
                try AuditJournal.append(db, store: self, kind: journal.kind, actor: journal.actor, register: register, payload: payload)
            }
            return storedID ?? 0
        }
    }

    /// Parks the open sale: it waits, numbered, until someone resumes it.
    public func park(_ id: Int64, actor: String, register: RegisterID) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE open_sales SET state = 'parked', updated_at = ? WHERE id = ? AND state = 'open'",
                arguments: [Timestamp.format(self.clock.now), id])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "there is no open sale to park").because(.nothingToPark)
            }
            try AuditJournal.append(
                db, store: self, kind: .saleParked, actor: actor, register: register, payload: ["open_sale": .int(id)])
        }
    }

    /// Parked sales of every register, oldest first.
    public func parkedSales() throws -> [StoredSale] {
        try read { db in try StoredSale.fetchAll(db, sql: "SELECT * FROM open_sales WHERE state = 'parked' ORDER BY id") }
    }

    static func storedSales(register: String, _ db: Database) throws -> [StoredSale] {
        try StoredSale.fetchAll(db, sql: "SELECT * FROM open_sales WHERE register = ? ORDER BY id", arguments: [register])
    }

    /// Makes a parked sale the register's open sale. Refused when the register already
    /// has a non-empty open sale; an empty one is dropped.
    public func resume(_ id: Int64, register: RegisterID, actor: String) throws -> StoredSale {
        try write { db in
            if let open = try StoredSale.fetchOne(
                db, sql: "SELECT * FROM open_sales WHERE register = ? AND state = 'open'", arguments: [register])
            {
                guard open.sale.lines.isEmpty else {
                    throw StoreError(.invalidInput, "finish or park the open sale first").because(.openSaleFirst)
                }
                try db.execute(sql: "DELETE FROM open_sales WHERE id = ?", arguments: [open.id])
            }
            try db.execute(
                sql: "UPDATE open_sales SET state = 'open', register = ?, updated_at = ? WHERE id = ? AND state = 'parked'",
                arguments: [register, Timestamp.format(self.clock.now), id])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "there is no parked sale \(id)").because(.noParkedSale(id))
            }
            try AuditJournal.append(
                db, store: self, kind: .saleResumed, actor: actor, register: register, payload: ["open_sale": .int(id)])
            guard let resumed = try StoredSale.fetchOne(db, sql: "SELECT * FROM open_sales WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "there is no parked sale \(id)").because(.noParkedSale(id))
            }
            return resumed
        }
    }

    /// Cancels an open sale (a supervisor's override): it is kept as a cancelled sale for
    /// the Z report and the journal, and the register starts afresh.
    public func cancelOpenSale(_ id: Int64, register: RegisterID, cashier: String, supervisor: String, rules: PricingRules) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM open_sales WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "there is no open sale to cancel").because(.nothingToCancel)
            }
            let stored = try StoredSale(row: row)
            let total = (try? stored.sale.priced(with: rules).total) ?? .zero
            // Counted on the business day of the register's shift, as its sales are.
            var moment = try self.moment(db)
            if let shift = try ShiftStore.openShift(register: register, db) { moment = moment.onBusinessDay(shift.businessDay) }
            try db.execute(
                sql: """
                    INSERT INTO cancelled_sales(register, business_day, cashier, supervisor, cancelled_at, total, sale_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [register, moment.day, cashier, supervisor, moment.at, total.rupiah, row["sale_json"] as String])
            try db.execute(sql: "DELETE FROM open_sales WHERE id = ?", arguments: [id])
            try AuditJournal.append(
                db, store: self, kind: .saleCancelled, actor: supervisor, register: register,
                payload: [
                    "open_sale": .int(id), "cashier": .string(cashier), "total": .int(total.rupiah),
                    "lines": .int(Int64(stored.sale.activeLines.count)), "business_day": .string(moment.day),
                ])
        }
    }
}
