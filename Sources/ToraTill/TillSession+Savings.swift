import ToraCore
import ToraStore

extension TillSession {
    /// `simpan`, `tarik` and `tabung` (docs/savings.md): each movement gets its own receipt
    /// number and slip; the open sale, if any, is left as it is. Always in cash at the till.
    mutating func savings(_ command: TillCommand) throws -> [String] {
        guard let context else { return [] }
        let movement: SavingsMovement
        switch command {
        case .deposit(let text, let account, let amount):
            guard let number = try memberNumber(text) else { return [t("error.unknown_member", ["value": text])] }
            movement = try store.moveSavings(
                SavingsRequest(member: number, account: account, amount: try Money.parse(amount, field: "amount"), direction: .deposit),
                context: context, actor: context.cashier.code, ofReceipt: nil)
        case .withdraw(let text, let account, let amount):
            guard let number = try memberNumber(text) else { return [t("error.unknown_member", ["value": text])] }
            movement = try store.moveSavings(
                SavingsRequest(
                    member: number, account: account, amount: try Money.parse(amount, field: "amount"), direction: .withdrawal),
                context: context, actor: context.cashier.code, ofReceipt: nil)
        case .saveChange(let amount):
            // Only the register's last receipt, when it is a member's sale with change left
            // to save and no new sale has begun: the change is saved once, never guessed.
            guard sale.lines.isEmpty, let last = try store.lastChange(register: register), last.change.rupiah > 0 else {
                return [t("savings.no_change")]
            }
            let requested = try amount.map { try Money.parse($0, field: "amount") }
            let saved = try ChangeToSavings.amount(change: last.change, requested: requested)
            movement = try store.moveSavings(
                SavingsRequest(member: last.member, account: .sukarela, amount: saved, direction: .deposit, note: .change),
                context: context, actor: context.cashier.code, ofReceipt: last.receipt)
            let lines = [
                t(
                    "savings.change_saved",
                    [
                        "member": movement.member.number, "name": movement.member.name, "amount": saved.formatted,
                        "sale": last.receipt, "receipt": movement.receipt?.number ?? "",
                        "balance": movement.balances.sukarela.formatted,
                        "change": Money(last.change.rupiah - saved.rupiah).formatted,
                    ])
            ]
            return lines + (try otherOutlets(movement)) + (movement.receipt.map { delivered($0) } ?? [])
        default:
            return []
        }
        let account = movement.request.account
        let lines = [
            t(
                movement.request.direction == .deposit ? "savings.deposited" : "savings.withdrawn",
                [
                    "member": movement.member.number, "name": movement.member.name, "amount": movement.request.amount.formatted,
                    "account": account.rawValue, "receipt": movement.receipt?.number ?? "",
                    "balance": movement.balances[account].formatted,
                ])
        ]
        return lines + (try otherOutlets(movement)) + (movement.receipt.map { delivered($0) } ?? [])
    }

    /// The member's savings at the cooperative's other outlets as the last sync brought
    /// them, and all outlets together (docs/savings.md "Across outlets"); nothing when no
    /// sync has brought any.
    func otherOutlets(_ movement: SavingsMovement) throws -> [String] {
        guard let elsewhere = try store.otherOutletsSavings(member: movement.member.number) else { return [] }
        let accounts = SavingsAccount.allCases.map { "\($0.rawValue) \(elsewhere.balances[$0].formatted)" }.joined(separator: ", ")
        let total = Money(movement.balances.total.rupiah + elsewhere.balances.total.rupiah)
        return [
            t(
                "savings.other_outlets",
                [
                    "member": movement.member.number, "as_of": elsewhere.asOfLocal, "elsewhere": elsewhere.balances.total.formatted,
                    "accounts": accounts, "total": total.formatted,
                ])
        ]
    }

    /// The member's number as typed or as scanned from a card (with the card prefix).
    func memberNumber(_ text: String) throws -> String? {
        if try store.member(number: text) != nil { return text }
        if !cardPrefix.isEmpty, text.uppercased().hasPrefix(cardPrefix.uppercased()) {
            let number = String(text.dropFirst(cardPrefix.count))
            if try store.member(number: number) != nil { return number }
        }
        return nil
    }
}
