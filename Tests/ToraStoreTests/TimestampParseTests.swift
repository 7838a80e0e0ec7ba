import Foundation
import Testing

@testable import ToraStore

@Suite("reading timestamps")
struct TimestampParseTests {
    /// What `Timestamp.parse` gave before it read the stored shapes itself.
    static func formatterDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    @Test("the stored shapes read to the same instant, to the bit, as ISO8601DateFormatter reads them")
    func sameAsTheFormatter() throws {
        var random = SystemRandomNumberGenerator()
        let offsets = ["Z", "+07:00", "+08:00", "+09:00", "-03:30", "+05:45", "+00:00", "-12:00", "+14:00"]
        for round in 0..<3_000 {
            let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)
            let base = Date(timeIntervalSince1970: Double(seconds))
            let stored = Timestamp.format(base.addingTimeInterval(Double(round % 1000) / 1000))
            let whole = String(stored.dropLast(5)) + offsets[round % offsets.count]
            let fraction = String(stored.dropLast()) + offsets[(round + 3) % offsets.count]
            for text in [stored, whole, fraction] {
                let expected = try #require(Self.formatterDate(text), "\(text)")
                #expect(Timestamp.parseStored(text) == expected, "\(text)")
                #expect(Timestamp.parse(text) == expected, "\(text)")
            }
        }
        for text in ["2024-02-29T23:59:59.999Z", "2000-01-01T00:00:00+00:00", "1900-03-01T00:00:00.001-01:00", "9999-12-31T23:59:59Z"] {
            #expect(Timestamp.parseStored(text) == Self.formatterDate(text), "\(text)")
        }
    }

    @Test("other shapes and impossible fields are left to the formatter, so what is accepted does not change")
    func otherShapesFallBack() {
        let texts = [
            "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T10:60:00Z", "2026-11-29T10:00:60Z",
            "2026-11-29 10:00:00Z", "2026-11-29T10:00:00", "2026-11-29T10:00:00+0700", "2026-11-29T10:00:00.5Z",
            "2026-11-29T10:00:00.1234Z", "2026-11-29T10:00:00+7:00", "1582-10-04T10:00:00Z", "2026-11-29T10:00:00+24:00", "",
            "2026-11-29", "abcd-ef-ghTij:kl:mnZ", "2026-11-29T10:00:00.000+07:0a",
        ]
        for text in texts {
            #expect(Timestamp.parseStored(text) == nil, "\(text)")
            #expect(Timestamp.parse(text) == Self.formatterDate(text), "\(text)")
        }
    }
}
