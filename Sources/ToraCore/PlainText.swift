extension String {
    /// True when the text holds a line break, a tab or another control character
    /// (C0, DEL, C1, and the Unicode line and paragraph separators): such text would
    /// break the till's one-line display and a receipt's columns.
    public var hasControlCharacter: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
            default: return false
            }
        }
    }
}

extension CoreError {
    /// The refusal of a text field that holds a control character (see `hasControlCharacter`).
    static func controlCharacter(field: String, value: String) -> CoreError {
        CoreError(
            .invalidField, field: field, value: value,
            reason: "the \(field) holds a line break or another control character; write it on one line")
    }

    /// `field`'s refusal when `value` has a control character, for `problems()` lists.
    static func plainTextProblems(_ fields: [(String, String)]) -> [CoreError] {
        fields.compactMap { field, value in value.hasControlCharacter ? controlCharacter(field: field, value: value) : nil }
    }
}
