import ToraCore
import ToraStore

extension TillSession {
    /// `refund <receipt>` after the override: lists what is refundable and enters refund mode.
    mutating func startRefund(_ number: String, supervisor: String) throws -> TillReply {
        let refundable = try store.refundableSale(receipt: number)
        refund = RefundDraft(sale: refundable, selections: [], supervisor: supervisor)
        state = .refunding
        return reply([t("refund.started", ["receipt": refundable.receiptNumber])] + refundableLines(refundable) + [t("refund.hint")])
    }

    func refundableLines(_ sale: RefundableSale) -> [String] {
        sale.lines.map { line in
            t(
                "refund.line",
                [
                    "line": String(line.lineNo), "name": line.item.name, "sold": line.sold.formatted(line.item.unit),
                    "left": line.remaining.formatted(line.item.unit), "net": line.net.formatted,
                ])
        }
    }

    mutating func refundLine(_ raw: String) -> TillReply {
        guard var draft = refund else {
            state = .selling
            return reply([])
        }
        let words = raw.trimmingSpaces().lowercased().split(separator: " ").map(String.init)
        do {
            switch words.first {
            case nil:
                return reply([])
            case "total", "jumlah":
                return reply(try refundTotal(draft))
            case "cancel", "batal", "batalkan":
                refund = nil
                state = .selling
                return reply([t("refund.left")])
            case "help", "bantuan", "?":
                return reply([t("refund.hint")])
            case "pay", "bayar":
                let method = words.count > 1 ? TenderMethod.parse(words[1]) : .cash
                guard let method, words.count <= 2 else { return reply([t("refund.pay_usage")]) }
                guard let context else { return reply([]) }
                let receipt = try store.completeRefund(
                    receipt: draft.sale.receiptNumber, selections: draft.selections, method: method, context: context,
                    supervisor: draft.supervisor)
                refund = nil
                state = .selling
                return reply(
                    [
                        t(
                            "refund.completed",
                            ["receipt": receipt.number, "total": receipt.total.formatted, "method": t("method.\(method.rawValue)")])
                    ]
                        + delivered(receipt))
            default:
                guard let number = Int(words[0]), words.count <= 2, let line = draft.sale.lines.first(where: { $0.lineNo == number }) else {
                    return reply([t("refund.unknown_line", ["value": raw.trimmingSpaces()])])
                }
                let already = draft.selections.filter { $0.lineNo == number }.reduce(Quantity.zero) { $0 + $1.quantity }
                guard (line.remaining - already).thousandths > 0 else {
                    return reply([t("refund.line_done", ["line": String(number), "name": line.item.name])])
                }
                let quantity = words.count == 2 ? try Quantity.parse(words[1], unit: line.item.unit) : line.remaining - already
                var next = draft.selections
                next.append(RefundSelection(lineNo: number, quantity: quantity))
                _ = try SalesStore.refundPortions(draft.sale, merged(next))
                draft.selections = next
                refund = draft
                return reply(
                    [t("refund.marked", ["line": String(number), "quantity": quantity.formatted(line.item.unit), "name": line.item.name])]
                        + (try refundTotal(draft)))
            }
        } catch {
            return reply([message(for: error)])
        }
    }

    func merged(_ selections: [RefundSelection]) -> [RefundSelection] {
        var totals: [Int: Quantity] = [:]
        for selection in selections {
            totals[selection.lineNo, default: .zero] = totals[selection.lineNo, default: .zero] + selection.quantity
        }
        return totals.keys.sorted().map { RefundSelection(lineNo: $0, quantity: totals[$0] ?? .zero) }
    }

    func refundTotal(_ draft: RefundDraft) throws -> [String] {
        let portions = try SalesStore.refundPortions(draft.sale, merged(draft.selections))
        guard !portions.isEmpty else { return [t("refund.nothing")] }
        var lines = portions.map { line, quantity, portion in
            t(
                "refund.portion",
                [
                    "line": String(line.lineNo), "name": line.item.name, "quantity": quantity.formatted(line.item.unit),
                    "net": portion.net.formatted,
                ])
        }
        lines.append(t("refund.total", ["total": Money(portions.reduce(0) { $0 + $1.2.net.rupiah }).formatted]))
        return lines
    }
}
