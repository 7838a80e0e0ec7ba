import ToraCore
import ToraPrint
import ToraResources
import ToraStore

extension TillSession {
    mutating func pay(_ method: TenderMethod, amount text: String?) throws -> [String] {
        if try sale.isSettled(with: rules) { return complete() }
        if sale.payments.isEmpty { try checkSubsidy(sale, changed: nil) }
        let tendered = try text.map { try Money.parse($0, field: "amount") }
        var available: Money?
        if method == .credit, let member = sale.member {
            available = try store.availableCredit(member: member.number)
        }
        let next = try sale.paying(method, tendered: tendered, rules: rules, creditAvailable: available)
        // A payment that settles the sale goes straight into the completing transaction,
        // which is durable on its own: storing the open sale first was one more fsync.
        if try next.isSettled(with: rules) { return complete(next) }
        try change(next)
        guard try sale.isSettled(with: rules) else {
            let due = try sale.remaining(with: rules)
            var lines = [
                t("sale.paid_part", ["method": t("method.\(method.rawValue)"), "amount": (sale.payments.last?.amount ?? .zero).formatted])
            ]
            lines.append(t("sale.due", ["due": due.formatted]))
            let cashDue = try sale.cashDue(with: rules)
            if cashDue != due { lines.append(t("sale.cash_due", ["due": cashDue.formatted])) }
            return lines
        }
        return complete()
    }

    /// Completes the settled sale (one transaction in the store), then prints. A printer
    /// fault is reported in one line; the sale is already safe. When completing fails, a
    /// payment just taken is stored with the open sale, so nothing typed is lost.
    mutating func complete(_ settled: Sale? = nil) -> [String] {
        guard let context else { return [] }
        do {
            let receipt = try store.completeSale(openSaleID: openSaleID, sale: settled ?? sale, context: context)
            var lines: [String] = []
            if !receipt.rounding.isZero { lines.append(t("sale.rounding", ["amount": receipt.rounding.formatted])) }
            lines.append(t("sale.change", ["change": receipt.change.formatted]))
            lines.append(t("sale.completed", ["receipt": receipt.number, "total": receipt.total.formatted]))
            lines += delivered(receipt)
            sale = Sale()
            openSaleID = nil
            return lines
        } catch {
            var lines = [message(for: error)]
            if let settled, !Self.isSubsidyRefusal(error) {
                do { try change(settled) } catch { lines.append(message(for: error)) }
            }
            return lines + [t("sale.complete_failed")]
        }
    }

    /// Sends a receipt to the printer (or the outbox) and says how it went.
    func delivered(_ receipt: Receipt) -> [String] {
        switch sink.deliver(receipt) {
        case .printed:
            return [t("receipt.printed", ["receipt": receipt.number])]
        case .kept(let reason?, _):
            return [t("receipt.not_printed", ["receipt": receipt.number, "reason": printFault(reason)])]
        case .kept(nil, let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .lost(let reason, let outbox, _):
            return [
                t("receipt.not_kept", ["receipt": receipt.number, "reason": printFault(reason), "outbox": printFault(outbox)])
            ]
        }
    }

    /// Why a printer (or the outbox) failed, in the till's language: a sentence per kind
    /// of fault naming the queue. CUPS's own English words stay out of the till; `tora
    /// printer retry` shows them.
    func printFault(_ error: PrintError) -> String {
        let key = "print.\(error.code.rawValue)"
        let values = ["queue": error.queue ?? "", "detail": error.message]
        return texts.strings[key] != nil ? t(key, values) : t("print.failed", values)
    }

    mutating func reprint(_ number: String?) throws -> [String] {
        guard let number = try number ?? store.lastReceiptNumber(register: register) else { return [t("error.no_receipt_yet")] }
        guard let receipt = try store.receipt(number: number) else { return [t("error.unknown_receipt", ["value": number])] }
        try store.recordEvent(
            kind: .receiptReprinted, actor: user?.code ?? "", register: register, payload: ["receipt": .string(receipt.number)])
        return delivered(receipt)
    }
}
