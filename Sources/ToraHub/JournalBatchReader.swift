import ToraCore
import ToraJournal

/// A batch as the hub reads it: each entry's fields taken from its canonical text, which
/// must be exactly the text those fields give again, byte for byte.
public struct ReceivedBatch: Sendable {
    public let entries: [AuditEntry]
    public let shopHead: JournalHead?
    /// Each entry's payload as read when the batch was read (nil for one that is not
    /// JSON), so the projection does not read it again (docs/performance.md "Hub").
    public let payloads: [JSONView?]
    /// Each entry's canonical text as received, when the batch was read from the wire:
    /// hashed as it is by the check.
    public let texts: [[UInt8]]?

    /// `payloads`, when given, one per entry; else each entry's payload is read here.
    /// `texts`, when given, are the entries' canonical texts.
    public init(entries: [AuditEntry], shopHead: JournalHead?, payloads: [JSONView?]? = nil, texts: [[UInt8]]? = nil) {
        self.entries = entries
        self.shopHead = shopHead
        self.payloads = payloads ?? entries.map { JSONDocument.parse($0.payload)?.root }
        self.texts = texts
    }

    /// The payloads of the last `count` entries: those of the new entries a check
    /// accepted, which always end the batch.
    func payloads(ofLast count: Int) -> [JSONView?] { Array(payloads.suffix(count)) }
}

/// Reads the body of `POST /v1/journal` (docs/hub.md "Protocol"); a body that is not a
/// batch is refused whole with one line, before anything is looked up.
///
/// Each entry's text is read once, into a `JSONDocument` that both checks that it is
/// canonical and holds the payload the projection reads (docs/performance.md "Hub").
public enum JournalBatchReader {
    static let notABatch = "the body is not a journal batch (JSON with \"entries\": [{\"text\", \"hash\"}, …])"

    public static func read(_ body: [UInt8], maxEntries: Int = HubWire.maxBatchEntries) throws(HubError) -> ReceivedBatch {
        guard String(validating: body, as: UTF8.self) != nil, let batch = JSONDocument.parse(bytes: body, canonical: false)?.root,
            let wires = batch["entries"]?.arrayValue
        else { throw HubError(.badRequest, notABatch) }
        guard wires.count <= maxEntries else {
            throw HubError(.tooLarge, "a batch may carry at most \(maxEntries) entries (this one has \(wires.count))")
        }
        var entries: [AuditEntry] = []
        var payloads: [JSONView?] = []
        var texts: [[UInt8]] = []
        entries.reserveCapacity(wires.count)
        payloads.reserveCapacity(wires.count)
        texts.reserveCapacity(wires.count)
        for (index, wire) in wires.enumerated() {
            guard let text = wire["text"]?.stringBytes, let hash = wire["hash"]?.stringValue else {
                throw HubError(.badRequest, notABatch)
            }
            let (entry, payload) = try entry(text, hash: hash, index: index)
            entries.append(entry)
            payloads.append(payload)
            texts.append(text)
        }
        return ReceivedBatch(entries: entries, shopHead: try shopHead(batch["shop_head"]), payloads: payloads, texts: texts)
    }

    /// `shop_head`: absent, null, or `{"seq": N, "hash": "…"}`.
    static func shopHead(_ value: JSONView?) throws(HubError) -> JournalHead? {
        guard let value, !value.isNull else { return nil }
        guard let seq = value["seq"]?.intValue, let hash = value["hash"]?.stringValue else {
            throw HubError(.badRequest, notABatch)
        }
        return JournalHead(seq: seq, hash: hash)
    }

    /// The keys of a journal entry's canonical text, in byte order.
    static let entryKeys = ["actor", "at", "kind", "payload", "prev", "register", "seq"]

    /// One entry from its canonical text, with its payload read; the hash is taken as
    /// sent (the check compares it).
    static func entry(_ text: [UInt8], hash: String, index: Int) throws(HubError) -> (AuditEntry, JSONView) {
        let problem = "entry \(index + 1) of the batch"
        guard let document = JSONDocument.parse(bytes: text, canonical: true) else {
            if let entry = JSONDocument.parse(bytes: text, canonical: false)?.root, entry.memberCount != nil {
                throw HubError(.badRequest, "\(problem)\(entry["seq"]?.intValue.map { " (seq \($0))" } ?? "") is not in canonical form")
            }
            throw HubError(.badRequest, "\(problem) is not a journal entry's canonical text")
        }
        let root = document.root
        // Exactly the seven keys: canonical text with them is the text the fields give again.
        guard root.memberCount == entryKeys.count, let actor = root["actor"]?.stringValue, let at = root["at"]?.stringValue,
            let kind = root["kind"]?.stringValue, let payload = root["payload"], let prev = root["prev"]?.stringValue,
            let register = root["register"], let seq = root["seq"]?.intValue
        else {
            throw HubError(.badRequest, "\(problem) is not a journal entry's canonical text")
        }
        guard register.isNull || register.stringValue != nil else {
            throw HubError(.badRequest, "\(problem): register must be a string or null")
        }
        let entry = AuditEntry(
            seq: seq, at: at, actor: actor, register: register.stringValue, kind: kind, payload: payload.text, prevHash: prev, hash: hash)
        assert(Array(entry.canonicalText.utf8) == text)
        return (entry, payload)
    }
}
