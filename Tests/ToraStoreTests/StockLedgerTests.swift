import Testing
import ToraCore
import ToraStore
import ToraTestSupport

@Suite("stock ledger")
struct StockLedgerTests {
    func sampleShop() throws -> TestShop {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        return shop
    }

    @Test("on hand is the sum of movements after receive, adjust and count")
    func onHandIsSumOfMovements() throws {
        let shop = try sampleShop()
        // GULA-PSR opens at 40 (count from the import).
        #expect(
            try shop.store.stock.receive(sku: "GULA-PSR", quantity: "24", cost: Money(16_200), supplier: "CV Sumber", actor: "t")
                == Quantity(whole: 64))
        #expect(
            try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "3", reason: .damaged, note: "karung sobek", actor: "t")
                == Quantity(whole: 61)
        )
        #expect(try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "1", reason: .found, note: nil, actor: "t") == Quantity(whole: 62))
        let counted = try shop.store.stock.count(sku: "GULA-PSR", counted: "60", actor: "t")
        #expect(counted.before == Quantity(whole: 62))
        let history = try shop.store.stock.stockHistory(sku: "GULA-PSR")
        #expect(history.movements.map(\.quantity) == [40, 24, -3, 1, -2].map { Quantity(whole: $0) })
        #expect(history.movements.map(\.balance) == [40, 64, 61, 62, 60].map { Quantity(whole: $0) })
        #expect(history.product.onHand == Quantity(whole: 60))
        #expect(history.product.product.cost == Money(16_200))
        #expect(try shop.store.stock.stockLedgerMismatches().isEmpty)
    }

    @Test("an on-hand changed without a movement is reported by sku, and only that one")
    func ledgerCheckFindsATamperedOnHand() throws {
        let shop = try sampleShop()
        _ = try shop.store.stock.receive(sku: "GULA-PSR", quantity: "24", cost: nil, supplier: nil, actor: "t")
        try GRDBTamper.setOnHand(db: shop.store.path, sku: "GULA-PSR", thousandths: 63_000)
        #expect(try shop.store.stock.stockLedgerMismatches() == ["GULA-PSR"])
    }

    @Test("weighed goods move in grams")
    func weighed() throws {
        let shop = try sampleShop()
        #expect(
            try shop.store.stock.receive(sku: "TLR-RAS", quantity: "2,755", cost: nil, supplier: nil, actor: "t")
                == Quantity(thousandths: 15_255)
        )
        #expect(throws: StoreError.self) {
            try shop.store.stock.receive(sku: "GULA-PSR", quantity: "1.5", cost: nil, supplier: nil, actor: "t")
        }
        #expect(throws: StoreError.self) {
            try shop.store.stock.receive(sku: "TLR-RAS", quantity: "1.2345", cost: nil, supplier: nil, actor: "t")
        }
    }

    @Test("a sign that disagrees with the reason is refused and changes nothing")
    func reasonDecidesDirection() throws {
        let shop = try sampleShop()
        #expect(throws: StoreError.self) {
            try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "-2", reason: .found, note: nil, actor: "t")
        }
        #expect(throws: StoreError.self) {
            try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "+2", reason: .lost, note: nil, actor: "t")
        }
        #expect(
            try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "-2", reason: .expired, note: nil, actor: "t") == Quantity(whole: 38))
        #expect(throws: StoreError.self) { try shop.store.stock.adjust(sku: "NOPE", quantity: "1", reason: .lost, note: nil, actor: "t") }
        #expect(try shop.store.stock.stockHistory(sku: "GULA-PSR").movements.count == 2)
    }

    @Test("stock may go negative and is then flagged low")
    func negativeIsLow() throws {
        let shop = try sampleShop()
        try shop.store.stock.adjust(sku: "KOPI-KPA", quantity: "31", reason: .lost, note: nil, actor: "t")
        let low = try shop.store.stock.lowStock().map(\.product.product.sku)
        #expect(low.first == "KOPI-KPA")
        #expect(low.contains("GULA-AREN"))  // 0 on hand, reorder at 5
        #expect(!low.contains("GULA-PSR"))
    }

    @Test("a counts file is all or nothing")
    func countsFileAtomic() throws {
        let shop = try sampleShop()
        let bad = shop.csv("counts.csv", ["sku,counted", "GULA-PSR,39", "NOPE,1", "TLR-RAS,\"1,5\"", "GULA-PSR,2"])
        #expect {
            try shop.store.stock.importCounts(path: bad, actor: "t")
        } throws: { error in
            (error as? StoreError)?.problems == [
                "line 3: sku: no product with sku 'NOPE'", "line 5: sku: GULA-PSR is already counted on line 2",
            ]
        }
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.onHand == Quantity(whole: 40))
        let good = shop.csv("counts2.csv", ["sku,counted", "GULA-PSR,39", "TLR-RAS,\"12,5\""])
        let result = try shop.store.stock.importCounts(path: good, actor: "t")
        #expect(result.counted == 2 && result.changed == 1)
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.onHand == Quantity(whole: 39))
    }
}
