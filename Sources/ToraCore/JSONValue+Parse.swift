extension JSONValue {
    /// Reads JSON text, such as a journal entry's payload; nil when it is not JSON. Whole
    /// numbers become `.int`, other numbers `.number` with their text.
    ///
    /// Written for speed over the journal's canonical text (`tora audit verify` reads
    /// every payload of a shop): one pass over the UTF-8 bytes, no Foundation.
    public static func parse(_ text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes, canonical: false)
            guard let value = parser.value() else { return nil }
            parser.skipSpace()
            return parser.index == bytes.count ? value : nil
        }
    }

    /// The member `key` of an object; nil for anything else or a missing key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The whole number, if this is one.
    public var intValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The text, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The items, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}

/// One pass over UTF-8 bytes. In canonical mode, white space is not skipped (so any is
/// refused where a token is expected) and every text is held to what `JSONValue.write`
/// gives, and the outermost object's members' byte ranges are noted.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let canonical: Bool
    var index = 0
    var depth = 0
    var outerMembers: [(key: String, range: Range<Int>)] = []

    init(bytes: UnsafeBufferPointer<UInt8>, canonical: Bool) {
        self.bytes = bytes
        self.canonical = canonical
    }

    mutating func skipSpace() {
        guard !canonical else { return }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    mutating func object() -> JSONValue? {
        index += 1
        depth += 1
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(8)
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        var previousKey: String?
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            // Canonical keys are in byte order, each once.
            if canonical, let previousKey, compareUTF8(previousKey, key) >= 0 { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            let start = index
            guard let member = value() else { return nil }
            if canonical {
                if depth == 1 { outerMembers.append((key, start..<index)) }
                previousKey = key
            }
            members[key] = member
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }

    mutating func array() -> JSONValue? {
        index += 1
        depth += 1
        defer { depth -= 1 }
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }

    mutating func number() -> JSONValue? {
        let start = index
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var whole = true
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                // Up to 18 digits cannot overflow; longer numbers are read from their text.
                if index - start < 18 { value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0")) } else { whole = false }
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
        guard index > start + (negative ? 1 : 0) else { return nil }
        if whole {
            // Canonical integers have no leading zero and no "-0".
            if canonical, bytes[start + (negative ? 1 : 0)] == UInt8(ascii: "0"), index - start > 1 { return nil }
            return .int(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if let value = Int64(text) { return canonical && String(value) != text ? nil : .int(value) }
        return .number(text)
    }

    /// A string starting at the opening quote; the index ends after the closing one.
    /// The closing quote is found first; a string with escapes is then decoded straight
    /// into the new `String`'s storage (unescaping only ever shortens the text), since
    /// the hub reads hundreds of escape-heavy entry texts per batch.
    mutating func string() -> String? {
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            // A control character is written escaped in canonical text.
            if canonical, byte < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let end = index
        guard escaped else {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var failed = false
        let text = String(unsafeUninitializedCapacity: end - start) { out in
            var read = start
            var written = 0
            while read < end {
                let byte = bytes[read]
                read += 1
                guard byte == UInt8(ascii: "\\") else {
                    out[written] = byte
                    written += 1
                    continue
                }
                index = read
                guard let scalar = escape(), index <= end else {
                    failed = true
                    return 0
                }
                read = index
                UTF8.encode(scalar) { unit in
                    out[written] = unit
                    written += 1
                }
            }
            return written
        }
        index = end + 1
        return failed ? nil : text
    }

    /// The character of the escape after a backslash; in canonical mode only the escapes
    /// `JSONValue.writeString` writes (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00xx` for
    /// other control characters, lower-case hex).
    mutating func escape() -> Unicode.Scalar? {
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return Unicode.Scalar(escape)
        case _ where canonical && escape != UInt8(ascii: "u"): return nil
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "u"):
            let digits = index
            guard var code = hex4() else { return nil }
            if canonical {
                let lowerHex = bytes[digits..<index].allSatisfy { !(UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
                guard code < 0x20, code != 0x0A, code != 0x0D, code != 0x09, lowerHex else { return nil }
            }
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                // A high surrogate pairs only with a low one (anything else is not text).
                guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            return Unicode.Scalar(code)
        default: return Unicode.Scalar(escape)
        }
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        return code
    }
}
