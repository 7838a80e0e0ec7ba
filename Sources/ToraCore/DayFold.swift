/// The fold of a day's (or shift's) completed sales and refunds into the Z report's
/// figures: pure arithmetic over values, so the shop and the hub sum alike.
///
/// `net = gross − discounts − rounding − refunds`, and each breakdown adds up to it
/// exactly: a sale's rounding and a refund are carried by the sale's register, cashier
/// and hour; by category, refunded lines count against their own category, and the
/// rounding is a row of its own (`rounding`), as is any refunded amount that no line
/// names (`refunds`). Sales and lines may be added in any order.
public struct DayFold: Sendable {
    /// The by-category row that carries the cash rounding forgiven.
    public static let roundingRow = "rounding"
    /// The by-category row that carries refunded amounts no refund line names.
    public static let refundsRow = "refunds"
    /// The by-category row that carries sale totals their lines do not explain (none
    /// when the stored sales are whole; `tora audit verify` checks them).
    public static let otherRow = "other"

    public private(set) var salesCount = 0
    public private(set) var refundCount = 0
    public private(set) var voidLines = 0
    public private(set) var gross: Int64 = 0
    public private(set) var discounts: Int64 = 0
    public private(set) var rounding: Int64 = 0
    public private(set) var refunds: Int64 = 0
    public private(set) var tax: Int64 = 0
    public private(set) var dpp: Int64 = 0
    public private(set) var memberNet: Int64 = 0
    public private(set) var memberSalesCount = 0
    public private(set) var localNet: Int64 = 0
    /// Σ of the sales' (gross − discounts) and of their active lines' nets; likewise for refunds.
    private var saleTotals: Int64 = 0
    private var saleLineNets: Int64 = 0
    private var refundLineNets: Int64 = 0

    private var registers: [ByteText: Sum] = [:]
    private var cashiers: [ByteText: Sum] = [:]
    private var hours: [Int: Sum] = [:]
    private var categories: [ByteText: Sum] = [:]
    private var products: [ByteText: Sum] = [:]

    public init() {}

    public var net: Money { Money(gross - discounts - rounding - refunds) }

    public mutating func add(_ sale: ReportSale) {
        let net = sale.net.rupiah
        if sale.isRefund {
            refundCount += 1
            refunds += sale.total.rupiah
            tax -= sale.tax.rupiah
            dpp -= sale.dpp.rupiah
            if sale.isMember { memberNet -= sale.total.rupiah }
        } else {
            salesCount += 1
            gross += sale.gross.rupiah
            discounts += sale.discounts.rupiah
            rounding += sale.rounding.rupiah
            tax += sale.tax.rupiah
            dpp += sale.dpp.rupiah
            saleTotals += sale.gross.rupiah - sale.discounts.rupiah
            if sale.isMember {
                memberNet += sale.total.rupiah
                memberSalesCount += 1
            }
        }
        let counted = sale.isRefund ? 0 : 1
        registers[ByteText(sale.register), default: Sum()].add(count: counted, net: net)
        cashiers[ByteText(sale.cashier), default: Sum()].add(count: counted, net: net)
        hours[sale.hour, default: Sum()].add(count: counted, net: net)
    }

    public mutating func add(_ line: ReportLine) {
        if line.isVoided { voidLines += 1 }
        let net = line.isRefund ? -line.net.rupiah : line.net.rupiah
        if line.isLocal { localNet += net }
        guard !line.isVoided else { return }
        if line.isRefund { refundLineNets += line.net.rupiah } else { saleLineNets += line.net.rupiah }
        let quantity = line.isRefund ? -line.quantity.thousandths : line.quantity.thousandths
        categories[ByteText(line.category), default: Sum()].add(unit: line.unit, quantity: quantity, net: net)
        products[ByteText(line.sku), default: Sum()].add(unit: line.unit, quantity: quantity, net: net, name: line.name)
    }

    /// Registers in order, each with its sales count and net.
    public func byRegister() -> [ReportGroup] {
        registers.sorted { $0.key < $1.key }.map { ReportGroup(key: $0.key.text, count: $0.value.count, net: Money($0.value.net)) }
    }

    /// Cashiers by code, named by `name(code)`.
    public func byCashier(name: (String) throws -> String) rethrows -> [ReportGroup] {
        try cashiers.sorted { $0.key < $1.key }.map {
            ReportGroup(key: $0.key.text, name: try name($0.key.text), count: $0.value.count, net: Money($0.value.net))
        }
    }

    /// Hours of the day (0–23) in order.
    public func byHour() -> [ReportGroup] {
        hours.sorted { $0.key < $1.key }.map { ReportGroup(key: String($0.key), count: $0.value.count, net: Money($0.value.net)) }
    }

    /// Categories, best net first, then the `rounding`, `refunds` and `other` rows where
    /// they are not zero; together they add up to `net`.
    public func byCategory() -> [ReportGroup] {
        var groups = ranked(categories, limit: .max, withName: false)
        let unnamedRefunds = refunds - refundLineNets
        let unexplained = saleTotals - saleLineNets
        for (key, amount) in [(Self.roundingRow, -rounding), (Self.refundsRow, -unnamedRefunds), (Self.otherRow, unexplained)]
        where amount != 0 {
            groups.append(ReportGroup(key: key, net: Money(amount)))
        }
        return groups
    }

    /// The best `limit` products by net, net of refunds.
    public func topProducts(limit: Int = 10) -> [ReportGroup] { ranked(products, limit: limit, withName: true) }

    /// Best net first, then by key bytes; only the first `limit`.
    private func ranked(_ groups: [ByteText: Sum], limit: Int, withName: Bool) -> [ReportGroup] {
        func precedes(_ a: (key: ByteText, value: Sum), _ b: (key: ByteText, value: Sum)) -> Bool {
            a.value.net != b.value.net ? a.value.net > b.value.net : a.key < b.key
        }
        // The best `limit` without sorting every product of the day: a day has thousands of
        // skus and the Z report shows ten.
        var best: [(key: ByteText, value: Sum)] = []
        if limit >= groups.count {
            best = groups.sorted(by: precedes)
        } else {
            best.reserveCapacity(limit + 1)
            for entry in groups {
                guard best.count == limit else {
                    best.append(entry)
                    if best.count == limit { best.sort(by: precedes) }
                    continue
                }
                guard let last = best.last, precedes(entry, last) else { continue }
                let place = best.firstIndex { precedes(entry, $0) } ?? best.count
                best.insert(entry, at: place)
                best.removeLast()
            }
        }
        return best.map {
            ReportGroup(
                key: $0.key.text, name: withName ? $0.value.name ?? "" : "",
                quantities: $0.value.quantities.mapValues { Quantity(thousandths: $0) }, net: Money($0.value.net))
        }
    }
}

/// One group being summed: sales counted, net, quantity per unit, and the greatest name
/// by bytes (SQL's `max(name)`).
private struct Sum {
    var count = 0
    var net: Int64 = 0
    /// Thousandths per unit (pcs, kg, l) and which units were seen (a unit sold and
    /// refunded to zero still shows): no dictionary and no array on the hot path (an
    /// array here was an allocation per product and a uniqueness check per line).
    var pcs: Int64 = 0
    var kg: Int64 = 0
    var l: Int64 = 0
    var seenUnits: UInt8 = 0
    var name: String?

    var quantities: [MeasureUnit: Int64] {
        var result: [MeasureUnit: Int64] = [:]
        for (index, unit) in MeasureUnit.allCases.enumerated() where seenUnits & (1 << index) != 0 {
            switch unit {
            case .pcs: result[unit] = pcs
            case .kg: result[unit] = kg
            case .l: result[unit] = l
            }
        }
        return result
    }

    mutating func add(count: Int, net: Int64) {
        self.count += count
        self.net += net
    }

    mutating func add(unit: MeasureUnit, quantity: Int64, net: Int64, name: String? = nil) {
        switch unit {
        case .pcs: pcs += quantity
        case .kg: kg += quantity
        case .l: l += quantity
        }
        seenUnits |= 1 << unit.index
        self.net += net
        // SQL's max(name); nearly always the same name again, which is cheap to see.
        guard let name else { return }
        guard let current = self.name else {
            self.name = name
            return
        }
        if ByteText(current) != ByteText(name) && ByteText(current) < ByteText(name) { self.name = name }
    }
}

/// Text equal, hashed and ordered by its UTF-8 bytes, as SQLite's BINARY collation
/// (Swift's `String` compares by Unicode canonical equivalence instead).
private struct ByteText: Hashable, Comparable {
    let text: String

    init(_ text: String) { self.text = text }

    // Compared over contiguous UTF-8 buffers: the generic `String.UTF8View` algorithms
    // were a third of the Z report's fold time (docs/performance.md).
    static func == (lhs: Self, rhs: Self) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in right.withUTF8 { b in a.lexicographicallyPrecedes(b) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension MeasureUnit {
    /// The unit's place in `allCases`.
    fileprivate var index: Int {
        switch self {
        case .pcs: return 0
        case .kg: return 1
        case .l: return 2
        }
    }
}
