import Foundation

extension Timestamp {
    /// Reads the shapes the store writes and `TORA_NOW` takes —
    /// `YYYY-MM-DDTHH:MM:SS`, optionally `.fff` (exactly three digits), then `Z` or
    /// `±HH:MM` — by arithmetic, without `ISO8601DateFormatter`. That formatter builds an
    /// ICU date formatter with its calendar and locale data, which made a till's resident
    /// memory 5 MB larger the moment it first read a timestamp (docs/performance.md).
    /// Nil for any other text, a field out of range or a year outside 1900–9999 (before
    /// 1582 the formatter's calendar is Julian); `parse` then asks the formatter,
    /// so what is accepted does not change. The result is computed as the formatter's
    /// is (milliseconds since 1970 ÷ 1 000, less the reference date), so both give the
    /// same `Date` to the bit.
    static func parseStored(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24 || bytes.count == 25 || bytes.count == 29 else { return nil }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return nil }
        var index = 19
        var milliseconds = 0
        if bytes[index] == UInt8(ascii: ".") {
            guard bytes.count >= 24, let fraction = number(bytes, 20, 3) else { return nil }
            milliseconds = fraction
            index = 23
        }
        guard let offset = offsetSeconds(bytes, from: index) else { return nil }
        guard (1900...9999).contains(year), (1...12).contains(month) else { return nil }
        guard (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offset
        let unixMilliseconds = Double(seconds * 1000 + milliseconds)
        return Date(timeIntervalSinceReferenceDate: unixMilliseconds / 1000.0 - Date.timeIntervalBetween1970AndReferenceDate)
    }

    /// The zone designator from `index` to the end: `Z` (0) or `±HH:MM` in seconds.
    private static func offsetSeconds(_ bytes: [UInt8], from index: Int) -> Int? {
        if bytes.count == index + 1 { return bytes[index] == UInt8(ascii: "Z") ? 0 : nil }
        guard bytes.count == index + 6, bytes[index + 3] == UInt8(ascii: ":"),
            let hours = number(bytes, index + 1, 2), let minutes = number(bytes, index + 4, 2), hours < 24, minutes < 60
        else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "+"): return (hours * 60 + minutes) * 60
        case UInt8(ascii: "-"): return -(hours * 60 + minutes) * 60
        default: return nil
        }
    }

    /// The decimal number of `count` ASCII digits at `start`, or nil if one is not a digit.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to the proleptic Gregorian `year-month-day` (Howard Hinnant's
    /// `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
