import Foundation
import GRDB
import ToraCore
import ToraJournal

/// What `tora audit verify` found: the chain walked, the book rows checked against their
/// entries, and the anchor reached — or the first thing that does not match.
public struct AuditVerification: Sendable {
    public let entriesChecked: Int
    /// Book rows compared with the entry that recorded them.
    public let rowsChecked: Int
    /// The last entry checked (the head of the journal when it is intact).
    public let head: JournalHead?
    /// `seq` of the first bad entry and why it is bad, when the chain is broken.
    public let firstProblem: (seq: Int64, reason: String)?
    /// The first book row that does not match the journal, in one line.
    public let bookProblem: String?
    /// Why the journal no longer reaches the anchor.
    public let anchorProblem: String?

    public var lastHash: String { head?.hash ?? AuditJournal.genesisHash }
    public var isIntact: Bool { firstProblem == nil && bookProblem == nil && anchorProblem == nil }

    /// The first mismatch as one line, or nil when everything verifies.
    public var problem: String? {
        if let firstProblem { return "audit journal entry \(firstProblem.seq) does not verify: \(firstProblem.reason)" }
        if let bookProblem { return "the books do not match the audit journal: \(bookProblem)" }
        return anchorProblem
    }
}

extension JournalStore {
    /// Checks the journal (docs/audit-journal.md): (1) the chain, entry by entry: `seq`
    /// without gaps, each `prev_hash` the hash before it, each hash recomputable; (2) the
    /// books: every row of `BookCheck.all` as its entry recorded it, and no row without an
    /// entry; (3) with `anchor`, that the journal still holds that entry unchanged, so a
    /// removed tail is caught. One pass over the journal and one over each table.
    public func verifyAudit(anchor: JournalHead? = nil, books: Bool = true) throws -> AuditVerification {
        try read { db in
            var checker: BookChecker?
            if books { checker = try BookChecker(BookCheck.all, db) }
            var chain = JournalChain()
            var count = 0
            var anchorProblem: String?
            // The last digest each table replaced whole was given (`SnapshotCheck`).
            let snapshotKinds = Set(SnapshotCheck.all.map(\.kind))
            var snapshots: [String: (seq: Int64, digest: String)] = [:]
            func result(chain problem: (Int64, String)? = nil, books: String? = nil, anchor: String? = nil) -> AuditVerification {
                AuditVerification(
                    entriesChecked: count, rowsChecked: checker?.rowsChecked ?? 0, head: chain.head, firstProblem: problem,
                    bookProblem: books, anchorProblem: anchor)
            }
            let cursor = try AuditEntryRecord.fetchCursor(db, sql: "SELECT * FROM audit_journal ORDER BY seq")
            while let entry = try cursor.next()?.entry {
                if let problem = chain.accept(entry) { return result(chain: (entry.seq, problem)) }
                if let anchor, anchor.seq == entry.seq, anchor.hash != entry.hash {
                    anchorProblem =
                        "audit journal entry \(entry.seq) is not the anchor: its hash is \(entry.hash), the anchor's \(anchor.hash)"
                }
                if books, snapshotKinds.contains(entry.kind) {
                    let digest = JSONDocument.parse(entry.payload)?.root["digest"]?.stringValue ?? ""
                    snapshots[entry.kind] = (entry.seq, digest)
                }
                if var books = checker, books.wants(entry.kind) {
                    guard let payload = JSONDocument.parse(entry.payload)?.root else {
                        return result(books: "journal entry \(entry.seq) (\(entry.kind)) has a payload that is not JSON")
                    }
                    let facts = JournalFacts(
                        seq: entry.seq, kind: entry.kind, actor: entry.actor, register: entry.register, at: entry.at, hash: entry.hash,
                        payload: payload)
                    let problem = try books.check(facts)
                    checker = books
                    if let problem { return result(books: problem) }
                }
                count += 1
            }
            if var books = checker {
                let problem = try books.finish()
                checker = books
                if let problem { return result(books: problem) }
                for check in SnapshotCheck.all {
                    if let problem = try check.problem(recorded: snapshots[check.kind], db) { return result(books: problem) }
                }
            }
            let last = chain.nextSeq - 1
            if let anchor, anchor.seq > last {
                anchorProblem =
                    "the audit journal ends at entry \(last), before the anchor \(anchor.seq): entries after \(last) were removed"
            }
            return result(anchor: anchorProblem)
        }
    }
}

extension AuditJournal {
    /// The last journal entry of a business day: the last one written before the next
    /// day began in the shop's time zone, or the entry of the day's last sale if that is
    /// later (a shift that runs past midnight sells for the day it opened).
    ///
    /// Entries are written in time order, so the first is found by halving the journal
    /// (some twenty reads by `seq`, whatever the day); a clock set back across midnight
    /// could move it by the few entries written meanwhile. `lastSaleSeq` is the greatest
    /// `audit_seq` of the day's sales, which the Z report has just read with them (looking
    /// it up again read every sales row of the day a second time).
    static func head(ofDay day: String, lastSaleSeq: Int64?, _ db: Database) throws -> JournalHead? {
        let zone = try Settings.timeZone(db)
        var head: JournalHead?
        if let end = Timestamp.start(ofDayAfter: day, in: zone) {
            let at = try db.cachedStatement(sql: "SELECT at FROM audit_journal WHERE seq >= ? ORDER BY seq LIMIT 1")
            // Entry `low` was written before `end` (0: none), entry `high` at or after it.
            var low: Int64 = 0
            var high = (try Int64.fetchOne(db, sql: "SELECT max(seq) FROM audit_journal") ?? 0) + 1
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if let written = try String.fetchOne(at, arguments: [middle]), written < end { low = middle } else { high = middle }
            }
            if low > 0,
                let found = try JournalHeadRecord.head(
                    db, sql: "SELECT seq, hash FROM audit_journal WHERE seq <= ? ORDER BY seq DESC LIMIT 1", arguments: [low])
            {
                head = found
            }
        }
        if let lastSaleSeq,
            let last = try JournalHeadRecord.head(db, sql: "SELECT seq, hash FROM audit_journal WHERE seq = ?", arguments: [lastSaleSeq]),
            last.seq > head?.seq ?? 0
        {
            head = last
        }
        return head
    }
}
