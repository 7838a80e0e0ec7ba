import Foundation
import GRDB
import ToraCore

/// One row of `sales`: a completed sale or refund with the amounts ToraCore priced, its
/// receipt as printed, and the journal entry that records it.
struct SaleRecord: MutablePersistableRecord, Sendable {
    static let databaseTableName = "sales"

    var id: Int64?
    var receiptNumber: String
    /// `sale` or `refund`.
    var kind: String
    var refundOf: Int64?
    var register: String
    var businessDay: String
    var seq: Int64
    var shiftID: Int64?
    var cashier: String
    var supervisor: String?
    var memberNumber: String?
    var completedAt: String
    var hour: Int
    var gross = Money.zero
    var discounts = Money.zero
    var total = Money.zero
    var rounding = Money.zero
    var tax = Money.zero
    var dpp = Money.zero
    var changeGiven = Money.zero
    var auditSeq: Int64
    var auditHash: String
    var receiptJSON: String
    var ppnRate: TaxRate
    var isPKP: Bool

    enum Columns {
        static let id = Column("id")
        static let receiptNumber = Column("receipt_no")
        static let kind = Column("kind")
        static let refundOf = Column("refund_of")
        static let register = Column("register")
        static let businessDay = Column("business_day")
        static let seq = Column("seq")
        static let shiftID = Column("shift_id")
        static let cashier = Column("cashier")
        static let supervisor = Column("supervisor")
        static let memberNumber = Column("member_number")
        static let completedAt = Column("completed_at")
        static let hour = Column("hour")
        static let gross = Column("gross")
        static let discounts = Column("discounts")
        static let total = Column("total")
        static let rounding = Column("rounding")
        static let tax = Column("tax")
        static let dpp = Column("dpp")
        static let changeGiven = Column("change_given")
        static let auditSeq = Column("audit_seq")
        static let auditHash = Column("audit_hash")
        static let receiptJSON = Column("receipt_json")
        static let ppnRate = Column("ppn_rate")
        static let isPKP = Column("pkp")
    }

    /// A sale or refund numbered `number`, made at `moment` on the till of `context` and
    /// journaled as `audit`; its amounts are set by the caller.
    init(
        kind: String, number: (seq: Int64, text: String), moment: ShopMoment, context: TillContext, audit: (seq: Int64, hash: String),
        receipt: Receipt, taxRules: PricingRules
    ) throws {
        self.kind = kind
        receiptNumber = number.text
        seq = number.seq
        register = context.register.text
        businessDay = moment.day
        shiftID = context.shiftID
        cashier = context.cashier.code
        completedAt = moment.at
        hour = moment.hour
        auditSeq = audit.seq
        auditHash = audit.hash
        // Keys in declaration order (a receipt holds no dictionaries, so the text is the
        // same every time): sorting them was a sixth of a sale's time in the write lock.
        receiptJSON = String(decoding: try JSONEncoder().encode(receipt), as: UTF8.self)
        ppnRate = taxRules.ppnRate
        isPKP = taxRules.isPKP
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.receiptNumber] = receiptNumber
        container[Columns.kind] = kind
        container[Columns.refundOf] = refundOf
        container[Columns.register] = register
        container[Columns.businessDay] = businessDay
        container[Columns.seq] = seq
        container[Columns.shiftID] = shiftID
        container[Columns.cashier] = cashier
        container[Columns.supervisor] = supervisor
        container[Columns.memberNumber] = memberNumber
        container[Columns.completedAt] = completedAt
        container[Columns.hour] = hour
        container[Columns.gross] = gross.rupiah
        container[Columns.discounts] = discounts.rupiah
        container[Columns.total] = total.rupiah
        container[Columns.rounding] = rounding.rupiah
        container[Columns.tax] = tax.rupiah
        container[Columns.dpp] = dpp.rupiah
        container[Columns.changeGiven] = changeGiven.rupiah
        container[Columns.auditSeq] = auditSeq
        container[Columns.auditHash] = auditHash
        container[Columns.receiptJSON] = receiptJSON
        container[Columns.ppnRate] = ppnRate.hundredthsOfPercent
        container[Columns.isPKP] = isPKP
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
