import GRDB
import ToraCore

/// A shift as `tora shift list` shows it: its row and, while open, its cash so far.
public struct ShiftSummary: Sendable, Hashable {
    public let shift: Shift
    /// The expected cash: stored at close, computed so far while open.
    public let expected: Money
    /// counted − expected once closed.
    public var overShort: Money? { shift.countedCash.map { DrawerCash.overShort(counted: $0, expected: expected) } }
}

extension ShiftStore {
    /// Shifts, newest first; only the open ones when asked.
    public func all(openOnly: Bool = false, limit: Int = 200) throws -> [ShiftSummary] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM shifts \(openOnly ? "WHERE closed_at IS NULL" : "") ORDER BY id DESC LIMIT ?",
                arguments: [limit])
            return try rows.map { row in
                let shift = Shift(row: row)
                let stored: Int64? = row["expected_cash"]
                let expected = try stored.map(Money.init) ?? Self.shiftCash(shift, db).expected
                return ShiftSummary(shift: shift, expected: expected)
            }
        }
    }

    /// Closes the open shift of `register` with the counted cash, whoever opened it (a
    /// supervisor's or manager's act: the caller checks the role). Journaled as
    /// `shift.closed` with `actor` as the one who closed it and the shift's cashier.
    public func closeShift(register: RegisterID, counted: Money, actor: String) throws -> ShiftClosing {
        guard let shift = try openShift(register: register) else {
            throw StoreError(.notFound, "register \(register) has no open shift")
        }
        return try closeShift(shift, counted: counted, actor: actor)
    }

    /// `moment` moved to the business day of the shift a till works in: a shift's sales,
    /// refunds and members' money belong to the day it opened, so one running past
    /// midnight reconciles in one Z report. Refused when that shift has been closed
    /// meanwhile (by a supervisor, elsewhere): the till must log in again.
    static func shiftMoment(_ moment: ShopMoment, shiftID: Int64?, register: RegisterID, _ db: Database) throws -> ShopMoment {
        guard let shiftID else { return moment }
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT business_day, closed_at FROM shifts WHERE id = ?"), arguments: [shiftID])
        else { return moment }
        guard (row["closed_at"] as String?) == nil else {
            throw StoreError(.invalidInput, "the shift of register \(register) has been closed; log in again to open a new one")
                .because(.shiftClosedElsewhere(register: register.text))
        }
        return moment.onBusinessDay(row["business_day"])
    }
}

extension ShopMoment {
    init(at: String, day: String, hour: Int, local: String) {
        self.at = at
        self.day = day
        self.hour = hour
        self.local = local
    }

    /// The same instant booked on `day` (its time and hour unchanged).
    func onBusinessDay(_ day: String) -> ShopMoment {
        ShopMoment(at: at, day: day, hour: hour, local: local)
    }
}
