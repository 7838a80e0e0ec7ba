import ToraCore
import ToraPrint
import ToraStore

extension TillSession {
    /// Commands a cashier may not run alone: they wait for a supervisor's code and PIN.
    func needsOverride(_ command: TillCommand) -> Bool {
        guard let user, user.role < .supervisor else { return false }
        switch command {
        case .discount, .price, .cancel, .refund, .drawer, .withdraw: return true
        case .reprint(let receipt?):
            return receipt != (try? store.lastReceiptNumber(register: register)) ?? nil
        default: return false
        }
    }

    mutating func sell(_ command: TillCommand) -> TillReply {
        if needsOverride(command) {
            // A price or discount the rules refuse is refused before the supervisor is
            // asked, so no override is journaled for it (docs/numbers-and-money.md).
            do {
                try check(command)
            } catch {
                return reply([message(for: error)])
            }
            state = .overrideCode(command)
            return reply([t("override.needed")])
        }
        return run(command, supervisor: user?.role ?? .cashier >= .supervisor ? user?.code : nil)
    }

    /// A supervisor's code and PIN for a waiting command: checked, journaled, then run.
    mutating func authorise(_ command: TillCommand, supervisorCode: String, pin: String) -> TillReply {
        state = .selling
        do {
            let supervisor = try store.authenticate(code: supervisorCode, pin: pin, register: register)
            guard supervisor.role >= .supervisor else {
                return reply([t("override.not_supervisor", ["code": supervisor.code])])
            }
            try store.recordEvent(
                kind: .override, actor: supervisor.code, register: register,
                payload: ["command": .string(Self.describe(command)), "cashier": .string(user?.code ?? "")])
            return run(command, supervisor: supervisor.code)
        } catch {
            return reply([message(for: error)])
        }
    }

    /// Applies a price override or manual discount to a copy of the sale and throws what
    /// `run` would refuse: the amount as typed, the line, the range of the line amount.
    /// A ceiling price of subsidised goods (HET) is checked here too.
    func check(_ command: TillCommand) throws {
        switch command {
        case .price(let line, let amount):
            let price = try Money.parse(amount, field: "price")
            _ = try sale.overridingPrice(line: line, to: price)
            try checkHET(line: line, price: price)
        case .discount(let line, let value):
            _ = try sale.discounting(line: line, by: try Self.manualDiscount(value), rules: rules)
        case .withdraw(let text, let account, let amount):
            // Pokok and wajib are never paid out at a till, and no more than the balance (with
            // the other outlets' sukarela): no supervisor is asked for a withdrawal refused anyway.
            try account.checkWithdrawable(closing: false)
            guard let number = try memberNumber(text), let balances = try store.savingsBalances(member: number) else { return }
            let elsewhere = try store.otherOutletsSavings(member: number)?.balances.sukarela ?? .zero
            _ = try balances.withdrawing(try Money.parse(amount, field: "amount"), from: account, member: number, elsewhere: elsewhere)
        default:
            return
        }
    }

    static func describe(_ command: TillCommand) -> String {
        switch command {
        case .discount(let line, let value): return "disc \(line) \(value)"
        case .price(let line, let amount): return "price \(line) \(amount)"
        case .cancel: return "cancel"
        case .refund(let receipt): return "refund \(receipt)"
        case .reprint(let receipt): return "reprint \(receipt ?? "")"
        case .drawer: return "drawer"
        default: return "\(command)"
        }
    }

    /// Over 60 lines on purpose: one case per till command, each handing over to its handler.
    mutating func run(_ command: TillCommand, supervisor: String?) -> TillReply {
        do {
            switch command {
            case .empty: return reply([])
            case .invalid(let usage): return reply([t("error.invalid_command", ["reason": t("usage.\(usage)")])])
            case .unknownCommand(let word): return reply([t("error.unknown_command", ["value": word])])
            case .add(let code, let quantity): return reply(try add(code: code, quantity: quantity))
            case .pick(let number, let quantity):
                guard results.indices.contains(number - 1) else { return reply([t("search.no_result", ["number": String(number)])]) }
                return reply(try add(results[number - 1], quantity: quantity))
            case .search(let text): return reply(try search(text))
            case .member(let number): return reply(try attachMember(number))
            case .nik(let text): return reply(try nameBuyer(text))
            case .void(let line):
                let voided = sale.lines.first { $0.number == line }
                try change(
                    try sale.voiding(line: line),
                    journal: (
                        .saleLineVoided,
                        [
                            "line": .int(Int64(line)), "sku": .optional(voided?.item.sku),
                            "quantity": .int(voided?.quantity.thousandths ?? 0),
                        ]
                    ))
                return reply([t("sale.voided", ["line": String(line)])] + totalLine())
            case .quantity(let line, let text):
                guard let existing = sale.lines.first(where: { $0.number == line }) else {
                    return reply([message(for: CoreError(.lineNotFound, details: ["line": String(line)], reason: "no line \(line)"))])
                }
                let next = try sale.changingQuantity(line: line, to: try Quantity.parse(text, unit: existing.item.unit))
                try checkSubsidy(next, changed: line)
                try change(next)
                return reply(try lineAnswer(line))
            case .discount(let line, let value):
                let discount = try Self.manualDiscount(value)
                try change(
                    try sale.discounting(line: line, by: discount, rules: rules),
                    journal: (.saleDiscounted, ["line": .int(Int64(line)), "value": .string(value), "supervisor": .optional(supervisor)]))
                return reply(try lineAnswer(line))
            case .price(let line, let amount):
                let price = try Money.parse(amount, field: "price")
                try checkHET(line: line, price: price)
                try change(
                    try sale.overridingPrice(line: line, to: price),
                    journal: (
                        .salePriceOverridden,
                        ["line": .int(Int64(line)), "price": .int(price.rupiah), "supervisor": .optional(supervisor)]
                    ))
                return reply(try lineAnswer(line))
            case .total: return reply(try totalView())
            case .pay(let method, let amount): return reply(try pay(method, amount: amount))
            case .park: return reply(try park())
            case .resume(let number): return reply(try resume(number))
            case .cancel: return reply(try cancel(supervisor: supervisor ?? ""))
            case .refund(let receipt): return try startRefund(receipt, supervisor: supervisor ?? "")
            case .reprint(let receipt): return reply(try reprint(receipt))
            case .drawer:
                try store.recordDrawerOpened(register: register, cashier: user?.code ?? "", supervisor: supervisor ?? "")
                return reply([sink.openDrawer().map { t("drawer.failed", ["reason": printFault($0)]) } ?? t("drawer.opened")])
            case .shiftReport: return reply(try shiftReport())
            case .repay(let member, let amount, let method): return reply(try repay(member: member, amount: amount, method: method))
            case .deposit, .withdraw, .saveChange: return reply(try savings(command))
            case .close:
                state = .closingCount(forced: false)
                return reply(waitingSalesNotice())
            case .help: return reply(helpLines())
            case .quit:
                state = .finished
                return TillReply(lines: [t("quit.bye")], prompt: TillPrompt(""), isFinished: true)
            }
        } catch {
            return reply([message(for: error)])
        }
    }

    /// Stores the changed sale before anything is shown (the durability promise).
    mutating func change(_ next: Sale, journal: (kind: JournalKind, payload: [String: JSONValue])? = nil) throws {
        guard let user else { return }
        openSaleID = try store.saveOpenSale(
            id: openSaleID, register: register, cashier: user.code, sale: next,
            journal: journal.map { ($0.kind, user.code, $0.payload) })
        sale = next
    }

    static func manualDiscount(_ text: String) throws -> ManualDiscount {
        if text.hasSuffix("%") { return .percent(try Tier.parsePercent(text, field: "discount")) }
        return .amount(try Money.parse(text, field: "discount"))
    }

    // MARK: Adding

    mutating func add(code: String, quantity: String?) throws -> [String] {
        if !cardPrefix.isEmpty, code.uppercased().hasPrefix(cardPrefix.uppercased()),
            let member = try store.member(number: String(code.dropFirst(cardPrefix.count)))
        {
            return try attachMember(member.number)
        }
        let scanned: ScannedCode
        do {
            scanned = try ScannedCode.interpret(code)
        } catch {
            // A sku of 8, 12 or 13 digits is not a misread barcode.
            guard let product = try store.product(code: code) else { throw error }
            return try add(product, quantity: quantity)
        }
        switch scanned {
        case .lookup(let text):
            guard let product = try store.product(code: text) else {
                if let member = try store.member(number: text) { return try attachMember(member.number) }
                return [t("error.unknown_code", ["value": text])]
            }
            return try add(product, quantity: quantity)
        case .weighed(let plu, let weight):
            guard quantity == nil else { return [t("error.label_has_quantity")] }
            guard let product = try store.product(plu: plu) else { return [t("error.unknown_plu", ["value": plu])] }
            guard product.product.unit.isMeasured else { return [t("error.plu_not_weighed", ["name": product.product.name])] }
            return try add(product, fixedQuantity: weight, amount: nil)
        case .priced(let plu, let price):
            guard quantity == nil else { return [t("error.label_has_quantity")] }
            guard let product = try store.product(plu: plu) else { return [t("error.unknown_plu", ["value": plu])] }
            let quantity = Quantity.ofPricedLabel(price, unitPrice: product.product.price)
            return try add(product, fixedQuantity: quantity, amount: price)
        }
    }

    mutating func add(_ stocked: StockedProduct, quantity text: String?) throws -> [String] {
        let product = stocked.product
        let quantity: Quantity
        if let text {
            quantity = try Quantity.parse(text, unit: product.unit)
        } else {
            guard !product.unit.isMeasured else { return [t("error.needs_weight", ["name": product.name])] }
            quantity = .one
        }
        return try add(stocked, fixedQuantity: quantity, amount: nil)
    }

    mutating func add(_ stocked: StockedProduct, fixedQuantity quantity: Quantity, amount: Money?) throws -> [String] {
        let product = stocked.product
        guard product.isActive else { return [t("error.inactive_product", ["name": product.name])] }
        let next = try sale.adding(SaleItem(product, productID: stocked.id), quantity: quantity, fixedAmount: amount)
        try checkSubsidy(next, changed: next.lines.last?.number)
        try change(next)
        let number = sale.lines.last?.number ?? 0
        if number == 1 { hintedCategories = [] }
        var lines = try lineAnswer(number)
        if let hint = try localHint(for: product) { lines.append(hint) }
        return lines
    }

    func lineAnswer(_ number: Int) throws -> [String] {
        let priced = try sale.priced(with: rules)
        guard let line = priced.lines.first(where: { $0.number == number }) else { return [] }
        return TillText.line(line, texts: texts) + totalLine()
    }

    func totalLine() -> [String] {
        guard let priced = try? sale.priced(with: rules) else { return [] }
        var values = TillText.counts(sale.lines, texts: texts)
        values["total"] = priced.total.formatted
        return [t("sale.running_total", values)]
    }

    mutating func search(_ text: String) throws -> [String] {
        let hits = try store.search(text, limit: 9)
        results = hits.map(\.product)
        guard !hits.isEmpty else { return [t("search.none", ["text": text])] }
        var lines = hits.enumerated().map { index, hit in
            let p = hit.product.product
            return "#\(index + 1) \(p.isLocal ? "*" : " ") \(p.name)  \(p.price.formatted)\(p.unit.isMeasured ? "/\(p.unit.rawValue)" : "")"
        }
        lines.append(t("search.hint"))
        return lines
    }

    mutating func attachMember(_ number: String) throws -> [String] {
        guard let member = try store.member(number: number) else { return [t("error.unknown_member", ["value": number])] }
        guard member.isActive else { return [t("error.inactive_member", ["value": member.number])] }
        guard let tier = try store.tiers().first(where: { $0.name == member.tier }) else {
            return [t("error.unknown_member", ["value": number])]
        }
        try change(try sale.attaching(SaleMember(number: member.number, name: member.name, tier: tier)))
        let buyer = try nameMemberBuyer(member)
        return [t("sale.member", ["number": member.number, "name": member.name, "tier": tier.name])] + buyer + totalLine()
    }

    func saleLines() -> [String] {
        guard let priced = try? sale.priced(with: rules) else { return [] }
        var lines: [String] = []
        if let member = sale.member {
            lines.append(t("sale.member", ["number": member.number, "name": member.name, "tier": member.tier.name]))
        }
        if let buyer = sale.buyer { lines.append(t("sale.buyer", ["nik": buyer.masked])) }
        for line in priced.lines { lines += TillText.line(line, texts: texts) }
        return lines + totalLine()
    }

    func totalView() throws -> [String] {
        let priced = try sale.priced(with: rules)
        var lines = saleLines().dropLast().map { $0 }
        lines += TillText.totals(priced, sale: sale, rules: rules, texts: texts)
        return lines
    }

    func helpLines() -> [String] {
        [t("help.title")] + (1...26).map { t("help.\($0)") }
    }
}
