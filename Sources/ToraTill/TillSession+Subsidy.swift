import ToraCore
import ToraStore

/// Subsidised goods at the till (docs/subsidised-goods.md): the buyer named by NIK, the
/// programme's ceiling price on price overrides, and the buyer's limit checked as a line
/// is added or changed (and again inside the sale's completion).
extension TillSession {
    /// `nik <16 digits>`: names the buyer. Refused, changing nothing, when the digits are
    /// not a NIK or the sale's subsidised lines would take this buyer past a limit.
    mutating func nameBuyer(_ text: String) throws -> [String] {
        let nik = try NIK(text)
        let next = try sale.namingBuyer(nik)
        try checkSubsidy(next, changed: nil)
        try change(next, journal: (.saleBuyerNamed, ["nik": .string(nik.masked)]))
        return [t("sale.buyer", ["nik": nik.masked])] + totalLine()
    }

    /// The buyer's NIK on file for an attached member, when no buyer is named yet.
    mutating func nameMemberBuyer(_ member: Member) throws -> [String] {
        guard sale.buyer == nil, let digits = member.nik, let nik = try? NIK(digits) else { return [] }
        let next = try sale.namingBuyer(nik)
        do {
            try checkSubsidy(next, changed: nil)
        } catch {
            return [message(for: error)]
        }
        try change(next, journal: (.saleBuyerNamed, ["nik": .string(nik.masked), "member": .string(member.number)]))
        return [t("sale.buyer", ["nik": nik.masked])]
    }

    /// The buyer's limits for `next` (the line `changed` just added or changed), on the
    /// shift's business day; a refusal is journaled by the store with the masked NIK.
    func checkSubsidy(_ next: Sale, changed: Int?) throws {
        // Selling needs an open shift; its day is the day the units count on (the sale's
        // completion checks again in its own transaction).
        guard next.activeLines.contains(where: { $0.item.subsidy != nil }), let day = shift.flatMap({ BusinessDay($0.businessDay) })
        else { return }
        try store.checkSubsidy(next, changed: changed, businessDay: day, actor: user?.code ?? "", register: register)
    }

    /// A price override may not exceed the HET of the line's programme: checked before a
    /// supervisor is asked, so a refused override is never journaled.
    func checkHET(line number: Int, price: Money) throws {
        guard let line = sale.activeLines.first(where: { $0.number == number }), let code = line.item.subsidy,
            let programme = try store.programme(code: code)
        else { return }
        try programme.checkPrice(price, field: "price", sku: line.item.sku)
    }

    /// Whether a completion failed on a subsidy rule (the payment is then not kept, so the
    /// cashier can change the lines).
    static func isSubsidyRefusal(_ error: any Error) -> Bool {
        guard let code = (error as? StoreError)?.coreError?.code ?? (error as? CoreError)?.code else { return false }
        return code == .subsidyLimit || code == .nikRequired
    }
}
