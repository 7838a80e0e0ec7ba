import Foundation
import ToraCore
import ToraStore

/// What the till asks of the shop's books, and nothing more: the till depends on this
/// list, not on the whole store. `ShopStore` is the one implementation, and the till's
/// tests drive that real store on a real file.
public protocol TillBooks: Sendable {
    // Signing in and the shop's settings.
    func authenticate(code: String, pin: String, register: RegisterID?) throws -> User
    func pricingRules() throws -> PricingRules
    func setting(_ key: SettingKey) throws -> String
    func localTime(_ stored: String) -> String
    func today() throws -> String

    // The cashier's shift.
    func openShift(register: RegisterID) throws -> Shift?
    func openShift(register: RegisterID, cashier: String, float: Money) throws -> Shift
    func shiftCash(_ shift: Shift) throws -> ShiftCash
    func shiftReport(_ shift: Shift) throws -> SalesReport
    func closeShift(_ shift: Shift, counted: Money, actor: String) throws -> ShiftClosing
    func recordDrawerOpened(register: RegisterID, cashier: String, supervisor: String) throws

    // Finding goods.
    func product(code: String) throws -> StockedProduct?
    func product(plu: String) throws -> StockedProduct?
    func search(_ text: String, limit: Int) throws -> [SearchHit]
    func localAlternative(category: String, unit: MeasureUnit, excluding sku: String) throws -> StockedProduct?

    // Members and their money.
    func member(number: String) throws -> Member?
    func tiers() throws -> [Tier]
    func availableCredit(member number: String) throws -> Money
    func savingsBalances(member number: String) throws -> SavingsBalances?
    /// The member's savings at the cooperative's other outlets as the last sync brought them.
    func otherOutletsSavings(member number: String) throws -> OtherOutletsSavings?
    func repayCredit(member number: String, amount: Money, method: TenderMethod, context: TillContext?, actor: String) throws
        -> CreditRepayment
    func moveSavings(_ request: SavingsRequest, context: TillContext?, actor: String, ofReceipt: String?) throws -> SavingsMovement
    func lastChange(register: RegisterID) throws -> (receipt: String, member: String, change: Money)?

    // The open sale, parking, completing, refunding.
    func openSale(register: RegisterID) throws -> StoredSale?
    func saveOpenSale(
        id: Int64?, register: RegisterID, cashier: String, sale: Sale,
        journal: (kind: JournalKind, actor: String, payload: [String: JSONValue])?
    ) throws -> Int64
    func park(_ id: Int64, actor: String, register: RegisterID) throws
    func parkedSales() throws -> [StoredSale]
    func resume(_ id: Int64, register: RegisterID, actor: String) throws -> StoredSale
    func cancelOpenSale(_ id: Int64, register: RegisterID, cashier: String, supervisor: String, rules: PricingRules) throws
    func completeSale(openSaleID: Int64?, sale: Sale, context: TillContext) throws -> Receipt
    func receipt(number: String) throws -> Receipt?
    func lastReceiptNumber(register: RegisterID) throws -> String?
    func refundableSale(receipt number: String) throws -> RefundableSale
    func completeRefund(
        receipt original: String, selections: [RefundSelection], method: TenderMethod, context: TillContext, supervisor: String
    ) throws -> Receipt

    // Subsidised goods.
    func checkSubsidy(_ sale: Sale, changed: Int?, businessDay: BusinessDay, actor: String, register: RegisterID) throws
    func programme(code: String) throws -> SubsidyProgramme?

    /// Journals an event that changes nothing (an override, a reprint).
    func recordEvent(kind: JournalKind, actor: String, register: RegisterID?, payload: [String: JSONValue]) throws
}

/// The shop file's focused stores, seen as the till's books.
extension ShopStore: TillBooks {
    public func authenticate(code: String, pin: String, register: RegisterID?) throws -> User {
        try users.authenticate(code: code, pin: pin, register: register)
    }
    public func openShift(register: RegisterID) throws -> Shift? { try shifts.openShift(register: register) }
    public func openShift(register: RegisterID, cashier: String, float: Money) throws -> Shift {
        try shifts.openShift(register: register, cashier: cashier, float: float)
    }
    public func shiftCash(_ shift: Shift) throws -> ShiftCash { try shifts.shiftCash(shift) }
    public func shiftReport(_ shift: Shift) throws -> SalesReport { try reports.shiftReport(shift) }
    public func closeShift(_ shift: Shift, counted: Money, actor: String) throws -> ShiftClosing {
        try shifts.closeShift(shift, counted: counted, actor: actor)
    }
    public func recordDrawerOpened(register: RegisterID, cashier: String, supervisor: String) throws {
        try shifts.recordDrawerOpened(register: register, cashier: cashier, supervisor: supervisor)
    }

    public func product(code: String) throws -> StockedProduct? { try catalogue.product(code: code) }
    public func product(plu: String) throws -> StockedProduct? { try catalogue.product(plu: plu) }
    public func search(_ text: String, limit: Int) throws -> [SearchHit] { try catalogue.search(text, limit: limit) }
    public func localAlternative(category: String, unit: MeasureUnit, excluding sku: String) throws -> StockedProduct? {
        try catalogue.localAlternative(category: category, unit: unit, excluding: sku)
    }

    public func member(number: String) throws -> Member? { try members.member(number: number) }
    public func tiers() throws -> [Tier] { try members.tiers() }
    public func availableCredit(member number: String) throws -> Money { try members.availableCredit(member: number) }
    public func savingsBalances(member number: String) throws -> SavingsBalances? { try members.savingsBalances(member: number) }
    public func otherOutletsSavings(member number: String) throws -> OtherOutletsSavings? {
        try members.otherOutletsSavings(member: number)
    }
    public func repayCredit(member number: String, amount: Money, method: TenderMethod, context: TillContext?, actor: String) throws
        -> CreditRepayment
    {
        try members.repayCredit(member: number, amount: amount, method: method, context: context, actor: actor)
    }
    public func moveSavings(_ request: SavingsRequest, context: TillContext?, actor: String, ofReceipt: String?) throws -> SavingsMovement {
        try members.moveSavings(request, context: context, actor: actor, ofReceipt: ofReceipt)
    }
    public func lastChange(register: RegisterID) throws -> (receipt: String, member: String, change: Money)? {
        try members.lastChange(register: register)
    }

    public func openSale(register: RegisterID) throws -> StoredSale? { try sales.openSale(register: register) }
    public func saveOpenSale(
        id: Int64?, register: RegisterID, cashier: String, sale: Sale,
        journal: (kind: JournalKind, actor: String, payload: [String: JSONValue])?
    ) throws -> Int64 {
        try sales.saveOpenSale(id: id, register: register, cashier: cashier, sale: sale, journal: journal)
    }
    public func park(_ id: Int64, actor: String, register: RegisterID) throws { try sales.park(id, actor: actor, register: register) }
    public func parkedSales() throws -> [StoredSale] { try sales.parkedSales() }
    public func resume(_ id: Int64, register: RegisterID, actor: String) throws -> StoredSale {
        try sales.resume(id, register: register, actor: actor)
    }
    public func cancelOpenSale(_ id: Int64, register: RegisterID, cashier: String, supervisor: String, rules: PricingRules) throws {
        try sales.cancelOpenSale(id, register: register, cashier: cashier, supervisor: supervisor, rules: rules)
    }
    public func completeSale(openSaleID: Int64?, sale: Sale, context: TillContext) throws -> Receipt {
        try sales.completeSale(openSaleID: openSaleID, sale: sale, context: context)
    }
    public func receipt(number: String) throws -> Receipt? { try sales.receipt(number: number) }
    public func lastReceiptNumber(register: RegisterID) throws -> String? { try sales.lastReceiptNumber(register: register) }
    public func refundableSale(receipt number: String) throws -> RefundableSale { try sales.refundableSale(receipt: number) }
    public func completeRefund(
        receipt original: String, selections: [RefundSelection], method: TenderMethod, context: TillContext, supervisor: String
    ) throws -> Receipt {
        try sales.completeRefund(receipt: original, selections: selections, method: method, context: context, supervisor: supervisor)
    }

    public func checkSubsidy(_ sale: Sale, changed: Int?, businessDay: BusinessDay, actor: String, register: RegisterID) throws {
        try subsidy.checkSubsidy(sale, changed: changed, businessDay: businessDay, actor: actor, register: register)
    }
    public func programme(code: String) throws -> SubsidyProgramme? { try subsidy.programme(code: code) }

    public func recordEvent(kind: JournalKind, actor: String, register: RegisterID?, payload: [String: JSONValue]) throws {
        try journal.recordEvent(kind: kind, actor: actor, register: register, payload: payload)
    }
}
