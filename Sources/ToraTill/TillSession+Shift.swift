import ToraCore
import ToraStore

extension TillSession {
    func waitingSalesNotice() -> [String] {
        var lines: [String] = []
        if !sale.lines.isEmpty { lines.append(t("shift.close.open_sale")) }
        return lines
    }

    func shiftReport() throws -> [String] {
        guard let shift else { return [] }
        let report = try store.shiftReport(shift)
        let cash = try store.shiftCash(shift)
        return TillText.shiftReport(report, cash: cash, shift: shift, openedAt: store.localTime(shift.openedAt), texts: texts)
    }

    /// At login, a register's open shift that must be closed before anyone sells: another
    /// cashier's (only a supervisor or manager may close it; a cashier is turned away), or
    /// one that opened on an earlier business day (its own cashier counts it first). Returns
    /// the reply that stops the login there, or nil to go on selling in `open`.
    mutating func shiftToCloseFirst(_ open: Shift, user: User) throws -> TillReply? {
        // Only a login that stops here shows when the shift opened: the usual login (the
        // cashier's own shift of today) reads no timestamp at all.
        let (register, store) = (self.register, self.store)
        var values: [String: String] {
            ["register": register.text, "cashier": open.cashier, "day": open.businessDay, "opened": store.localTime(open.openedAt)]
        }
        let isOwn = open.cashier.lowercased() == user.code.lowercased()
        if !isOwn && user.role < .supervisor {
            state = .loginCode
            return reply([t("login.shift_of_other", values), t("login.shift_of_other_hint", values)])
        }
        let isStale = open.businessDay < (try store.today())
        guard !isOwn || isStale else { return nil }
        self.user = user
        rules = try store.pricingRules()
        cardPrefix = try store.setting(.memberCardPrefix)
        shift = open
        state = .closingCount(forced: true)
        var lines = [t("login.welcome", ["name": user.name, "register": register.text])]
        lines.append(t(isOwn ? "login.shift_stale" : "login.shift_close_other", values))
        return reply(lines)
    }

    mutating func closeShift(_ line: String, forced: Bool) -> TillReply {
        guard let shift, let user else { return reply([]) }
        if TillParser.parse(line) == .quit {
            // Leaving the count: a forced close ends the session (the shift stays open);
            // a `close` the cashier typed goes back to selling.
            guard forced else {
                state = .selling
                return reply([t("shift.close.abandoned")])
            }
            state = .finished
            return TillReply(lines: [t("shift.close.abandoned"), t("quit.bye")], prompt: TillPrompt(""), isFinished: true)
        }
        do {
            let counted = try Money.parse(line, field: "counted")
            let closing = try store.closeShift(shift, counted: counted, actor: user.code)
            var lines = try shiftReport()
            lines.append(
                t(
                    "shift.close.summary",
                    [
                        "expected": closing.cash.expected.formatted, "counted": counted.formatted,
                        "difference": TillText.signed(closing.overShort),
                    ]))
            for waiting in closing.waitingSales where !waiting.sale.lines.isEmpty {
                var values = TillText.counts(waiting.sale.lines, texts: texts)
                values.merge(["number": String(waiting.id), "state": t("state.\(waiting.state.rawValue)")]) { $1 }
                lines.append(t("shift.close.waiting", values))
            }
            if shift.cashier.lowercased() != user.code.lowercased() {
                lines.append(t("shift.closed_for", ["cashier": shift.cashier, "supervisor": user.code]))
            } else {
                lines.append(t("shift.closed"))
            }
            self.shift = nil
            guard forced else {
                state = .finished
                return TillReply(lines: lines, prompt: TillPrompt(""), isFinished: true)
            }
            // The login goes on: a new shift for today, with its own float.
            sale = Sale()
            openSaleID = nil
            state = .openingFloat
            return reply(lines)
        } catch {
            return reply([message(for: error)])
        }
    }
}
