/// A buyer's NIK (Nomor Induk Kependudukan, the 16 digits of the KTP), checked for shape:
/// province code 11–94 in digits 1–2 and a date of birth in digits 7–12 (`DDMMYY`, the day
/// plus 40 for women). See docs/subsidised-goods.md.
public struct NIK: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 16 digits. Kept for reconciliation; shown only through `masked`.
    public let digits: String

    /// Checks `text` (spaces and dots between groups are ignored) and keeps its digits.
    public init(_ text: String) throws(CoreError) {
        let digits = String(text.filter { $0 != " " && $0 != "." && $0 != "-" })
        func refuse(_ why: String, _ reason: String) -> CoreError {
            CoreError(.invalidNIK, field: "nik", value: NIK.mask(text), details: ["why": why], reason: "not a NIK: \(reason)")
        }
        guard digits.count == 16, digits.allSatisfy(\.isASCIIDigit) else { throw refuse("digits", "a NIK is 16 digits") }
        let d = digits.compactMap(\.wholeNumberValue)
        let province = d[0] * 10 + d[1]
        guard (11...94).contains(province) else { throw refuse("province", "the province code \(province) is not 11–94") }
        var day = d[6] * 10 + d[7]
        if day > 40 { day -= 40 }
        let month = d[8] * 10 + d[9]
        let year = d[10] * 10 + d[11]
        guard (1...12).contains(month), day >= 1, day <= CivilDay.daysIn(month: month, year: 2000 + year) else {
            throw refuse("birth_date", "digits 7–12 are not a date of birth")
        }
        self.digits = digits
    }

    /// `3201********0001`: the first four and the last four digits.
    public var masked: String { NIK.mask(digits) }
    public var description: String { masked }

    /// Any text masked the same way: nothing of its middle is shown.
    public static func mask(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }
}

/// The period a programme's limit counts over.
public enum SubsidyPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, month

    public static func parse(_ text: String) throws(CoreError) -> SubsidyPeriod {
        switch text.trimmingSpaces().lowercased() {
        case "day", "hari": return .day
        case "week", "minggu", "pekan": return .week
        case "month", "bulan": return .month
        default: throw CoreError(.invalidField, field: "per", value: text, reason: "'\(text)' is not a period; use day, week or month")
        }
    }

    /// The first and last business day (`YYYY-MM-DD`) of the period holding `day`: the day
    /// itself, its ISO week (Monday to Sunday), or its calendar month.
    public func window(containing day: String) throws(CoreError) -> (from: String, to: String) {
        let civil = try CivilDay(day)
        switch self {
        case .day: return (day, day)
        case .week:
            let monday = civil.ordinal - civil.isoWeekdayIndex
            return (CivilDay(ordinal: monday).text, CivilDay(ordinal: monday + 6).text)
        case .month:
            let last = CivilDay.daysIn(month: civil.month, year: civil.year)
            return (
                CivilDay(year: civil.year, month: civil.month, day: 1).text, CivilDay(year: civil.year, month: civil.month, day: last).text
            )
        }
    }
}

/// A government programme (LPG 3 kg, SPHP rice, Minyakita, fertiliser): a ceiling price
/// (HET) per unit of its products and a limit of units per buyer per period. A unit is
/// the product's own unit: one tube of LPG (`pcs`), one kilogram of rice (`kg`).
public struct SubsidyProgramme: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var het: Money
    public var limit: Quantity
    public var period: SubsidyPeriod
    public var nikRequired: Bool

    public init(code: String, name: String, het: Money, limit: Quantity, period: SubsidyPeriod, nikRequired: Bool) {
        self.code = code
        self.name = name
        self.het = het
        self.limit = limit
        self.period = period
        self.nikRequired = nikRequired
    }

    /// Every rule of a programme on its own, as a list.
    public func problems() -> [CoreError] {
        var found: [CoreError] = []
        if !Product.isCode(code) {
            found.append(
                CoreError(
                    .invalidField, field: "code", value: code,
                    reason: "'\(code)' is not a programme code; use 1–32 letters, digits, '-' or '_'"))
        }
        if name.trimmingSpaces().isEmpty || name.count > 120 {
            found.append(CoreError(.invalidField, field: "name", value: name, reason: "a name of 1–120 characters is required"))
        }
        found += CoreError.plainTextProblems([("name", name)])
        if het.rupiah <= 0 || het > .maximum {
            found.append(CoreError(.invalidField, field: "het", value: het.formatted, reason: "the HET must be more than Rp0"))
        }
        if limit.thousandths <= 0 || limit.thousandths > 999_999_000 {
            found.append(CoreError(.invalidField, field: "limit", value: limit.formatted(.kg), reason: "the limit must be more than 0"))
        }
        return found
    }

    /// Refuses a price above the HET: `field` names which price (price, member_price, a
    /// till's price override).
    public func checkPrice(_ price: Money, field: String, sku: String) throws(CoreError) {
        guard price > het else { return }
        throw CoreError(
            .aboveHET, field: field, value: price.formatted,
            details: ["price": price.formatted, "het": het.formatted, "programme": code, "sku": sku],
            reason: "\(price.formatted) is above the HET \(het.formatted) of programme \(code)")
    }

    /// What is left of the limit for a buyer who has `used` units in the period, after
    /// `asking` more; throws when that goes past the limit, saying how many remain.
    /// `used` is what this shop sold (net of refunds); the hub's units from other outlets
    /// will be added to it by the caller (see docs/subsidised-goods.md).
    public func remaining(used: Quantity, asking: Quantity, unit: MeasureUnit, buyer: NIK?) throws(CoreError) -> Quantity {
        let left = limit - used
        guard asking <= left else {
            let remaining = left.isNegative ? Quantity.zero : left
            throw CoreError(
                .subsidyLimit, field: "quantity", value: asking.formatted(unit),
                details: [
                    "programme": code, "name": name, "remaining": remaining.formatted(unit), "unit": unit.rawValue,
                    "limit": limit.formatted(unit), "period": period.rawValue, "nik": buyer?.masked ?? "",
                ],
                reason:
                    "\(buyer?.masked ?? "the buyer") may have \(remaining.formatted(unit)) \(unit.rawValue) more of \(code) this \(period.rawValue)"
            )
        }
        return left - asking
    }
}

/// A calendar day as pure arithmetic (no clock, no time zone): days since 1970-01-01.
struct CivilDay {
    let year: Int
    let month: Int
    let day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(_ text: String) throws(CoreError) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4,
            (1...12).contains(m), d >= 1, d <= CivilDay.daysIn(month: m, year: y)
        else { throw CoreError(.invalidField, field: "date", value: text, reason: "'\(text)' is not a date YYYY-MM-DD") }
        self.init(year: y, month: m, day: d)
    }

    /// From days since 1970-01-01 (H. Hinnant's civil-from-days).
    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
    var isoWeekdayIndex: Int { ((ordinal % 7) + 7 + 3) % 7 }

    var text: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
