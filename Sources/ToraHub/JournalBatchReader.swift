import ToraCore
import ToraJournal

/// A batch as the hub reads it: each entry's fields taken from its canonical text, which
/// must be exactly the text those fields give again, byte for byte.
public struct ReceivedBatch: Sendable, Equatable {
    public let entries: [AuditEntry]
    public let shopHead: JournalHead?
    /// Each entry's payload as parsed when the batch was read (nil for one that is not
    /// JSON), so the projection does not parse it again (docs/performance.md "Hub").
    public let payloads: [JSONValue?]
    /// Each entry's canonical text as received, when the batch was read from the wire:
    /// hashed as it is by the check.
    public let texts: [String]?

    /// `payloads`, when given, one per entry; else each entry's payload is parsed here.
    /// `texts`, when given, are the entries' canonical texts.
    public init(entries: [AuditEntry], shopHead: JournalHead?, payloads: [JSONValue?]? = nil, texts: [String]? = nil) {
        self.entries = entries
        self.shopHead = shopHead
        self.payloads = payloads ?? entries.map { JSONValue.parse($0.payload) }
        self.texts = texts
    }

    /// The payloads of the last `count` entries: those of the new entries a check
    /// accepted, which always end the batch.
    func payloads(ofLast count: Int) -> [JSONValue?] { Array(payloads.suffix(count)) }
}

/// Reads the body of `POST /v1/journal` (docs/hub.md "Protocol"); a body that is not a
/// batch is refused whole with one line, before anything is looked up.
///
/// Each entry's text is read once, by `JSONValue.parseCanonicalObject`, which both checks
/// that it is canonical and gives the payload's text and value (docs/performance.md "Hub").
public enum JournalBatchReader {
    static let notABatch = "the body is not a journal batch (JSON with \"entries\": [{\"text\", \"hash\"}, …])"

    public static func read(_ body: [UInt8], maxEntries: Int = HubWire.maxBatchEntries) throws(HubError) -> ReceivedBatch {
        guard let text = String(validating: body, as: UTF8.self), case .object(let batch)? = JSONValue.parse(text),
            case .array(let wires)? = batch["entries"]
        else { throw HubError(.badRequest, notABatch) }
        guard wires.count <= maxEntries else {
            throw HubError(.tooLarge, "a batch may carry at most \(maxEntries) entries (this one has \(wires.count))")
        }
        var entries: [AuditEntry] = []
        var payloads: [JSONValue?] = []
        var texts: [String] = []
        entries.reserveCapacity(wires.count)
        payloads.reserveCapacity(wires.count)
        texts.reserveCapacity(wires.count)
        for (index, wire) in wires.enumerated() {
            guard let text = wire["text"]?.stringValue, let hash = wire["hash"]?.stringValue else {
                throw HubError(.badRequest, notABatch)
            }
            let (entry, payload) = try entry(WireEntry(text: text, hash: hash), index: index)
            entries.append(entry)
            payloads.append(payload)
            texts.append(text)
        }
        return ReceivedBatch(entries: entries, shopHead: try shopHead(batch["shop_head"]), payloads: payloads, texts: texts)
    }

    /// `shop_head`: absent, null, or `{"seq": N, "hash": "…"}`.
    static func shopHead(_ value: JSONValue?) throws(HubError) -> JournalHead? {
        guard let value, value != .null else { return nil }
        guard let seq = value["seq"]?.intValue, let hash = value["hash"]?.stringValue else {
            throw HubError(.badRequest, notABatch)
        }
        return JournalHead(seq: seq, hash: hash)
    }

    /// The keys of a journal entry's canonical text, in byte order.
    static let entryKeys = ["actor", "at", "kind", "payload", "prev", "register", "seq"]

    /// One entry from its canonical text, with its payload parsed; the hash is taken as
    /// sent (the check compares it).
    static func entry(_ wire: WireEntry, index: Int) throws(HubError) -> (AuditEntry, JSONValue) {
        let problem = "entry \(index + 1) of the batch"
        guard let (values, payloadText) = JSONValue.parseCanonicalObject(wire.text, keys: entryKeys, keepingTextOf: 3) else {
            if JSONValue.parseCanonical(wire.text) == nil, case .object? = JSONValue.parse(wire.text) {
                throw HubError(.badRequest, "\(problem)\(seqNote(wire)) is not in canonical form")
            }
            throw HubError(.badRequest, "\(problem) is not a journal entry's canonical text")
        }
        guard let actor = values[0].stringValue, let at = values[1].stringValue, let kind = values[2].stringValue,
            let prev = values[4].stringValue, let seq = values[6].intValue
        else {
            throw HubError(.badRequest, "\(problem) is not a journal entry's canonical text")
        }
        let register = values[5]
        guard register == .null || register.stringValue != nil else {
            throw HubError(.badRequest, "\(problem): register must be a string or null")
        }
        let entry = AuditEntry(
            seq: seq, at: at, actor: actor, register: register.stringValue, kind: kind, payload: payloadText, prevHash: prev,
            hash: wire.hash)
        // Canonical text with exactly these seven keys is the text the fields give again.
        assert(entry.canonicalText == wire.text)
        return (entry, values[3])
    }

    /// ` (seq N)` when the text names its seq, for the line that refuses it.
    private static func seqNote(_ wire: WireEntry) -> String {
        JSONValue.parse(wire.text)?["seq"]?.intValue.map { " (seq \($0))" } ?? ""
    }
}
