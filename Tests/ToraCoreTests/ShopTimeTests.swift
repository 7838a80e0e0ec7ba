import Testing
import ToraCore

/// The journal's timestamps read as business days and hours by UTC offset, with no
/// Foundation (docs/journal-projection.md).
@Suite("shop time arithmetic")
struct ShopTimeTests {
    @Test("a UTC timestamp gives the local day and hour in WIB, WITA and WIT")
    func localDayAndHour() throws {
        let at = try #require(ShopTime.epochSeconds(utc: "2026-11-29T16:30:00.000Z"))
        let jakarta = ShopTime.local(epochSeconds: at, offset: try #require(ShopTime.indonesianOffset("Asia/Jakarta")))
        #expect(ShopTime.dayText(jakarta.day) == "2026-11-29" && jakarta.hour == 23)
        let jayapura = ShopTime.local(epochSeconds: at, offset: try #require(ShopTime.indonesianOffset("Asia/Jayapura")))
        #expect(ShopTime.dayText(jayapura.day) == "2026-11-30" && jayapura.hour == 1)
        #expect(ShopTime.indonesianOffset("Asia/Makassar") == 8 * 3600 && ShopTime.indonesianOffset("Europe/Paris") == nil)
    }

    @Test("the next day begins at local midnight, across month, year and leap day, and west of UTC")
    func startOfNextDay() {
        #expect(ShopTime.start(ofDayAfter: "2026-11-29", offset: 7 * 3600) == "2026-11-29T17:00:00.000Z")
        #expect(ShopTime.start(ofDayAfter: "2026-12-31", offset: 9 * 3600) == "2026-12-31T15:00:00.000Z")
        #expect(ShopTime.start(ofDayAfter: "2028-02-28", offset: 0) == "2028-02-29T00:00:00.000Z")
        #expect(ShopTime.start(ofDayAfter: "2026-02-28", offset: -5 * 3600) == "2026-03-01T05:00:00.000Z")
        #expect(ShopTime.start(ofDayAfter: "2026-02-30", offset: 0) == nil)
        #expect(ShopTime.start(ofDayAfter: "2026-11-29", offset: 5 * 3600 + 1800) == "2026-11-29T18:30:00.000Z")
    }

    @Test("day numbers round-trip, and text that is not a UTC timestamp is refused")
    func dayNumbersAndRefusals() {
        for day in ["1970-01-01", "1969-12-31", "2000-02-29", "2026-11-29", "2100-03-01"] {
            #expect(ShopTime.dayNumber(day).map(ShopTime.dayText) == day)
        }
        #expect(ShopTime.dayNumber("1970-01-02") == 1)
        #expect(ShopTime.epochSeconds(utc: "2026-11-29T09:30:00+07:00") == nil)
        #expect(ShopTime.epochSeconds(utc: "2026-13-29T09:30:00Z") == nil)
        #expect(ShopTime.epochSeconds(utc: "1970-01-01T00:01:05Z") == 65)
    }
}
