/// The open sale at a till as a value (DESIGN: "the open cart as a value").
///
/// Every change returns a new `Sale` or throws a `CoreError` and changes nothing, so the
/// till can store the new value before it answers. Prices are computed on demand by
/// `priced(with:)`, so attaching a member after scanning reprices every line.
public struct Sale: Sendable, Hashable, Codable {
    public private(set) var lines: [SaleLine]
    public private(set) var member: SaleMember?
    public private(set) var payments: [Payment]
    /// Cash forgiven when cash settled the sale (docs/pricing.md).
    public private(set) var rounding: Money
    /// The buyer of subsidised goods, named by NIK at the till or by the member's card.
    public private(set) var buyer: NIK?

    public init() {
        lines = []
        member = nil
        payments = []
        rounding = .zero
    }

    /// Lines that count: every line that has not been voided.
    public var activeLines: [SaleLine] { lines.filter { !$0.isVoided } }
    public var isEmpty: Bool { activeLines.isEmpty }

    /// Adds `quantity` of `item` as the next line. `fixedAmount` is the price read from a
    /// price-embedded scale label; the line then costs exactly that.
    public func adding(_ item: SaleItem, quantity: Quantity, fixedAmount: Money? = nil) throws(CoreError) -> Sale {
        try requireNoPayments()
        if fixedAmount == nil {
            try Sale.checkLineQuantity(quantity, unit: item.unit)
        }
        var next = self
        let number = (lines.last?.number ?? 0) + 1
        next.lines.append(SaleLine(number: number, item: item, quantity: quantity, fixedAmount: fixedAmount))
        try next.requireWithinMaximum()
        return next
    }

    /// Names the buyer of the sale's subsidised goods (docs/subsidised-goods.md).
    public func namingBuyer(_ nik: NIK?) throws(CoreError) -> Sale {
        try requireNoPayments()
        var next = self
        next.buyer = nik
        return next
    }

    /// Voids line `number`; it stays on the sale, shown as voided, and keeps its number.
    public func voiding(line number: Int) throws(CoreError) -> Sale {
        try requireNoPayments()
        var next = self
        let index = try activeLineIndex(number)
        next.lines[index].isVoided = true
        return next
    }

    /// Sets the quantity of line `number` (docs/pricing.md).
    public func changingQuantity(line number: Int, to quantity: Quantity) throws(CoreError) -> Sale {
        try requireNoPayments()
        var next = self
        let index = try activeLineIndex(number)
        guard lines[index].fixedAmount == nil else {
            throw CoreError(
                .fixedAmountLine, field: "line", value: String(number), details: ["line": String(number)],
                reason: "line \(number) was priced by its scale label; void it and scan the label again")
        }
        try Sale.checkLineQuantity(quantity, unit: lines[index].item.unit)
        next.lines[index].quantity = quantity
        try next.requireWithinMaximum()
        return next
    }

    /// A supervisor's discount on line `number`, replacing its tier discount. It is refused
    /// on products that are not discountable and when it exceeds the line amount.
    public func discounting(line number: Int, by discount: ManualDiscount, rules: PricingRules) throws(CoreError) -> Sale {
        try requireNoPayments()
        let index = try activeLineIndex(number)
        guard lines[index].item.isDiscountable else {
            throw CoreError(
                .notDiscountable, field: "line", value: String(number), details: ["line": String(number), "name": lines[index].item.name],
                reason: "\(lines[index].item.name) is not discountable")
        }
        let amount = try priced(with: rules).lines[index].amount
        switch discount {
        case .percent(let pct):
            guard (0...100).contains(pct) else {
                throw CoreError(.invalidPercent, field: "discount", value: "\(pct)%", reason: "\(pct)% is not a percent from 0 to 100")
            }
        case .amount(let value):
            guard !value.isNegative else {
                throw CoreError(.negativeAmount, field: "discount", value: value.formatted, reason: "a discount must be zero or more")
            }
            guard value <= amount else {
                throw CoreError(
                    .discountExceedsLine, field: "discount", value: value.formatted,
                    details: ["line": String(number), "amount": amount.formatted],
                    reason: "a discount of \(value.formatted) is more than line \(number)'s amount \(amount.formatted)")
            }
        }
        var next = self
        next.lines[index].manualDiscount = discount
        return next
    }

    /// A supervisor's unit price for line `number`, replacing the price and member price.
    public func overridingPrice(line number: Int, to price: Money) throws(CoreError) -> Sale {
        try requireNoPayments()
        let index = try activeLineIndex(number)
        guard lines[index].fixedAmount == nil else {
            throw CoreError(
                .fixedAmountLine, field: "line", value: String(number), details: ["line": String(number)],
                reason: "line \(number) was priced by its scale label; void it and scan the label again")
        }
        guard !price.isNegative else {
            throw CoreError(.negativeAmount, field: "price", value: price.formatted, reason: "a price must be zero or more")
        }
        var next = self
        next.lines[index].priceOverride = try Money.validated(price.rupiah, field: "price")
        _ = try price.times(next.lines[index].quantity)
        try next.requireWithinMaximum()
        return next
    }

    /// Attaches (or replaces) the member whose prices and discounts apply to every line.
    public func attaching(_ member: SaleMember) throws(CoreError) -> Sale {
        try requireNoPayments()
        var next = self
        next.member = member
        try next.requireWithinMaximum()
        return next
    }

    /// Removes the member again.
    public func detachingMember() throws(CoreError) -> Sale {
        try requireNoPayments()
        var next = self
        next.member = nil
        try next.requireWithinMaximum()
        return next
    }

    func activeLineIndex(_ number: Int) throws(CoreError) -> Int {
        guard let index = lines.firstIndex(where: { $0.number == number }) else {
            throw CoreError(
                .lineNotFound, field: "line", value: String(number), details: ["line": String(number)],
                reason: "there is no line \(number) on this sale")
        }
        guard !lines[index].isVoided else {
            throw CoreError(
                .lineVoided, field: "line", value: String(number), details: ["line": String(number)],
                reason: "line \(number) is already voided")
        }
        return index
    }

    func requireNoPayments() throws(CoreError) {
        guard payments.isEmpty else {
            throw CoreError(
                .saleHasPayments,
                reason: "payments have been taken on this sale; finish paying it, or cancel it to start again")
        }
    }

    /// docs/pricing.md: no line amount and no total may pass `Money.maximum`. Checked on the new
    /// value of every change that can raise an amount, so such a change is refused and the
    /// open sale stays one that can be priced. (Tax and cash rounding only split the total.)
    func requireWithinMaximum() throws(CoreError) {
        _ = try priced(with: PricingRules())
    }

    static func checkLineQuantity(_ quantity: Quantity, unit: MeasureUnit) throws(CoreError) {
        if !unit.isMeasured && !quantity.isWhole {
            throw CoreError(
                .wholeQuantityRequired, field: "quantity", value: quantity.formatted(unit),
                reason: "'\(quantity.formatted(unit))' is not a whole number; products sold in pcs take whole quantities")
        }
        try quantity.check(unit: unit, purpose: .saleLine)
    }

    mutating func record(_ payment: Payment, rounding: Money) {
        payments.append(payment)
        self.rounding = rounding
    }
}
