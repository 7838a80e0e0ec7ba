import Foundation
import ToraCore
import ToraStore

extension StoreBench {
    /// The Z report of the history's day nearest 5 000 sales and the per-day sales report over the
    /// whole history, each run several times (the first run is reported on its own).
    func reports(repeats: Int) throws -> [Figure] {
        var day = Samples()
        var firstDay = 0.0
        var salesCount = 0
        for index in 0...repeats {
            let result = try Stopwatch.time { try store.reports.dayReport(day: BusinessDay(shop.reportDay)) }
            salesCount = result.value.salesCount
            if index == 0 { firstDay = result.milliseconds } else { day.append(result.milliseconds) }
        }
        log(String(format: "Z report of %@ (%d sales): %.1f ms", shop.reportDay, salesCount, day.median))
        var year = Samples()
        var firstYear = 0.0
        var days = 0
        let yearRepeats = max(1, repeats / 2)
        for index in 0...yearRepeats {
            let result = try Stopwatch.time {
                try store.reports.dailySales(from: BusinessDay(stringLiteral: shop.firstDay), to: BusinessDay(stringLiteral: shop.lastDay))
            }
            days = result.value.count
            if index == 0 { firstYear = result.milliseconds } else { year.append(result.milliseconds) }
        }
        log(String(format: "dailySales over %d days: %.0f ms", days, year.median))
        return [
            Figure(
                "z_report_ms", "Z report of a day, dayReport p50", day.median, "ms", target: .atMost(50, "≤ 50 ms"),
                note: String(format: "%@, %d sales; first run %.1f ms; max %.1f ms", shop.reportDay, salesCount, firstDay, day.maximum)),
            Figure(
                "year_report_ms", "year report, dailySales p50", year.median, "ms", target: .atMost(1000, "≤ 1 s"),
                note: String(format: "%d days; first run %.0f ms", days, firstYear)),
        ]
    }
}
