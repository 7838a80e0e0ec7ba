import Foundation

/// The business days of the synthetic history and their timestamps, in the shop's default
/// time zone (Asia/Jakarta, UTC+7, no daylight saving). Written by hand rather than with
/// `ISO8601DateFormatter`, which would cost more than the inserts themselves.
///
/// The shop trades from 07:00 to 21:00 local time, which is 00:00 to 14:00 UTC, so a
/// business day and its UTC date are the same date.
struct ShopCalendar: Sendable {
    /// One business day: `2026-11-29`, `20261129`, and its 00:00 UTC as a Unix time.
    struct Day: Sendable {
        let text: String
        let compact: String
        let utcMidnight: Int64
    }

    static let utcOffset: Int64 = 7 * 3600
    static let opening = 7 * 3600
    static let closing = 21 * 3600

    let days: [Day]

    /// `count` business days ending the day before `today` (local).
    init(count: Int, endingBefore today: Date = Date()) {
        let localNow = Int64(today.timeIntervalSince1970) + Self.utcOffset
        let todayMidnight = localNow - localNow % 86_400
        days = (1...max(count, 1)).reversed().map { back in
            let midnight = todayMidnight - Int64(back) * 86_400
            let (year, month, day) = Self.civil(fromDays: midnight / 86_400)
            let text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
            return Day(text: text, compact: text.replacingOccurrences(of: "-", with: ""), utcMidnight: midnight)
        }
    }

    /// `2026-11-29T02:15:07.123Z` for `second` seconds after local midnight of `day`
    /// (07:00–21:00 only, so the UTC date is the business day).
    static func stamp(_ day: Day, second: Int, millisecond: Int = 0) -> String {
        let utc = second - Int(utcOffset)
        return "\(day.text)T\(pad(utc / 3600, 2)):\(pad(utc / 60 % 60, 2)):\(pad(utc % 60, 2)).\(pad(millisecond, 3))Z"
    }

    /// `2026-11-29 09:15`: the local time as receipts print it.
    static func local(_ day: Day, second: Int) -> String {
        "\(day.text) \(pad(second / 3600, 2)):\(pad(second / 60 % 60, 2))"
    }

    /// Zero-padded decimal.
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
