import Foundation
import ToraCore
import ToraJournal

/// A batch as the hub reads it: each entry's fields taken from its canonical text, which
/// must be exactly the text those fields give again, byte for byte.
public struct ReceivedBatch: Sendable, Equatable {
    public let entries: [AuditEntry]
    public let shopHead: JournalHead?

    public init(entries: [AuditEntry], shopHead: JournalHead?) {
        self.entries = entries
        self.shopHead = shopHead
    }
}

/// Reads the body of `POST /v1/journal` (docs/hub.md "Protocol"); a body that is not a
/// batch is refused whole with one line, before anything is looked up.
public enum JournalBatchReader {
    public static func read(_ body: [UInt8], maxEntries: Int = HubWire.maxBatchEntries) throws(HubError) -> ReceivedBatch {
        let batch: JournalBatch
        do {
            batch = try JSONDecoder().decode(JournalBatch.self, from: Data(body))
        } catch {
            throw HubError(.badRequest, "the body is not a journal batch (JSON with \"entries\": [{\"text\", \"hash\"}, …])")
        }
        guard batch.entries.count <= maxEntries else {
            throw HubError(.tooLarge, "a batch may carry at most \(maxEntries) entries (this one has \(batch.entries.count))")
        }
        var entries: [AuditEntry] = []
        entries.reserveCapacity(batch.entries.count)
        for (index, wire) in batch.entries.enumerated() {
            entries.append(try entry(wire, index: index))
        }
        return ReceivedBatch(entries: entries, shopHead: batch.shopHead)
    }

    /// One entry from its canonical text; the hash is taken as sent (the check compares it).
    static func entry(_ wire: WireEntry, index: Int) throws(HubError) -> AuditEntry {
        let problem = "entry \(index + 1) of the batch"
        guard case .object(let fields)? = JSONValue.parse(wire.text), fields.count == 7,
            let seq = fields["seq"]?.intValue, let at = fields["at"]?.stringValue, let actor = fields["actor"]?.stringValue,
            let kind = fields["kind"]?.stringValue, let prev = fields["prev"]?.stringValue, let payload = fields["payload"],
            let register = fields["register"]
        else {
            throw HubError(.badRequest, "\(problem) is not a journal entry's canonical text")
        }
        guard register == .null || register.stringValue != nil else {
            throw HubError(.badRequest, "\(problem): register must be a string or null")
        }
        let entry = AuditEntry(
            seq: seq, at: at, actor: actor, register: register.stringValue, kind: kind, payload: payload.canonical, prevHash: prev,
            hash: wire.hash)
        guard entry.canonicalText.utf8.elementsEqual(wire.text.utf8) else {
            throw HubError(.badRequest, "\(problem) (seq \(seq)) is not in canonical form")
        }
        return entry
    }
}
