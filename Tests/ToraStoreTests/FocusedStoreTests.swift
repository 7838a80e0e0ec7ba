import Foundation
import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraTestSupport

@testable import ToraStore

/// The focused stores' typed edges: refusals as facts, journal kinds, report scopes and
/// the record types that write sales and stock movements.
@Suite("focused stores and their types")
struct FocusedStoreTests {
    @Test("a store refusal carries its facts as a reason, and no till translation key")
    func refusalsCarryFacts() throws {
        let shop = try TestShop.withSampleCatalogue()
        let error = try #require(throws: StoreError.self) { try shop.store.sales.refundableSale(receipt: "01-20261129-0042") }
        #expect(error.reason == .unknownReceipt("01-20261129-0042"))
        let parked = try #require(throws: StoreError.self) { try shop.store.sales.resume(7, register: "01", actor: "test") }
        #expect(parked.reason == .noParkedSale(7))
        let long = try #require(throws: StoreError.self) { try shop.store.catalogue.search(String(repeating: "a", count: 500)) }
        #expect(long.reason == .searchTooLong(maxCharacters: CatalogueStore.maxSearchCharacters))
    }

    @Test("an SQLite failure's reason names the kind of failure, the file and SQLite's words")
    func databaseFailureReason() {
        let error = StoreError.wrapping(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), path: "/toko/a")
        #expect(error.reason == .database(.diskFull, path: "/toko/a", detail: "database or disk is full"))
    }

    @Test("journal kinds keep the stored text the journal always had")
    func journalKindsKeepTheirText() throws {
        let shop = try TestShop.withSampleCatalogue()
        _ = try shop.store.stock.receive(sku: "MINYAKITA", quantity: "3", cost: nil, supplier: nil, actor: "test")
        let entry = try #require(try shop.store.journal.auditEntries(last: 1).first)
        #expect(entry.kind == "stock.receive" && entry.kind == JournalKind.stock(.receive).rawValue)
        #expect(JournalKind.saleCompleted.rawValue == "sale.completed" && JournalKind.override.rawValue == "override")
    }

    @Test("a stock change is one row of stock_movements, read back as the same record")
    func stockMovementRecord() throws {
        let shop = try TestShop.withSampleCatalogue()
        let onHand = try shop.store.stock.receive(
            sku: "MINYAKITA", quantity: "5", cost: Money(14_000), supplier: "Toko Grosir", actor: "test")
        let row = try shop.store.read { db in
            try StockMovementRecord.filter(StockMovementRecord.Columns.kind == "receive").order(StockMovementRecord.Columns.id.desc)
                .fetchOne(db)
        }
        let movement = try #require(row)
        #expect(movement.kind == .receive && movement.quantity == Quantity(whole: 5) && movement.unitCost == Money(14_000))
        #expect(movement.party == "Toko Grosir" && movement.actor == "test" && movement.businessDay == "2026-11-29")
        #expect(onHand >= Quantity(whole: 5))
    }

    @Test("a day's report scope and a shift's each bind their own value, and a day's report is dated that day")
    func reportScopes() throws {
        let day = try #require(BusinessDay("2026-11-29"))
        #expect(ReportScope.day(day).arguments == ["2026-11-29"])
        #expect(ReportScope.shift(4).arguments == [4])
        #expect(ReportScope.day(day).conditions.sales == "s.business_day = ?")
        #expect(ReportScope.shift(4).conditions.shifts == "id = ?")
        let shop = try TestShop.withSampleCatalogue()
        let report = try shop.store.reports.dayReport(day: day)
        #expect(report.date == "2026-11-29" && report.salesCount == 0)
    }
}
