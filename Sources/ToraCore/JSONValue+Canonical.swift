extension JSONValue {
    /// Reads text that must be canonical already: nil unless `text` is exactly the
    /// `canonical` text of the value it holds (no white space, keys in byte order, minimal
    /// escapes, integers without leading zeros). With it, the text of each member of the
    /// outermost object, as written there, so a part can be kept without writing it again.
    ///
    /// The hub checks every received journal entry this way in one pass, instead of
    /// parsing it and writing it back to compare (docs/performance.md "Hub").
    public static func parseCanonical(_ text: String) -> (value: JSONValue, memberTexts: [String: String])? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes, canonical: true)
            guard let value = parser.value(), parser.index == bytes.count else { return nil }
            var texts: [String: String] = [:]
            for (key, range) in parser.outerMembers {
                texts[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            return (value, texts)
        }
    }

    /// Reads the canonical text of an object whose keys are exactly `keys` (given in byte
    /// order, as canonical text has them): each member's value in that order, and the
    /// text of the member at `kept` as written. Nil for anything else. No dictionary is
    /// built for the object itself: the hub reads every received journal entry this way.
    public static func parseCanonicalObject(_ text: String, keys: [String], keepingTextOf kept: Int) -> (
        values: [JSONValue], keptText: String
    )? {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "{"), bytes[bytes.count - 1] == UInt8(ascii: "}") else { return nil }
            var parser = JSONParser(bytes: bytes, canonical: true)
            parser.index = 1
            parser.depth = 1
            var values: [JSONValue] = []
            values.reserveCapacity(keys.count)
            var keptText: String?
            for (position, key) in keys.enumerated() {
                if position > 0 {
                    guard bytes[parser.index] == UInt8(ascii: ",") else { return nil }
                    parser.index += 1
                }
                guard bytes[parser.index] == UInt8(ascii: "\""), parser.string() == key, bytes[parser.index] == UInt8(ascii: ":") else {
                    return nil
                }
                parser.index += 1
                let start = parser.index
                guard let value = parser.value(), parser.index < bytes.count else { return nil }
                if position == kept {
                    keptText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<parser.index]), as: UTF8.self)
                }
                values.append(value)
            }
            guard parser.index == bytes.count - 1, let keptText else { return nil }
            return (values, keptText)
        }
    }
}
