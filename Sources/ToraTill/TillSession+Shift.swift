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

    mutating func closeShift(_ line: String) -> TillReply {
        guard let shift, let user else { return reply([]) }
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
            lines.append(t("shift.closed"))
            self.shift = nil
            state = .finished
            return TillReply(lines: lines, prompt: TillPrompt(""), isFinished: true)
        } catch {
            return reply([message(for: error)])
        }
    }
}
