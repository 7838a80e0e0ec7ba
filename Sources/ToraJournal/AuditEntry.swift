import Crypto
import ToraCore

/// One entry of the audit journal (docs/audit-journal.md): what the shop wrote, and what
/// the hub receives and re-hashes, byte for byte.
public struct AuditEntry: Sendable, Hashable {
    public let seq: Int64
    /// UTC, ISO 8601.
    public let at: String
    public let actor: String
    public let register: String?
    public let kind: String
    /// The canonical JSON text of the facts recorded.
    public let payload: String
    public let prevHash: String
    public let hash: String

    public init(
        seq: Int64, at: String, actor: String, register: String?, kind: String, payload: String, prevHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.register = register
        self.kind = kind
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The canonical text of the whole entry: the bytes its hash is taken over.
    public var canonicalText: String {
        JournalHash.canonicalText(seq: seq, at: at, actor: actor, register: register, kind: kind, payload: payload, prevHash: prevHash)
    }

    /// The SHA-256 (hex) this entry must carry: over the canonical text of all its fields
    /// and the previous entry's hash, so no field of any entry can change unnoticed.
    public var expectedHash: String { JournalHash.hex(of: canonicalText) }

    /// The last entry this one makes the journal reach.
    public var head: JournalHead { JournalHead(seq: seq, hash: hash) }
}

/// How an entry is hashed: SHA-256 over one canonical JSON object of its fields.
public enum JournalHash {
    /// The `prev_hash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `{"actor":…,"at":…,"kind":…,"payload":…,"prev":…,"register":…,"seq":…}`, keys in
    /// byte order, the payload inserted as the canonical text it already is.
    public static func canonicalText(
        seq: Int64, at: String, actor: String, register: String?, kind: String, payload: String, prevHash: String
    ) -> String {
        var text = "{\"actor\":"
        JSONValue.writeString(actor, into: &text)
        text += ",\"at\":"
        JSONValue.writeString(at, into: &text)
        text += ",\"kind\":"
        JSONValue.writeString(kind, into: &text)
        text += ",\"payload\":" + payload + ",\"prev\":"
        JSONValue.writeString(prevHash, into: &text)
        text += ",\"register\":"
        JSONValue.optional(register).write(into: &text)
        text += ",\"seq\":\(seq)}"
        return text
    }

    /// Lower-case hex SHA-256 of the text's UTF-8 bytes.
    public static func hex(of text: String) -> String {
        hex(ofBytes: Array(text.utf8))
    }

    /// Lower-case hex SHA-256 of the bytes of a text.
    public static func hex(ofBytes bytes: [UInt8]) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
