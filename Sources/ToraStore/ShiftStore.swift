import Foundation
import GRDB
import ToraCore

/// A cashier's shift at one register (docs/shifts-and-credit.md).
public struct Shift: Sendable, Hashable, FetchableRecord {
    public let id: Int64
    public let register: String
    public let cashier: String
    public let businessDay: String
    public let openedAt: String
    public let openingFloat: Money
    public let closedAt: String?
    public let countedCash: Money?

    enum Columns {
        static let id = Column("id")
        static let register = Column("register")
        static let cashier = Column("cashier")
        static let businessDay = Column("business_day")
        static let openedAt = Column("opened_at")
        static let openingFloat = Column("opening_float")
        static let closedAt = Column("closed_at")
        static let countedCash = Column("counted_cash")
    }

    public init(row: Row) {
        id = row[Columns.id]
        register = row[Columns.register]
        cashier = row[Columns.cashier]
        businessDay = row[Columns.businessDay]
        openedAt = row[Columns.openedAt]
        openingFloat = Money(row[Columns.openingFloat])
        closedAt = row[Columns.closedAt]
        let counted: Int64? = row[Columns.countedCash]
        countedCash = counted.map(Money.init)
    }
}

/// The cash a shift's drawer should hold: the float plus cash kept from sales, less cash
/// paid out for refunds, plus members' money taken in cash (credit repaid). Cash tendered
/// is never counted, only cash kept (docs/shifts-and-credit.md).
public struct ShiftCash: Sendable, Hashable {
    public let openingFloat: Money
    public let cashSales: Money
    public let cashRefunds: Money
    /// Σ members' money in cash, signed (credit repaid in cash).
    public let memberMoneyCash: Money
    public let salesCount: Int
    public let refundCount: Int
    public var drawer: DrawerCash {
        DrawerCash(openingFloat: openingFloat, cashSales: cashSales, cashRefunds: cashRefunds, memberMoney: memberMoneyCash)
    }
    public var expected: Money { drawer.expected }
}

/// What closing a shift found.
public struct ShiftClosing: Sendable, Hashable {
    public let shift: Shift
    public let cash: ShiftCash
    public let counted: Money
    /// counted − expected: positive is over, negative short.
    public var overShort: Money { cash.drawer.overShort(counted: counted) }
    /// Sales left open or parked at the register; they stay for the next shift.
    public let waitingSales: [StoredSale]
}

extension ShiftStore {
    /// The open shift of a register, if any.
    public func openShift(register: RegisterID) throws -> Shift? {
        try read { db in try Self.openShift(register: register, db) }
    }

    static func openShift(register: RegisterID, _ db: Database) throws -> Shift? {
        try Shift.fetchOne(db, sql: "SELECT * FROM shifts WHERE register = ? AND closed_at IS NULL", arguments: [register])
    }

    /// Opens a shift with the cash put in the drawer. Refused while the register has one.
    public func openShift(register: RegisterID, cashier: String, float: Money) throws -> Shift {
        guard !float.isNegative else { throw StoreError(.invalidInput, "float: the opening float must be zero or more") }
        return try write { db in
            if let open = try Self.openShift(register: register, db) {
                throw StoreError(.invalidInput, "register \(register) already has a shift open by \(open.cashier)").because(
                    .shiftOfOther(register: register.text, cashier: open.cashier))
            }
            let moment = try self.moment(db)
            try db.execute(
                sql: "INSERT INTO shifts(register, cashier, business_day, opened_at, opening_float) VALUES (?, ?, ?, ?, ?)",
                arguments: [register, cashier, moment.day, moment.at, float.rupiah])
            let id = db.lastInsertedRowID
            try AuditJournal.append(
                db, store: self, kind: .shiftOpened, actor: cashier, register: register,
                payload: ["shift": .int(id), "opening_float": .int(float.rupiah), "business_day": .string(moment.day)])
            guard let shift = try Shift.fetchOne(db, sql: "SELECT * FROM shifts WHERE id = ?", arguments: [id]) else {
                throw StoreError(.io, "the new shift could not be read back")
            }
            return shift
        }
    }

    /// The cash position of a shift so far.
    public func shiftCash(_ shift: Shift) throws -> ShiftCash {
        try read { db in try Self.shiftCash(shift, db) }
    }

    static func shiftCash(_ shift: Shift, _ db: Database) throws -> ShiftCash {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    coalesce((SELECT sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE s.shift_id = ? AND s.kind = 'sale' AND p.method = 'cash'), 0) AS cash_sales,
                    coalesce((SELECT -sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE s.shift_id = ? AND s.kind = 'refund' AND p.method = 'cash'), 0) AS cash_refunds,
                    (SELECT count(*) FROM sales WHERE shift_id = ? AND kind = 'sale') AS sales_count,
                    (SELECT count(*) FROM sales WHERE shift_id = ? AND kind = 'refund') AS refund_count,
                    coalesce((SELECT sum(amount) FROM member_money WHERE shift_id = ? AND method = 'cash'), 0) AS member_money_cash
                """,
            arguments: [shift.id, shift.id, shift.id, shift.id, shift.id])
        return ShiftCash(
            openingFloat: shift.openingFloat, cashSales: Money(row?["cash_sales"] ?? 0), cashRefunds: Money(row?["cash_refunds"] ?? 0),
            memberMoneyCash: Money(row?["member_money_cash"] ?? 0), salesCount: row?["sales_count"] ?? 0,
            refundCount: row?["refund_count"] ?? 0)
    }

    /// Closes a shift with the counted cash; expected, counted and over/short are kept and
    /// journaled. Open or parked sales are listed and stay for the next shift.
    public func closeShift(_ shift: Shift, counted: Money, actor: String) throws -> ShiftClosing {
        guard !counted.isNegative else { throw StoreError(.invalidInput, "counted: counted cash must be zero or more") }
        return try write { db in
            guard let current = try Shift.fetchOne(db, sql: "SELECT * FROM shifts WHERE id = ?", arguments: [shift.id]),
                current.closedAt == nil
            else {
                throw StoreError(.invalidInput, "the shift is already closed").because(.shiftAlreadyClosed)
            }
            let cash = try Self.shiftCash(current, db)
            let moment = try self.moment(db)
            try db.execute(
                sql: "UPDATE shifts SET closed_at = ?, closed_day = ?, expected_cash = ?, counted_cash = ? WHERE id = ?",
                arguments: [moment.at, moment.day, cash.expected.rupiah, counted.rupiah, current.id])
            try AuditJournal.append(
                db, store: self, kind: .shiftClosed, actor: actor, register: RegisterID(current.register),
                payload: [
                    "shift": .int(current.id), "opening_float": .int(cash.openingFloat.rupiah), "cash_sales": .int(cash.cashSales.rupiah),
                    "cash_refunds": .int(cash.cashRefunds.rupiah), "member_money_cash": .int(cash.memberMoneyCash.rupiah),
                    "expected": .int(cash.expected.rupiah), "counted": .int(counted.rupiah),
                    "over_short": .int(cash.drawer.overShort(counted: counted).rupiah), "cashier": .string(current.cashier),
                    "business_day": .string(current.businessDay),
                ])
            // The register's open sale is parked, so it waits for whoever comes next
            // instead of opening on their screen; nothing is dropped.
            for open in try SalesStore.storedSales(register: current.register, db) where open.state == .open && !open.sale.lines.isEmpty {
                try db.execute(
                    sql: "UPDATE open_sales SET state = 'parked', updated_at = ? WHERE id = ?", arguments: [moment.at, open.id])
                try AuditJournal.append(
                    db, store: self, kind: .saleParked, actor: actor, register: RegisterID(current.register),
                    payload: ["open_sale": .int(open.id), "reason": "shift closed"], at: moment)
            }
            let waiting = try SalesStore.storedSales(register: current.register, db)
            return ShiftClosing(shift: current, cash: cash, counted: counted, waitingSales: waiting)
        }
    }

    /// Opens the cash drawer without a sale (a supervisor's override), journaled.
    public func recordDrawerOpened(register: RegisterID, cashier: String, supervisor: String) throws {
        try JournalStore(database: database).recordEvent(
            kind: .drawerOpened, actor: supervisor, register: register, payload: ["cashier": .string(cashier)])
    }
}
