import ToraCore
import ToraStore

extension TillSession {
    /// `bayar-kasbon <member> <amount> [cash|qris|debit]`: a member repays credit. Its own
    /// receipt number and slip; the open sale, if any, is left as it is.
    mutating func repay(member text: String, amount: String, method: TenderMethod) throws -> [String] {
        guard let context else { return [] }
        var number = text
        if try store.member(number: number) == nil, !cardPrefix.isEmpty, text.uppercased().hasPrefix(cardPrefix.uppercased()) {
            number = String(text.dropFirst(cardPrefix.count))
        }
        guard try store.member(number: number) != nil else { return [t("error.unknown_member", ["value": text])] }
        let repayment = try store.repayCredit(
            member: number, amount: try Money.parse(amount, field: "amount"), method: method, context: context, actor: context.cashier.code)
        var lines = [
            t(
                "repay.done",
                [
                    "member": repayment.member.number, "name": repayment.member.name, "amount": repayment.amount.formatted,
                    "method": t("method.\(method.rawValue)"), "receipt": repayment.receipt?.number ?? "",
                    "owed": repayment.position.outstanding.formatted,
                ])
        ]
        if let receipt = repayment.receipt { lines += delivered(receipt) }
        return lines
    }
}
