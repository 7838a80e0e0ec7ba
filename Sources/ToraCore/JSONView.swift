#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One value of a `JSONDocument`, read where it lies: the same questions as `JSONValue`
/// asks (`payload["total"]?.intValue`), answered from the tape without building values.
public struct JSONView: Sendable {
    public let document: JSONDocument
    let index: Int

    init(document: JSONDocument, index: Int) {
        self.document = document
        self.index = index
    }

    private var node: JSONNode { document.nodes[index] }

    /// The member `key` of an object; nil for anything else or a missing key. The keys are
    /// compared as bytes, length first: the projections ask dozens of these per sale.
    public subscript(key: String) -> JSONView? {
        var key = key
        let found = key.withUTF8 { wanted in
            document.nodes.withUnsafeBufferPointer { nodes in
                document.bytes.withUnsafeBufferPointer { bytes in Self.member(wanted, of: index, nodes: nodes, bytes: bytes) }
            }
        }
        return found.map { JSONView(document: document, index: $0) }
    }

    /// The node index of the value of member `wanted` of the object at `object`.
    private static func member(
        _ wanted: UnsafeBufferPointer<UInt8>, of object: Int, nodes: UnsafeBufferPointer<JSONNode>, bytes: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        let end = Int(nodes[object].next)
        var member = object + 1
        while member < end {
            if string(nodes[member], in: bytes, equals: wanted) { return member + 1 }
            member = Int(nodes[member + 1].next)
        }
        return nil
    }

    /// How many members, if this is an object.
    public var memberCount: Int? {
        let nodes = document.nodes
        guard nodes[index].kind == .object else { return nil }
        var count = 0
        var member = index + 1
        while member < Int(nodes[index].next) {
            count += 1
            member = Int(nodes[member + 1].next)
        }
        return count
    }

    /// The whole number, if this is one.
    public var intValue: Int64? {
        let node = node
        guard node.kind == .int else { return nil }
        return document.bytes.withUnsafeBufferPointer {
            JSONNode.integer(UnsafeBufferPointer(rebasing: $0[Int(node.start)..<Int(node.end)]))
        }
    }

    /// The text, if this is a string.
    public var stringValue: String? {
        let node = node
        guard node.kind == .string else { return nil }
        return document.bytes.withUnsafeBufferPointer { Self.decode(node, in: $0) }
    }

    /// true or false, if this is one.
    public var boolValue: Bool? {
        switch node.kind {
        case .isTrue: true
        case .isFalse: false
        default: nil
        }
    }

    public var isNull: Bool { node.kind == .null }

    /// The text of a number that is not a whole `Int64` (such as `37.5`), as written.
    public var numberText: String? { node.kind == .number ? text : nil }

    /// The items, if this is an array.
    public var arrayValue: [JSONView]? {
        let nodes = document.nodes
        guard nodes[index].kind == .array else { return nil }
        var items: [JSONView] = []
        var item = index + 1
        let end = Int(nodes[index].next)
        while item < end {
            items.append(JSONView(document: document, index: item))
            item = Int(nodes[item].next)
        }
        return items
    }

    /// The value's text as written in the document.
    public var text: String {
        let node = node
        let start = Int(node.start) - (node.kind == .string ? 1 : 0)
        let end = Int(node.end) + (node.kind == .string ? 1 : 0)
        return document.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The bytes of a string with its escapes decoded; nil if this is not a string.
    public var stringBytes: [UInt8]? {
        let node = node
        guard node.kind == .string else { return nil }
        return document.bytes.withUnsafeBufferPointer { bytes in
            guard node.escaped else { return Array(bytes[Int(node.start)..<Int(node.end)]) }
            return [UInt8](unsafeUninitializedCapacity: Int(node.end - node.start)) { out, count in
                count = Self.unescape(node, in: bytes, into: out)
            }
        }
    }

    /// The value as a `JSONValue`.
    public var value: JSONValue {
        let node = node
        switch node.kind {
        case .object:
            var members: [String: JSONValue] = [:]
            var member = index + 1
            while member < Int(node.next) {
                let key = JSONView(document: document, index: member).stringValue ?? ""
                members[key] = JSONView(document: document, index: member + 1).value
                member = Int(document.nodes[member + 1].next)
            }
            return .object(members)
        case .array: return .array((arrayValue ?? []).map(\.value))
        case .string: return .string(stringValue ?? "")
        case .int: return .int(intValue ?? 0)
        case .number: return .number(text)
        case .isTrue: return .bool(true)
        case .isFalse: return .bool(false)
        case .null: return .null
        }
    }

    // MARK: Strings in the bytes

    /// Whether a string node's text is `wanted`'s bytes.
    static func string(_ node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>, equals wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !node.escaped else { return decode(node, in: bytes).utf8.elementsEqual(wanted) }
        let start = Int(node.start)
        let count = Int(node.end) - start
        guard count == wanted.count else { return false }
        guard count > 0 else { return true }
        return bytes[start] == wanted[0] && memcmp(bytes.baseAddress! + start, wanted.baseAddress!, count) == 0
    }

    /// The byte order of two string nodes' texts (−1, 0, 1), as canonical keys are sorted.
    static func compareStrings(_ left: JSONNode, _ right: JSONNode, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !left.escaped && !right.escaped else { return compareUTF8(decode(left, in: bytes), decode(right, in: bytes)) }
        let leftBytes = bytes[Int(left.start)..<Int(left.end)]
        let rightBytes = bytes[Int(right.start)..<Int(right.end)]
        if leftBytes.elementsEqual(rightBytes) { return 0 }
        return leftBytes.lexicographicallyPrecedes(rightBytes) ? -1 : 1
    }

    /// A string node's text, its escapes decoded (the parser has checked them).
    static func decode(_ node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard node.escaped else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)
        }
        // Unescaping only ever shortens the text: decoded straight into the String's storage.
        return String(unsafeUninitializedCapacity: Int(node.end - node.start)) { out in unescape(node, in: bytes, into: out) }
    }

    /// Writes a string node's decoded bytes into `out` (at least its length); returns how many.
    private static func unescape(_ node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int
    {
        var read = Int(node.start)
        let end = Int(node.end)
        var written = 0
        while read < end {
            let byte = bytes[read]
            guard byte == UInt8(ascii: "\\") else {
                out[written] = byte
                written += 1
                read += 1
                continue
            }
            // A quote or a backslash: every quote of an entry text sent as a string is one.
            let next = bytes[read + 1]
            if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                out[written] = next
                written += 1
                read += 2
                continue
            }
            guard let (scalar, after) = JSONEscape.read(bytes, at: read + 1, canonical: false) else { break }
            read = after
            UTF8.encode(scalar) { unit in
                out[written] = unit
                written += 1
            }
        }
        return written
    }
}
