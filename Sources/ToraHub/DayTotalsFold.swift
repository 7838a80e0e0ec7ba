import ToraCore
import ToraJournal

/// Folds a run of one outlet's entries (a pushed batch's new entries, or a stretch of
/// its journal when rebuilding) into what each business day gains, with the same
/// `DayProjection` the outlet's Z report is projected with (docs/hub.md "Materialized
/// days"). Only the additive figures are kept, so folding a journal batch by batch gives
/// the same totals as folding it whole.
public struct DayTotalsFold: Sendable {
    /// A member's name as the journal last gave it, and when.
    public struct MemberName: Sendable, Hashable {
        public let name: String
        public let at: String
    }

    /// Business day (`YYYY-MM-DD`) → what the entries added to it.
    public private(set) var days: [String: DayTotals] = [:]
    /// Member number → the newest name the entries gave it.
    public private(set) var members: [String: MemberName] = [:]

    public init() {}

    /// Folds `entries`, in `seq` order. `payloads`, when given, are their payloads read
    /// already, one per entry (nil for one that is not JSON); else each is read here.
    public init(_ entries: [AuditEntry], payloads: [JSONView?]? = nil) {
        var byDay: [String: [Item]] = [:]
        for (index, entry) in entries.enumerated() {
            let payload = payloads.map { $0[index] } ?? JSONDocument.parse(entry.payload)?.root
            guard let (day, member, total) = classify(entry, payload) else { continue }
            byDay[day, default: []].append(Item(entry: entry, payload: payload, member: member, total: total))
        }
        for (day, group) in byDay { days[day] = Self.totals(day: day, group) }
        let savings = byDay.values.joined().filter { $0.entry.kind.hasPrefix("savings.") }
        for (day, moved) in Self.memberSavings(savings.map { ($0.entry, $0.payload) }) { days[day]?.memberSavings = moved }
    }

    /// An entry a day's figures read: with its payload, and for a member's sale or refund
    /// the member and what it adds to their purchases.
    private struct Item {
        let entry: AuditEntry
        let payload: JSONView?
        let member: String?
        let total: Int64
    }

    /// The business day an entry counts on, and for a member's sale or refund the member
    /// and what it adds to their purchases; nil for entries no day's figures read. Notes
    /// members' names on the way.
    private mutating func classify(_ entry: AuditEntry, _ payload: JSONView?) -> (String, String?, Int64)? {
        switch entry.kind {
        case "sale.completed", "refund.completed":
            guard let payload, let receipt = payload["receipt"]?.stringValue,
                let day = DayProjection.receiptDay(receipt)
            else { return nil }
            let total = payload["total"]?.intValue ?? 0
            return (day, payload["member"]?.stringValue, entry.kind == "sale.completed" ? total : -total)
        case "sale.cancelled", "credit.repaid", "savings.deposited", "savings.withdrawn":
            guard let payload else { return nil }
            if let day = payload["business_day"]?.stringValue { return (day, nil, 0) }
            // Older cancellations: the day of their moment in Asia/Jakarta, as a projection
            // that has not seen the register's shift opened takes it.
            guard entry.kind == "sale.cancelled", let seconds = ShopTime.epochSeconds(utc: entry.at) else { return nil }
            let offset = ShopTime.indonesianOffset("Asia/Jakarta") ?? 0
            return (ShopTime.dayText(ShopTime.local(epochSeconds: seconds, offset: offset).day), nil, 0)
        case "member.created", "member.changed":
            guard let payload else { return nil }
            let fields = entry.kind == "member.created" ? payload : payload["new"]
            if let number = fields?["number"]?.stringValue ?? payload["number"]?.stringValue, let name = fields?["name"]?.stringValue {
                if members[number].map({ $0.at <= entry.at }) ?? true { members[number] = MemberName(name: name, at: entry.at) }
            }
            return nil
        default:
            return nil
        }
    }

    /// One day's entries through `DayProjection`; an entry it refuses is left out and
    /// counted as unreadable.
    private static func totals(day: String, _ group: [Item]) -> DayTotals {
        var refused: Set<Int64> = []
        while true {
            guard var projection = DayProjection(day: day) else {
                var totals = DayTotals()
                totals.unreadable = group.count
                return totals
            }
            var failed: Int64?
            for item in group where !refused.contains(item.entry.seq) {
                do {
                    try projection.add(item.entry, parsed: item.payload)
                } catch {
                    failed = item.entry.seq
                    break
                }
            }
            if let failed {
                refused.insert(failed)
                continue
            }
            var purchases: [String: Int64] = [:]
            for item in group where !refused.contains(item.entry.seq) {
                if let member = item.member { purchases[member, default: 0] += item.total }
            }
            var totals = DayTotals(report: projection.report(), memberPurchases: purchases)
            totals.unreadable = refused.count
            return totals
        }
    }
}
