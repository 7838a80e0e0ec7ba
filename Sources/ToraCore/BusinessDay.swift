/// A business day of the shop, `YYYY-MM-DD` in the shop's time zone: a real day of the
/// calendar, never a bare string that might be `2026-02-30` (docs/shifts-and-credit.md).
/// Its text sorts as the days do, so it is stored and compared as text.
public struct BusinessDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    /// The day `text` names, or nil when it is not `YYYY-MM-DD` or not on the calendar.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1, (1...12).contains(month)
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...length).contains(day) else { return nil }
        self.text = text
    }

    /// The day as a receipt number carries it: `20261129`.
    public var compact: String { text.filter { $0 != "-" } }

    public var description: String { text }

    public static func < (lhs: BusinessDay, rhs: BusinessDay) -> Bool { lhs.text < rhs.text }
}

/// A register (a till's number): exactly two digits, like `01` (docs/till-grammar.md).
public struct RegisterID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    /// The register `text` names, or nil when it is not exactly two digits.
    public init?(_ text: String) {
        guard text.count == 2, text.allSatisfy(\.isASCIIDigit) else { return nil }
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: RegisterID, rhs: RegisterID) -> Bool { lhs.text < rhs.text }
}

extension RegisterID: ExpressibleByStringLiteral {
    /// A register written in code, such as `"01"` in a test. A literal that is no register
    /// is a programming error and stops the program; text a person typed goes through
    /// `init?(_:)`.
    public init(stringLiteral text: String) {
        guard let register = RegisterID(text) else { preconditionFailure("'\(text)' is not a register (two digits)") }
        self = register
    }
}

extension BusinessDay: ExpressibleByStringLiteral {
    /// A day written in code, such as `"2026-11-29"` in a test. A literal that is no day of
    /// the calendar is a programming error and stops the program; text a person typed goes
    /// through `init?(_:)`.
    public init(stringLiteral text: String) {
        guard let day = BusinessDay(text) else { preconditionFailure("'\(text)' is not a business day (YYYY-MM-DD)") }
        self = day
    }
}
