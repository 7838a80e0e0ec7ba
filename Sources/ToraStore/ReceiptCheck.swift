import GRDB
import ToraCore

/// What `tora audit receipt` answers about one printed receipt (docs/audit-journal.md,
/// "Checking a receipt"): the receipt as the books hold it, the journal entry that
/// recorded it, and whether the whole journal still verifies (chain and books), so the
/// entry is in an unbroken chain. No member name and no NIK: a member may ask this.
public struct ReceiptCheck: Sendable {
    /// `sale`, `refund`, or the kind of a members' money slip (`repayment`, `deposit`, `withdrawal`).
    public let kind: String
    public let receipt: String
    public let businessDay: String
    public let register: String?
    /// What the receipt says was paid (a sale's total, a refund's amount, a slip's amount).
    public let total: Money
    /// The journal entry that recorded the receipt, as the books name it.
    public let entry: JournalHead
    /// The same entry as the journal holds it now: nil when the journal has no such entry.
    public let journalEntry: JournalHead?
    public let verification: AuditVerification

    /// The journal verifies and holds the receipt's entry unchanged.
    public var isInVerifiedChain: Bool { verification.isIntact && journalEntry == entry }

    /// Why the receipt is not vouched for, in one line; nil when it is.
    public var problem: String? {
        if journalEntry != entry {
            return "the books name journal entry \(entry.seq) for this receipt, but the journal "
                + (journalEntry == nil ? "has no such entry" : "holds another entry there")
        }
        return verification.problem
    }
}

/// A receipt as the books hold it: a sale or refund row, or a members' money slip.
private struct StoredReceipt: FetchableRecord {
    let kind: String
    let receipt: String
    let businessDay: String
    let register: String?
    let total: Money
    let entry: JournalHead

    init(row: Row) {
        kind = row["kind"]
        receipt = row["receipt_no"]
        businessDay = row["business_day"]
        register = row["register"]
        let amount: Int64 = row["amount"]
        total = Money(amount < 0 ? -amount : amount)
        entry = JournalHead(seq: row["audit_seq"], hash: row["audit_hash"])
    }

    /// Found by receipt number or, given 64 hex digits, by the hash of its journal entry.
    static func find(_ key: String, _ db: Database) throws -> StoredReceipt? {
        let byHash = key.count == 64 && key.allSatisfy(\.isHexDigit)
        let match = byHash ? "audit_hash = lower(?)" : "receipt_no = upper(?)"
        let columns = "kind, receipt_no, business_day, register, audit_seq, audit_hash"
        return try fetchOne(db, sql: "SELECT \(columns), total AS amount FROM sales WHERE \(match)", arguments: [key])
            ?? fetchOne(
                db, sql: "SELECT \(columns), amount FROM member_money WHERE receipt_no IS NOT NULL AND \(match)", arguments: [key])
    }
}

extension ShopStore {
    /// The receipt by its number (`01-20261129-0001`) or by its journal hash (the QR's 64
    /// hex digits), checked against the whole journal; nil when no receipt is found.
    public func checkReceipt(_ numberOrHash: String) throws -> ReceiptCheck? {
        let key = numberOrHash.trimmingSpaces()
        guard let found = try read({ db in try StoredReceipt.find(key, db) }) else { return nil }
        let journalEntry = try read { db in
            try JournalHeadRecord.head(db, sql: "SELECT seq, hash FROM audit_journal WHERE seq = ?", arguments: [found.entry.seq])
        }
        return ReceiptCheck(
            kind: found.kind, receipt: found.receipt, businessDay: found.businessDay, register: found.register, total: found.total,
            entry: found.entry, journalEntry: journalEntry, verification: try journal.verifyAudit())
    }
}
