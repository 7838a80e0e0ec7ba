import ToraCore

/// Walks a journal entry by entry and says where it stops being one unbroken chain: the
/// check `tora audit verify` makes of the shop's file and the hub makes of every batch.
///
/// Start it at the genesis (an empty journal) or after an entry already trusted (the
/// hub's last stored entry of an outlet), then `accept` each entry in order.
public struct JournalChain: Sendable {
    /// The entry the next one must follow: nil before the first entry.
    public private(set) var head: JournalHead?

    public init(after head: JournalHead? = nil) {
        self.head = head
    }

    /// The `seq` the next entry must carry.
    public var nextSeq: Int64 { (head?.seq ?? 0) + 1 }

    /// Takes the next entry, or says in one line (naming no seq; the caller does) why it
    /// does not follow the chain so far. A refused entry leaves the chain where it was.
    ///
    /// `canonicalText`, when the caller holds it already (the bytes the hub received and
    /// checked to be canonical), is hashed instead of writing the entry's text again.
    public mutating func accept(_ entry: AuditEntry, canonicalText: [UInt8]? = nil) -> String? {
        if entry.seq != nextSeq {
            return entry.seq < nextSeq
                ? "entry \(entry.seq) comes again after entry \(nextSeq - 1)"
                : "entry \(nextSeq) is missing (next entry found is \(entry.seq))"
        }
        if entry.prevHash != (head?.hash ?? JournalHash.genesis) {
            return "its prev_hash does not match the hash of entry \(entry.seq - 1)"
        }
        if (canonicalText.map(JournalHash.hex(ofBytes:)) ?? entry.expectedHash) != entry.hash {
            return "its contents do not match its hash (the entry was changed after it was written)"
        }
        head = entry.head
        return nil
    }
}
