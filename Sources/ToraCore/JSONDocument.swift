/// JSON text read once into a flat list of its values, in the order they are written
/// (a "tape"): each value's kind, its bytes in the text and where the value after it
/// begins. Reading a member walks the object's keys and compares bytes; a string is
/// decoded only when it is asked for. No dictionary and no `String` is built while
/// reading, which is what made `JSONValue` costly where every journal entry is read: the
/// hub reads each received entry and the day projections read each payload through this
/// (docs/performance.md "Hub: entries read without building values").
///
/// `JSONValue` is built from a document (`JSONValue.parse`), so there is one parser.
public final class JSONDocument: Sendable {
    /// The text's UTF-8 bytes, as given.
    public let bytes: [UInt8]
    let nodes: [JSONNode]

    init(bytes: [UInt8], nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    /// Reads JSON text; nil when it is not JSON (or nests deeper than `maxDepth`).
    public static func parse(_ text: String) -> JSONDocument? {
        parse(bytes: Array(text.utf8), canonical: false)
    }

    /// Reads UTF-8 bytes (valid UTF-8 is the caller's to check). With `canonical`, nil
    /// unless the bytes are exactly the canonical text of the value they hold (as
    /// `JSONValue.canonical` writes it): no white space, keys in byte order and each once,
    /// only the escapes `JSONValue.writeString` writes, integers without leading zeros or
    /// `-0`. The hub stores and hashes a received entry as sent only when it is canonical.
    public static func parse(bytes: [UInt8], canonical: Bool) -> JSONDocument? {
        guard bytes.count < Int32.max else { return nil }
        let nodes = bytes.withUnsafeBufferPointer { buffer -> [JSONNode]? in
            var parser = JSONTapeParser(bytes: buffer, canonical: canonical)
            guard parser.value(), parser.skipSpace(), parser.index == buffer.count else { return nil }
            return parser.nodes
        }
        return nodes.map { JSONDocument(bytes: bytes, nodes: $0) }
    }

    /// Values nested deeper than this are refused: a body of a million `[` must not
    /// exhaust the reader's stack.
    public static let maxDepth = 200

    /// The outermost value.
    public var root: JSONView { JSONView(document: self, index: 0) }
}

/// One value of a document's tape: 16 bytes, so a batch's tapes stay in the CPU's cache
/// (an integer's value is read from its digits when asked for).
struct JSONNode: Sendable {
    enum Kind: UInt8, Sendable {
        case object, array, string, int, number, isTrue, isFalse, null
    }

    var kind: Kind
    /// A string holding at least one escape (decoded when read).
    var escaped = false
    /// The value's first byte; for a string, the byte after its opening quote.
    var start: Int32
    /// The byte after the value; for a string, its closing quote.
    var end: Int32 = 0
    /// The index of the node after this value and all the values inside it.
    var next: Int32 = 0

    init(kind: Kind, start: Int) {
        self.kind = kind
        self.start = Int32(start)
    }

    /// The value of the whole number in `bytes` (an optional minus and digits), nil when
    /// it is not one or does not fit an `Int64`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let negative = bytes.first == UInt8(ascii: "-")
        let digits = negative ? bytes.count - 1 : bytes.count
        guard digits > 0 else { return nil }
        // Up to 18 digits cannot overflow; longer numbers are read from their text.
        guard digits <= 18 else { return Int64(String(decoding: bytes, as: UTF8.self)) }
        var value: Int64 = 0
        for byte in bytes[(negative ? 1 : 0)...] {
            guard byte &- UInt8(ascii: "0") < 10 else { return Int64(String(decoding: bytes, as: UTF8.self)) }
            value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }
}
