import GRDB
import Testing
import ToraTestSupport

@testable import ToraStore

/// The Z report reads a day's sales rows once, in its fold (docs/performance.md): each row
/// carries its receipt, so a second pass over them costs as much as the fold's own.
@Suite("report query plans")
struct ReportQueryPlanTests {
    @Test("the drawer's cash by shift is answered from an index, without reading a sales row")
    func shiftCashIsCovered() throws {
        let shop = try TestShop()
        for filter in ["business_day = ?", "id = ?"] {
            let plan = try shop.store.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + ReportQueries.shiftsCashSQL(shiftFilter: filter), arguments: ["2026-11-29"]
                ).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("COVERING INDEX sales_shift_kind") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN s") || $0.contains("INDEX sales_shift ") }, "\(plan)")
        }
    }
}
