import ToraCore
import ToraJournal

extension DayTotalsFold {
    /// Business day → member → savings account → the net of the entries' savings
    /// movements (the signed `amount` of each `savings.deposited` / `savings.withdrawn`,
    /// opening balances included), as the shop's `member_money` sums them (docs/hub.md
    /// "Savings across outlets"), from the entries with their payloads as read for the fold.
    static func memberSavings(_ entries: [(entry: AuditEntry, payload: JSONView?)]) -> [String: [String: [String: Int64]]] {
        var savings: [String: [String: [String: Int64]]] = [:]
        for (entry, payload) in entries where entry.kind == "savings.deposited" || entry.kind == "savings.withdrawn" {
            guard let payload, let day = payload["business_day"]?.stringValue,
                let member = payload["member"]?.stringValue, let account = payload["account"]?.stringValue,
                let amount = payload["amount"]?.intValue
            else { continue }
            savings[day, default: [:]][member, default: [:]][account, default: 0] += amount
        }
        return savings
    }
}
