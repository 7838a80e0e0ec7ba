import ToraCore

/// The Z report of one business day of one shop, projected from that shop's journal alone
/// (docs/journal-projection.md): the hub's `report eod` and the shop's `tora report eod`
/// give the same `SalesReport`, figure for figure, because both sum with ToraCore's
/// `DayFold` and `DrawerTally`.
///
/// Feed it every entry of the outlet's journal in `seq` order, from the first (the shop's
/// time zone, users and catalogue come from earlier entries), then read `report()`. One
/// pass; only the entries of the kinds a Z report reads have their payload parsed, and a
/// sale of another day is passed over without being parsed.
public struct DayProjection: Sendable {
    /// Seconds from UTC of a time zone at an instant (seconds since 1970), or nil when the
    /// zone is not known; `ShopTime.indonesianOffset` by default.
    public typealias ZoneOffset = @Sendable (_ zone: String, _ epochSeconds: Int64) -> Int?

    public let day: String
    /// The shop as its journal has described it up to the last entry added.
    public private(set) var shop = JournalShopState()
    /// A time zone the offsets did not know (the projection then used Asia/Jakarta's).
    public private(set) var unknownZone: String?
    private let zoneOffset: ZoneOffset
    /// `-YYYYMMDD-`: a receipt of this day holds these bytes.
    private let receiptMark: [UInt8]

    var fold = DayFold()
    var payments: [TenderMethod: Int64] = [:]
    var cancelled = 0
    /// The shifts that opened on this day, by id.
    var shifts: [Int64: ShiftDrawer] = [:]
    var credit = SalesReport.Credit()
    var savings = SalesReport.Savings()
    var subsidy: [String: SubsidyTally] = [:]
    /// The entry of the day's last sale or refund.
    var lastSale: JournalHead?
    /// The last entry written a full day before this day's end in any zone, and the
    /// entries written near that end: the day's journal head is one of them.
    private var headBefore: JournalHead?
    private var headWindow: [(at: String, head: JournalHead)] = []
    private let windowStart: String
    private let windowEnd: String

    /// A projection of `day` (`YYYY-MM-DD`); nil when that is not a real day. `shop` is
    /// the shop as the entries before the first one added described it (kept with
    /// `JournalShopState.apply`); start at least a day before `day`, so the journal head
    /// and the shifts of the day are seen.
    public init?(
        day: String, shop: JournalShopState = JournalShopState(),
        zoneOffset: @escaping ZoneOffset = { zone, _ in ShopTime.indonesianOffset(zone) }
    ) {
        guard let early = ShopTime.start(ofDayAfter: day, offset: 14 * 3600),
            let late = ShopTime.start(ofDayAfter: day, offset: -12 * 3600)
        else { return nil }
        self.day = day
        self.shop = shop
        self.zoneOffset = zoneOffset
        receiptMark = Array("-\(day.filter { $0 != "-" })-".utf8)
        windowStart = early
        windowEnd = late
    }

    /// Takes the next entry of the journal. A payload that is not JSON, or an entry of
    /// the day that lacks a figure the report needs, is refused naming the entry; the
    /// projection may then hold part of that entry, so report nothing from it.
    ///
    /// `parsed` is the entry's payload when the caller has parsed it already (the hub
    /// parses each received entry once, docs/performance.md "Hub"); nil parses it here.
    public mutating func add(_ entry: AuditEntry, parsed: JSONView? = nil) throws(JournalError) {
        noteHead(entry)
        switch entry.kind {
        case "sale.completed", "refund.completed":
            guard parsed != nil || contains(entry.payload, receiptMark) else { return }
            let payload = try parse(entry, parsed)
            guard let receipt = payload["receipt"]?.stringValue, Self.receiptDay(receipt) == day else { return }
            if entry.kind == "sale.completed" { try addSale(entry, payload) } else { try addRefund(entry, payload) }
            lastSale = entry.head
        case "sale.cancelled":
            let payload = try parse(entry, parsed)
            var day = payload["business_day"]?.stringValue ?? entry.register.flatMap { shop.openShiftDays[$0] }
            if day == nil { day = ShopTime.dayText(try local(entry).day) }
            if day == self.day { cancelled += 1 }
        case "credit.repaid", "savings.deposited", "savings.withdrawn":
            let payload = try parse(entry, parsed)
            guard payload["business_day"]?.stringValue == day else { return }
            try addMemberMoney(entry, payload)
        case "shift.opened":
            let payload = try parse(entry, parsed)
            shop.apply(entry, payload)
            guard payload["business_day"]?.stringValue == day, let id = payload["shift"]?.intValue else { return }
            shifts[id] = ShiftDrawer(openingFloat: try number(payload, "opening_float", entry))
        case "shift.closed":
            let payload = try parse(entry, parsed)
            shop.apply(entry, payload)
            if let id = payload["shift"]?.intValue, shifts[id] != nil {
                let counted = try number(payload, "counted", entry)
                shifts[id]?.counted = Money(counted)
            }
        case _ where JournalShopState.kinds.contains(entry.kind):
            shop.apply(entry, try parse(entry, parsed))
        default:
            break
        }
    }

    /// The Z report of the day from the entries added so far.
    public func report() -> SalesReport {
        var tally = DrawerTally()
        for drawer in shifts.values {
            tally.add(
                DrawerCash(
                    openingFloat: Money(drawer.openingFloat), cashSales: Money(drawer.cashSales), cashRefunds: Money(drawer.cashRefunds),
                    memberMoney: Money(drawer.memberMoney)), counted: drawer.counted)
        }
        let cash = SalesReport.Cash(
            openingFloat: tally.openingFloat, expected: tally.expected, counted: tally.counted, overShort: tally.overShort,
            openShifts: tally.openShifts)
        let names = shop.userNames
        return SalesReport(
            date: day, salesCount: fold.salesCount, refundCount: fold.refundCount, voidLines: fold.voidLines, cancelledSales: cancelled,
            gross: Money(fold.gross), discounts: Money(fold.discounts), rounding: Money(fold.rounding), refunds: Money(fold.refunds),
            tax: Money(fold.tax), dpp: Money(fold.dpp), payments: payments.mapValues { Money($0) }, cash: cash,
            localNet: Money(fold.localNet), memberNet: Money(fold.memberNet), memberSalesCount: fold.memberSalesCount,
            byCategory: fold.byCategory(), byRegister: fold.byRegister(), byCashier: fold.byCashier { names[$0] ?? $0 },
            byHour: fold.byHour(), topProducts: fold.topProducts(limit: 10), journalHead: journalHead(), credit: credit,
            subsidy: subsidyLines(), savings: savings)
    }

    // MARK: The journal head

    private mutating func noteHead(_ entry: AuditEntry) {
        if entry.at < windowStart {
            headBefore = entry.head
        } else if entry.at < windowEnd {
            headWindow.append((entry.at, entry.head))
        }
    }

    /// The last entry written before the next day began in the shop's time zone (as it
    /// is now), or the entry of the day's last sale if that is later.
    private func journalHead() -> JournalHead? {
        var head = headBefore
        let end = ShopTime.start(ofDayAfter: day, offset: 0).flatMap(ShopTime.epochSeconds(utc:)) ?? 0
        let offset = zoneOffset(shop.timeZone, end) ?? ShopTime.indonesianOffset("Asia/Jakarta") ?? 0
        if let end = ShopTime.start(ofDayAfter: day, offset: offset) {
            for (at, entry) in headWindow where at < end { head = entry }
        }
        if let lastSale, lastSale.seq > head?.seq ?? 0 { head = lastSale }
        return head
    }

    // MARK: Reading entries

    func parse(_ entry: AuditEntry, _ parsed: JSONView?) throws(JournalError) -> JSONView {
        if let parsed { return parsed }
        return try parse(entry)
    }

    func parse(_ entry: AuditEntry) throws(JournalError) -> JSONView {
        guard let payload = JSONDocument.parse(entry.payload)?.root else {
            throw JournalError(seq: entry.seq, reason: "its payload is not JSON")
        }
        return payload
    }

    func number(_ object: JSONView, _ key: String, _ entry: AuditEntry) throws(JournalError) -> Int64 {
        guard let value = object[key]?.intValue else {
            throw JournalError(seq: entry.seq, reason: "\(entry.kind) has no whole number \"\(key)\"")
        }
        return value
    }

    /// The entry's local day number and hour in the shop's time zone of the moment.
    mutating func local(_ entry: AuditEntry) throws(JournalError) -> (day: Int64, hour: Int) {
        guard let seconds = ShopTime.epochSeconds(utc: entry.at) else {
            throw JournalError(seq: entry.seq, reason: "its time '\(entry.at)' is not a UTC timestamp")
        }
        var offset = zoneOffset(shop.timeZone, seconds)
        if offset == nil {
            unknownZone = shop.timeZone
            offset = ShopTime.indonesianOffset("Asia/Jakarta")
        }
        return ShopTime.local(epochSeconds: seconds, offset: offset ?? 0)
    }

    /// `YYYY-MM-DD` of a receipt number `RR-YYYYMMDD-NNNN`, else nil; read from its bytes,
    /// since the hub asks it of every sale it receives.
    public static func receiptDay(_ receipt: String) -> String? {
        var receipt = receipt
        return receipt.withUTF8 { bytes -> String? in
            let dash = UInt8(ascii: "-")
            guard let first = bytes.firstIndex(of: dash), first > 0, bytes.count > first + 10, bytes[first + 9] == dash,
                !bytes[(first + 10)...].contains(dash), bytes[(first + 1)...(first + 8)].allSatisfy({ $0 &- 48 < 10 })
            else { return nil }
            var day = Array(bytes[(first + 1)...(first + 8)])
            day.insert(dash, at: 6)
            day.insert(dash, at: 4)
            return String(decoding: day, as: UTF8.self)
        }
    }

    private func contains(_ text: String, _ mark: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= mark.count else { return false }
            var index = 0
            let last = bytes.count - mark.count
            while index <= last {
                if bytes[index] == mark[0] {
                    var offset = 1
                    while offset < mark.count && bytes[index + offset] == mark[offset] { offset += 1 }
                    if offset == mark.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}

/// One shift of the day as its drawer adds up.
struct ShiftDrawer: Sendable {
    var openingFloat: Int64
    var cashSales: Int64 = 0
    var cashRefunds: Int64 = 0
    var memberMoney: Int64 = 0
    var counted: Money?

    init(openingFloat: Int64) { self.openingFloat = openingFloat }
}

/// One subsidy programme of the day: units and net of its lines, and its buyers.
struct SubsidyTally: Sendable {
    var units: Int64 = 0
    var net: Int64 = 0
    /// The least unit by its text, as SQL's `min(unit)`.
    var unit: String?
    /// Rows that were their buyer's first of the programme that day (`new_buyer`).
    var newBuyers = 0
    /// The masked NIKs of rows written before entries said `new_buyer`.
    var buyers: Set<String> = []
}
