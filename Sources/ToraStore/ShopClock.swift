import Foundation
import ToraCore

/// Where the store's "now" comes from: the system clock, or a fixed instant from
/// `TORA_NOW` (ISO 8601 with offset) for tests and training (docs/sign-in-and-files.md).
public struct ShopClock: Sendable {
    private let source: @Sendable () -> Date

    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }

    public static let system = ShopClock { Date() }

    public static func fixed(_ date: Date) -> ShopClock { ShopClock { date } }

    public var now: Date { source() }

    /// The clock the environment asks for: `TORA_NOW` when set, else the system clock.
    /// A `TORA_NOW` that is not ISO 8601 with an offset is refused with its value.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ShopClock {
        guard let text = environment["TORA_NOW"], !text.isEmpty else { return .system }
        guard let date = Timestamp.parse(text) else {
            throw StoreError(.invalidInput, "TORA_NOW '\(text)' is not an ISO 8601 time with offset, like 2026-11-29T09:30:00+07:00")
        }
        return .fixed(date)
    }
}

/// Timestamps as the database keeps them: UTC, ISO 8601, milliseconds, so text order is
/// time order.
public enum Timestamp {
    /// One format style for every timestamp: it is a value, so nothing is built per call
    /// (a new ISO8601DateFormatter per timestamp was 29% of a sale's completion time).
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC") ?? .gmt)

    public static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    /// Reads ISO 8601 with an offset or `Z`, with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        if let date = parseStored(text) { return date }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// `YYYY-MM-DD` of `date` in the shop's time zone: the business day.
    public static func businessDay(of date: Date, in timeZone: TimeZone) -> String {
        localParts(of: date, in: timeZone).day
    }

    /// `2026-11-29 09:30` in the shop's time zone, for screens and receipts.
    public static func local(_ date: Date, in timeZone: TimeZone, seconds: Bool = false) -> String {
        let parts = localParts(of: date, in: timeZone)
        return seconds ? parts.local + ":" + twoDigits(parts.second) : parts.local
    }

    /// The business day, hour, `YYYY-MM-DD HH:MM` and second of `date` in `timeZone`,
    /// from one calendar computation.
    static func localParts(of date: Date, in timeZone: TimeZone) -> (day: String, hour: Int, local: String, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = "\(p.year ?? 0)-\(twoDigits(p.month ?? 0))-\(twoDigits(p.day ?? 0))"
        let hour = p.hour ?? 0
        return (day, hour, "\(day) \(twoDigits(hour)):\(twoDigits(p.minute ?? 0))", p.second ?? 0)
    }

    /// The UTC timestamp (as stored) at which the business day after `day` begins in
    /// `timeZone`; nil when `day` is not a real `YYYY-MM-DD` day.
    static func start(ofDayAfter day: String, in timeZone: TimeZone) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + 1)) else { return nil }
        return format(date)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

extension ShopStore {
    /// A stored UTC timestamp as the shop's local `2026-11-29 09:30`.
    public func localTime(_ stored: String) -> String {
        guard let date = Timestamp.parse(stored), let zone = try? read({ db in try Settings.timeZone(db) }) else { return stored }
        return Timestamp.local(date, in: zone)
    }
}

extension ShopStore {
    /// Today's business day in the shop's time zone.
    public func today() throws -> String {
        try read { db in try self.moment(db).day }
    }
}
