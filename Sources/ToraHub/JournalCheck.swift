import ToraCore
import ToraJournal

/// Whether a batch continues the journal the hub holds of an outlet (docs/hub.md
/// "Verification"): pure, so every rule is tested without a database.
public enum JournalCheck {
    public enum Outcome: Sendable, Equatable {
        /// The entries to store (none for a replay), and the head they make.
        case accepted(new: [AuditEntry], head: JournalHead?)
        /// The batch does not continue the journal: nothing is applied, the outlet is flagged.
        case refused(String)
    }

    /// The seqs at or below `head` whose stored hashes the check needs.
    public static func storedSeqsNeeded(_ batch: ReceivedBatch, head: JournalHead?) -> [Int64] {
        let top = head?.seq ?? 0
        var seqs = batch.entries.map(\.seq).filter { $0 >= 1 && $0 <= top }
        if let shop = batch.shopHead, shop.seq >= 1, shop.seq <= top { seqs.append(shop.seq) }
        return seqs
    }

    /// Checks `batch` against the stored `head` and the stored hashes of the entries at or
    /// below it (`stored`, by seq).
    public static func check(_ batch: ReceivedBatch, head: JournalHead?, stored: [Int64: String]) -> Outcome {
        let top = head?.seq ?? 0
        if let shop = batch.shopHead {
            if shop.seq < top {
                return .refused(
                    "the outlet's journal now ends at entry \(shop.seq), but the hub holds entries up to \(top): its tail was removed")
            }
            if shop.seq <= top, shop.seq >= 1, stored[shop.seq] != shop.hash {
                return .refused("entry \(shop.seq) differs from the one the hub holds: the journal was changed or rewritten (a fork)")
            }
        }
        var chain = JournalChain(after: head)
        var new: [AuditEntry] = []
        for (index, entry) in batch.entries.enumerated() {
            if index > 0, entry.seq != batch.entries[index - 1].seq + 1 {
                return .refused("the batch jumps from entry \(batch.entries[index - 1].seq) to entry \(entry.seq)")
            }
            if entry.seq >= 1, entry.seq <= top {
                if (batch.texts.map { JournalHash.hex(ofBytes: $0[index]) } ?? entry.expectedHash) != entry.hash {
                    return .refused("entry \(entry.seq): its contents do not match its hash (the entry was changed after it was written)")
                }
                if stored[entry.seq] != entry.hash {
                    return .refused(
                        "entry \(entry.seq) differs from the one the hub holds: the journal was changed or rewritten (a fork)")
                }
                continue
            }
            if let problem = chain.accept(entry, canonicalText: batch.texts?[index]) {
                return .refused("entry \(entry.seq): \(problem)")
            }
            new.append(entry)
        }
        return .accepted(new: new, head: chain.head)
    }
}
