/// Calendar arithmetic on the journal's UTC timestamps (`2026-11-29T02:30:00.000Z`) and
/// business days (`2026-11-29`), by a time zone's UTC offset: the business day and hour
/// of an instant, and when a day ends, with no Foundation and no clock
/// (docs/journal-projection.md).
public enum ShopTime {
    /// The UTC offset in seconds of the time zones Indonesian shops use (WIB, WITA, WIT)
    /// and of UTC; nil for any other zone, whose offset the caller must supply. None of
    /// these zones has summer time, so one offset serves every instant.
    public static func indonesianOffset(_ zone: String) -> Int? {
        switch zone {
        case "Asia/Jakarta", "Asia/Pontianak": return 7 * 3600
        case "Asia/Makassar", "Asia/Ujung_Pandang": return 8 * 3600
        case "Asia/Jayapura": return 9 * 3600
        case "UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/UCT", "UCT", "Universal", "Zulu": return 0
        default: return nil
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z of a UTC timestamp `YYYY-MM-DDTHH:MM:SS[.sss]Z`;
    /// nil when the text is not of that shape.
    public static func epochSeconds(utc text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[bytes.count - 1] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int64? {
                var value: Int64 = 0
                for index in from..<(from + count) {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day)
            else { return nil }
            return days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        }
    }

    /// The day number (days since 1970-01-01) of `YYYY-MM-DD`, or nil when it is not a real day.
    public static func dayNumber(_ day: String) -> Int64? {
        guard BusinessDay(day) != nil else { return nil }
        let parts = day.split(separator: "-").compactMap { Int64($0) }
        return days(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The local day number and hour (0–23) of an instant at `offset` seconds from UTC.
    public static func local(epochSeconds: Int64, offset: Int) -> (day: Int64, hour: Int) {
        let local = epochSeconds + Int64(offset)
        let day = floorDivide(local, 86_400)
        return (day, Int((local - day * 86_400) / 3600))
    }

    /// `YYYY-MM-DD` of a day number.
    public static func dayText(_ number: Int64) -> String {
        let (year, month, day) = civil(number)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The UTC timestamp, as the journal writes them (`…T17:00:00.000Z`), at which the day
    /// after `day` begins at `offset` seconds from UTC; nil when `day` is not a real day.
    public static func start(ofDayAfter day: String, offset: Int) -> String? {
        guard let number = dayNumber(day) else { return nil }
        let instant = (number + 1) * 86_400 - Int64(offset)
        let date = floorDivide(instant, 86_400)
        let seconds = instant - date * 86_400
        return dayText(date) + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds % 3600 / 60, 2) + ":" + pad(seconds % 60, 2) + ".000Z"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ number: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = number + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
