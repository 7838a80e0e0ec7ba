/// One pass over UTF-8 bytes, writing each value's node to the tape. In canonical mode
/// white space is not skipped (so any is refused where a token is expected) and every
/// text is held to what `JSONValue.write` gives.
struct JSONTapeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let canonical: Bool
    var index = 0
    var depth = 0
    var nodes: [JSONNode] = []

    init(bytes: UnsafeBufferPointer<UInt8>, canonical: Bool) {
        self.bytes = bytes
        self.canonical = canonical
        // About a value per 8 bytes in a payload; a batch envelope is mostly long strings,
        // so no more than 4 096 are reserved up front (the array grows past that if needed).
        nodes.reserveCapacity(min(bytes.count / 8, 4_096) + 1)
    }

    /// Skips white space (none in canonical mode); always true, to chain in a guard.
    mutating func skipSpace() -> Bool {
        guard !canonical else { return true }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return true
            }
        }
        return true
    }

    mutating func value() -> Bool {
        _ = skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return container(.object, close: UInt8(ascii: "}"))
        case UInt8(ascii: "["): return container(.array, close: UInt8(ascii: "]"))
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true", .isTrue)
        case UInt8(ascii: "f"): return literal("false", .isFalse)
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        var node = JSONNode(kind: kind, start: index)
        index += count
        node.end = Int32(index)
        node.next = Int32(nodes.count + 1)
        nodes.append(node)
        return true
    }

    /// An object (each member a key node, then its value's nodes) or an array.
    private mutating func container(_ kind: JSONNode.Kind, close: UInt8) -> Bool {
        depth += 1
        guard depth <= JSONDocument.maxDepth else { return false }
        defer { depth -= 1 }
        let at = nodes.count
        nodes.append(JSONNode(kind: kind, start: index))
        index += 1
        _ = skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return finish(at)
        }
        var previousKey: Int?
        while true {
            if kind == .object {
                _ = skipSpace()
                let key = nodes.count
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
                // Canonical keys are in byte order, each once.
                if canonical, let previousKey, JSONView.compareStrings(nodes[previousKey], nodes[key], in: bytes) >= 0 { return false }
                previousKey = key
                _ = skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
            }
            guard value() else { return false }
            _ = skipSpace()
            guard index < bytes.count else { return false }
            index += 1
            if bytes[index - 1] == close { return finish(at) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
        }
    }

    /// Closes the container whose node is at `at`; the index is after its closing byte.
    private mutating func finish(_ at: Int) -> Bool {
        nodes[at].end = Int32(index)
        nodes[at].next = Int32(nodes.count)
        return true
    }

    private mutating func number() -> Bool {
        let start = index
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var whole = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                // Up to 18 digits cannot overflow; longer numbers are read from their text.
                if index - start >= 18 { whole = false }
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
            {
                whole = false
                index += 1
            } else {
                break
            }
        }
        guard index > start + (negative ? 1 : 0) else { return false }
        var node = JSONNode(kind: .int, start: start)
        node.end = Int32(index)
        node.next = Int32(nodes.count + 1)
        if whole {
            // Canonical integers have no leading zero and no "-0".
            if canonical, bytes[start + (negative ? 1 : 0)] == UInt8(ascii: "0"), index - start > 1 { return false }
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if let integer = Int64(text) {
                if canonical && String(integer) != text { return false }
            } else {
                node.kind = .number
            }
        }
        nodes.append(node)
        return true
    }

    /// A string starting at its opening quote; the index ends after the closing one. Its
    /// escapes are checked here and decoded when the string is read.
    private mutating func string() -> Bool {
        index += 1
        var node = JSONNode(kind: .string, start: index)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                node.escaped = true
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                guard let (_, after) = JSONEscape.read(bytes, at: index + 1, canonical: canonical) else { return false }
                index = after
                continue
            }
            // A control character is written escaped in canonical text.
            if canonical, byte < 0x20 { return false }
            index += 1
        }
        guard index < bytes.count else { return false }
        node.end = Int32(index)
        node.next = Int32(nodes.count + 1)
        nodes.append(node)
        index += 1
        return true
    }
}

/// JSON's backslash escapes, read where the parser checks them and where a string is decoded.
enum JSONEscape {
    /// The character of the escape whose letter is at `at` (after the backslash) and the
    /// index after it; nil when it is not an escape. In canonical mode only the escapes
    /// `JSONValue.writeString` writes (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00xx` for other
    /// control characters, lower-case hex).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, canonical: Bool) -> (Unicode.Scalar, Int)? {
        guard at < bytes.count else { return nil }
        let escape = bytes[at]
        var index = at + 1
        switch escape {
        case UInt8(ascii: "n"): return ("\n", index)
        case UInt8(ascii: "r"): return ("\r", index)
        case UInt8(ascii: "t"): return ("\t", index)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return (Unicode.Scalar(escape), index)
        case _ where canonical && escape != UInt8(ascii: "u"): return nil
        case UInt8(ascii: "b"): return ("\u{8}", index)
        case UInt8(ascii: "f"): return ("\u{C}", index)
        case UInt8(ascii: "/"): return ("/", index)
        case UInt8(ascii: "u"):
            guard var code = hex4(bytes, at: index, canonical: canonical) else { return nil }
            index += 4
            if canonical {
                guard code < 0x20, code != 0x0A, code != 0x0D, code != 0x09 else { return nil }
            }
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate pairs only with a low one (anything else is not text).
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                    let low = hex4(bytes, at: index + 2, canonical: canonical), (0xDC00..<0xE000).contains(low)
                else { return nil }
                index += 6
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return (scalar, index)
        default: return nil
        }
    }

    /// Four hex digits (lower-case only in canonical mode).
    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, canonical: Bool) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for byte in bytes[at..<(at + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where !canonical: digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
        }
        return code
    }
}
