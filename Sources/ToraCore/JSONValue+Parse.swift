extension JSONValue {
    /// Reads JSON text, such as a journal entry's payload; nil when it is not JSON. Whole
    /// numbers become `.int`, other numbers `.number` with their text.
    ///
    /// Read through `JSONDocument` (one pass over the UTF-8 bytes, no Foundation); where
    /// only a few members are wanted, read the document itself instead.
    public static func parse(_ text: String) -> JSONValue? {
        JSONDocument.parse(text)?.root.value
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
