import ToraCore
import ToraStore

/// Parking, resuming and cancelling the open sale.
extension TillSession {
    mutating func park() throws -> [String] {
        guard let id = openSaleID, !sale.lines.isEmpty else { return [t("error.nothing_to_park")] }
        try store.park(id, actor: user?.code ?? "", register: register)
        sale = Sale()
        openSaleID = nil
        return [t("sale.parked", ["number": String(id)])]
    }

    mutating func resume(_ number: Int?) throws -> [String] {
        let parked = try store.parkedSales()
        guard let number else {
            guard !parked.isEmpty else { return [t("sale.none_parked")] }
            return parked.map { stored in
                let total = (try? stored.sale.priced(with: rules).total) ?? .zero
                var values = TillText.counts(stored.sale.lines, texts: texts)
                values.merge(["number": String(stored.id), "register": stored.register, "total": total.formatted]) { $1 }
                return t("sale.parked_entry", values)
            }
        }
        let stored = try store.resume(Int64(number), register: register, actor: user?.code ?? "")
        hintedCategories = []
        openSaleID = stored.id
        sale = stored.sale
        return [t("sale.resumed", ["number": String(number)])] + saleLines()
    }

    mutating func cancel(supervisor: String) throws -> [String] {
        guard let id = openSaleID, !sale.lines.isEmpty || sale.member != nil else { return [t("error.nothing_to_cancel")] }
        try store.cancelOpenSale(id, register: register, cashier: user?.code ?? "", supervisor: supervisor, rules: rules)
        sale = Sale()
        openSaleID = nil
        return [t("sale.cancelled")]
    }
}
