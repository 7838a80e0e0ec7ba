import ToraCore

extension DayProjection {
    /// A `sale.completed` of the day: its totals, lines, payments, its shift's cash and
    /// its subsidised lines.
    mutating func addSale(_ entry: AuditEntry, _ payload: JSONView) throws(JournalError) {
        let hour = try local(entry).hour
        let totals = try money(payload, ["gross", "discounts", "total", "rounding", "tax"], entry)
        fold.add(
            ReportSale(
                isRefund: false, register: entry.register ?? "", cashier: entry.actor, hour: hour, isMember: isMember(payload),
                gross: totals[0], discounts: totals[1], rounding: totals[3], total: totals[2], tax: totals[4],
                dpp: optionalMoney(payload, "dpp")))
        let units = try addLines(payload, isRefund: false, entry)
        var cash: Int64 = 0
        for payment in payload["payments"]?.arrayValue ?? [] {
            let method = try tender(payment, entry)
            let amount = try number(payment, "amount", entry)
            payments[method, default: 0] += amount
            if method == .cash { cash += amount }
            if method == .credit { credit.taken = Money(credit.taken.rupiah + amount) }
        }
        if let shift = payload["shift"]?.intValue { shifts[shift]?.cashSales += cash }
        try addSubsidy(payload, units: units, entry)
    }

    /// A `refund.completed` of the day: one payment of −total by its method.
    mutating func addRefund(_ entry: AuditEntry, _ payload: JSONView) throws(JournalError) {
        let hour = try local(entry).hour
        let total = try number(payload, "total", entry)
        fold.add(
            ReportSale(
                isRefund: true, register: entry.register ?? "", cashier: entry.actor, hour: hour, isMember: isMember(payload),
                gross: optionalMoney(payload, "gross"), discounts: optionalMoney(payload, "discounts"), rounding: .zero,
                total: Money(total), tax: optionalMoney(payload, "tax"), dpp: optionalMoney(payload, "dpp")))
        let units = try addLines(payload, isRefund: true, entry)
        let method = try tender(payload, entry)
        payments[method, default: 0] -= total
        if method == .cash, let shift = payload["shift"]?.intValue { shifts[shift]?.cashRefunds += total }
        if method == .credit { credit.refunded = Money(credit.refunded.rupiah + total) }
        try addSubsidy(payload, units: units, entry)
    }

    /// A credit repayment or savings movement of the day: by method in its section, and
    /// in its shift's drawer when paid in cash.
    mutating func addMemberMoney(_ entry: AuditEntry, _ payload: JSONView) throws(JournalError) {
        let method = try tender(payload, entry)
        let amount = try number(payload, "amount", entry)
        if entry.kind == "credit.repaid" {
            credit.repaidByMethod[method] = Money((credit.repaidByMethod[method]?.rupiah ?? 0) + amount)
        } else if payload["note"]?.stringValue != "opening" {
            if payload["kind"]?.stringValue == "deposit" {
                savings.depositsByMethod[method] = Money((savings.depositsByMethod[method]?.rupiah ?? 0) + amount)
            } else {
                savings.withdrawalsByMethod[method] = Money((savings.withdrawalsByMethod[method]?.rupiah ?? 0) - amount)
            }
        }
        if method == .cash, let shift = payload["shift"]?.intValue { shifts[shift]?.memberMoney += amount }
    }

    /// Adds the entry's lines to the fold; returns each line number's unit.
    private mutating func addLines(_ payload: JSONView, isRefund: Bool, _ entry: AuditEntry) throws(JournalError) -> [Int64: MeasureUnit] {
        var units: [Int64: MeasureUnit] = [:]
        for line in payload["lines"]?.arrayValue ?? [] {
            guard let sku = line["sku"]?.stringValue else {
                throw JournalError(seq: entry.seq, reason: "a line of \(entry.kind) has no sku")
            }
            let facts = lineFacts(line, sku: sku)
            if let number = line["line"]?.intValue { units[number] = facts.unit }
            fold.add(
                ReportLine(
                    isRefund: isRefund, sku: sku, name: facts.name, category: facts.category, unit: facts.unit,
                    quantity: Quantity(thousandths: try number(line, "quantity", entry)), net: Money(try number(line, "net", entry)),
                    isVoided: line["voided"]?.boolValue == true, isLocal: facts.isLocal))
        }
        return units
    }

    /// What the line itself records of its product (name, category, unit, local; entries
    /// since this version), else what the catalogue said when it was sold.
    private func lineFacts(_ line: JSONView, sku: String) -> JournalShopState.ProductFacts {
        if let name = line["name"]?.stringValue, let category = line["category"]?.stringValue,
            let unit = line["unit"]?.stringValue.flatMap(MeasureUnit.init(rawValue:)), let local = line["local"]
        {
            return JournalShopState.ProductFacts(name: name, category: category, unit: unit, isLocal: local.boolValue == true)
        }
        return shop.product(sku)
    }

    /// The entry's `subsidy` rows into their programmes.
    private mutating func addSubsidy(_ payload: JSONView, units: [Int64: MeasureUnit], _ entry: AuditEntry) throws(JournalError) {
        for row in payload["subsidy"]?.arrayValue ?? [] {
            guard let programme = row["programme"]?.stringValue else {
                throw JournalError(seq: entry.seq, reason: "a subsidy row of \(entry.kind) has no programme")
            }
            let unit = (row["line"]?.intValue.flatMap { units[$0] } ?? shop.product(row["sku"]?.stringValue ?? "").unit).rawValue
            var tally = subsidy[programme] ?? SubsidyTally()
            tally.units += try number(row, "quantity", entry)
            tally.net += try number(row, "amount", entry)
            if tally.unit.map({ unit < $0 }) ?? true { tally.unit = unit }
            if let isNew = row["new_buyer"] {
                if isNew.boolValue == true { tally.newBuyers += 1 }
            } else if let nik = row["nik"]?.stringValue {
                tally.buyers.insert(nik)
            }
            subsidy[programme] = tally
        }
    }

    /// The programmes of the day in the order of their codes' bytes.
    func subsidyLines() -> [SubsidyDayLine] {
        subsidy.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }.map {
            SubsidyDayLine(
                programme: $0.key, units: Quantity(thousandths: $0.value.units),
                unit: $0.value.unit.flatMap(MeasureUnit.init(rawValue:)) ?? .pcs, net: Money($0.value.net),
                buyers: $0.value.newBuyers + $0.value.buyers.count)
        }
    }

    private func isMember(_ payload: JSONView) -> Bool { payload["member"]?.stringValue != nil }

    private func money(_ payload: JSONView, _ keys: [String], _ entry: AuditEntry) throws(JournalError) -> [Money] {
        var values: [Money] = []
        for key in keys { values.append(Money(try number(payload, key, entry))) }
        return values
    }

    /// A figure older entries may lack (docs/audit-journal.md lists them): 0 then.
    private func optionalMoney(_ payload: JSONView, _ key: String) -> Money { Money(payload[key]?.intValue ?? 0) }

    private func tender(_ object: JSONView, _ entry: AuditEntry) throws(JournalError) -> TenderMethod {
        guard let method = object["method"]?.stringValue.flatMap(TenderMethod.init(rawValue:)) else {
            throw JournalError(seq: entry.seq, reason: "\(entry.kind) has no payment method")
        }
        return method
    }
}
