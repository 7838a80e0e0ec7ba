import Testing
import ToraCore

@Suite("Business days and registers are values, not bare strings")
struct BusinessDayTests {
    @Test("a business day is a real calendar day written YYYY-MM-DD", arguments: ["2026-11-29", "2024-02-29", "2000-02-29"])
    func days(text: String) throws {
        let day = try #require(BusinessDay(text))
        #expect(day.text == text && day.description == text)
    }

    @Test(
        "anything else is no business day",
        arguments: ["2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "2026-1-01", "26-11-29", "2026/11/29", "2026-11-29 ", ""])
    func notDays(text: String) {
        #expect(BusinessDay(text) == nil)
    }

    @Test("days order as the calendar does; the compact form is the receipt number's")
    func order() throws {
        let first = try #require(BusinessDay("2026-11-29"))
        let second = try #require(BusinessDay("2026-12-01"))
        #expect(first < second && first.compact == "20261129")
    }

    @Test("a register is exactly two ASCII digits", arguments: ["01", "09", "99", "00"])
    func registers(text: String) {
        #expect(RegisterID(text)?.text == text)
    }

    @Test("anything else is no register", arguments: ["1", "001", "a1", "0١", " 1", ""])
    func notRegisters(text: String) {
        #expect(RegisterID(text) == nil)
    }
}
