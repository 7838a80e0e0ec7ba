import Testing
import ToraCore
import ToraReports
import ToraStore
import ToraTestSupport

@Suite("X report text")
struct ShiftReportTextTests {
    @Test("the X report of an open shift leaves out counted cash and over/short; they appear once the shift is closed")
    func openShiftHasNoCount() throws {
        let shop = try TestShop()
        try shop.store.users.addUser(code: "01", name: "Kasir", role: .cashier, pin: "1234", actor: "t")
        let shift = try shop.store.shifts.openShift(register: "01", cashier: "01", float: Money(200_000))
        let open = DayReportText.render(try shop.store.reports.shiftReport(shift), title: "X")
        #expect(open.contains("seharusnya") && open.contains("Rp200.000"))
        #expect(!open.contains("dihitung") && !open.contains("selisih"), "\(open)")
        let paper = DayReportPaper.lines(try shop.store.reports.shiftReport(shift), shopName: "Toko", columns: 32)
        #expect(!paper.contains { $0.hasPrefix("Kas dihitung") || $0.hasPrefix("Selisih") })
        _ = try shop.store.shifts.closeShift(shift, counted: Money(199_000), actor: "01")
        let day = try shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        let closed = DayReportText.render(day, title: "Z")
        #expect(closed.contains("dihitung") && closed.contains("selisih") && closed.contains("-Rp1.000"), "\(closed)")
    }
}
