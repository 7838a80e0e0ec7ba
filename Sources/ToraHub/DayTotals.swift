import ToraCore

/// What one outlet's business day adds to the cooperative's figures, as the hub keeps it
/// in `outlet_days` (docs/hub.md "Materialized days"): the additive figures of the day's
/// Z report, summed with ToraCore's `DayFold` through `DayProjection`, and each member's
/// purchases. Every field is a sum, so a day's totals are the sum of its batches' totals
/// and a cooperative's the sum of its outlets'.
public struct DayTotals: Sendable, Hashable, Codable {
    /// A subsidy programme's day: units (thousandths of `unit`), net and buyers.
    public struct Subsidy: Sendable, Hashable, Codable {
        public var units: Int64 = 0
        public var net: Int64 = 0
        public var unit = MeasureUnit.pcs.rawValue
        public var buyers = 0
    }

    public var salesCount = 0
    public var refundCount = 0
    public var voidLines = 0
    public var cancelledSales = 0
    public var gross: Int64 = 0
    public var discounts: Int64 = 0
    public var rounding: Int64 = 0
    public var refunds: Int64 = 0
    public var tax: Int64 = 0
    public var dpp: Int64 = 0
    public var localNet: Int64 = 0
    public var memberNet: Int64 = 0
    public var memberSalesCount = 0
    /// Payments by method (`TenderMethod.rawValue`), change and refunds deducted.
    public var payments: [String: Int64] = [:]
    public var creditTaken: Int64 = 0
    public var creditRefunded: Int64 = 0
    public var creditRepaid: Int64 = 0
    public var savingsDeposits: Int64 = 0
    public var savingsWithdrawals: Int64 = 0
    public var subsidy: [String: Subsidy] = [:]
    /// Member number → the member's purchases (sales' totals less refunds' totals), as
    /// the shop's SHU counts them.
    public var memberPurchases: [String: Int64] = [:]
    /// Member number → savings account (`pokok`, `wajib`, `sukarela`) → the net of the
    /// day's movements (deposits less withdrawals, opening balances included), as the
    /// shop's `member_money` sums them (docs/hub.md "Savings across outlets").
    public var memberSavings: [String: [String: Int64]] = [:]
    /// Entries of the day whose figures could not be read (their payload is not what a
    /// Z report needs); left out of every sum.
    public var unreadable = 0

    /// Spelled out, so the stored JSON never depends on a coder's key strategy (which
    /// would also touch the member numbers and programme codes used as keys).
    enum CodingKeys: String, CodingKey {
        case salesCount = "sales_count", refundCount = "refund_count", voidLines = "void_lines", cancelledSales = "cancelled_sales"
        case gross, discounts, rounding, refunds, tax, dpp, payments, subsidy, unreadable
        case localNet = "local_net", memberNet = "member_net", memberSalesCount = "member_sales_count"
        case creditTaken = "credit_taken", creditRefunded = "credit_refunded", creditRepaid = "credit_repaid"
        case savingsDeposits = "savings_deposits", savingsWithdrawals = "savings_withdrawals", memberPurchases = "member_purchases"
        case memberSavings = "member_savings"
    }

    public init() {}

    /// Reads a stored row; a figure it lacks (a row written before that figure was kept) is 0.
    public init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        func count(_ key: CodingKeys) throws -> Int { try row.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        func money(_ key: CodingKeys) throws -> Int64 { try row.decodeIfPresent(Int64.self, forKey: key) ?? 0 }
        (salesCount, refundCount, voidLines) = (try count(.salesCount), try count(.refundCount), try count(.voidLines))
        (cancelledSales, memberSalesCount, unreadable) = (try count(.cancelledSales), try count(.memberSalesCount), try count(.unreadable))
        (gross, discounts, rounding, refunds) = (try money(.gross), try money(.discounts), try money(.rounding), try money(.refunds))
        (tax, dpp, localNet, memberNet) = (try money(.tax), try money(.dpp), try money(.localNet), try money(.memberNet))
        (creditTaken, creditRefunded, creditRepaid) = (try money(.creditTaken), try money(.creditRefunded), try money(.creditRepaid))
        (savingsDeposits, savingsWithdrawals) = (try money(.savingsDeposits), try money(.savingsWithdrawals))
        payments = try row.decodeIfPresent([String: Int64].self, forKey: .payments) ?? [:]
        subsidy = try row.decodeIfPresent([String: Subsidy].self, forKey: .subsidy) ?? [:]
        memberPurchases = try row.decodeIfPresent([String: Int64].self, forKey: .memberPurchases) ?? [:]
        memberSavings = try row.decodeIfPresent([String: [String: Int64]].self, forKey: .memberSavings) ?? [:]
    }

    /// The additive figures of a (part of a) day's Z report, and its members' purchases.
    public init(report: SalesReport, memberPurchases: [String: Int64]) {
        salesCount = report.salesCount
        refundCount = report.refundCount
        voidLines = report.voidLines
        cancelledSales = report.cancelledSales
        gross = report.gross.rupiah
        discounts = report.discounts.rupiah
        rounding = report.rounding.rupiah
        refunds = report.refunds.rupiah
        tax = report.tax.rupiah
        dpp = report.dpp.rupiah
        localNet = report.localNet.rupiah
        memberNet = report.memberNet.rupiah
        memberSalesCount = report.memberSalesCount
        for (method, amount) in report.payments where amount.rupiah != 0 { payments[method.rawValue] = amount.rupiah }
        creditTaken = report.credit.taken.rupiah
        creditRefunded = report.credit.refunded.rupiah
        creditRepaid = report.credit.repaid.rupiah
        savingsDeposits = report.savings.deposits.rupiah
        savingsWithdrawals = report.savings.withdrawals.rupiah
        for line in report.subsidy {
            subsidy[line.programme] = Subsidy(
                units: line.units.thousandths, net: line.net.rupiah, unit: line.unit.rawValue, buyers: line.buyers)
        }
        self.memberPurchases = memberPurchases.filter { $0.value != 0 }
    }

    /// gross − discounts − rounding − refunds, as the Z report's `net`.
    public var net: Int64 {
        ReportFigures.net(gross: Money(gross), discounts: Money(discounts), rounding: Money(rounding), refunds: Money(refunds)).rupiah
    }

    /// The local share in tenths of a percent, as the Z report's `local.share_pct`.
    public var localShareTenths: Int64 {
        ReportFigures.shareTenths(
            Money(localNet), of: ReportFigures.goods(gross: Money(gross), discounts: Money(discounts), refunds: Money(refunds)))
    }

    /// Cash kept: cash payments less cash refunds.
    public var cash: Int64 { payments[TenderMethod.cash.rawValue] ?? 0 }

    /// Adds another part of the day, or another outlet's day.
    public mutating func add(_ other: DayTotals) {
        salesCount += other.salesCount
        refundCount += other.refundCount
        voidLines += other.voidLines
        cancelledSales += other.cancelledSales
        gross += other.gross
        discounts += other.discounts
        rounding += other.rounding
        refunds += other.refunds
        tax += other.tax
        dpp += other.dpp
        localNet += other.localNet
        memberNet += other.memberNet
        memberSalesCount += other.memberSalesCount
        payments.merge(other.payments, uniquingKeysWith: +)
        creditTaken += other.creditTaken
        creditRefunded += other.creditRefunded
        creditRepaid += other.creditRepaid
        savingsDeposits += other.savingsDeposits
        savingsWithdrawals += other.savingsWithdrawals
        for (programme, line) in other.subsidy {
            var sum = subsidy[programme] ?? Subsidy(unit: line.unit)
            sum.units += line.units
            sum.net += line.net
            sum.buyers += line.buyers
            // The least unit by its text, as the Z report names a programme's unit.
            if Array(line.unit.utf8).lexicographicallyPrecedes(Array(sum.unit.utf8)) { sum.unit = line.unit }
            subsidy[programme] = sum
        }
        memberPurchases.merge(other.memberPurchases, uniquingKeysWith: +)
        memberSavings.merge(other.memberSavings) { $0.merging($1, uniquingKeysWith: +) }
        unreadable += other.unreadable
    }
}
