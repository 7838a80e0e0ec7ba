import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraTestSupport

@testable import ToraStore

@Suite("each sale keeps the tax rate it was priced under")
struct SaleTaxRateTests {
    func shopWithCashier() throws -> (TestShop, TillContext) {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        try shop.store.users.addUser(code: "01", name: "Siti", role: .cashier, pin: "1234", actor: "test")
        let cashier = try #require(try shop.store.users.all().first { $0.code == "01" })
        let shift = try shop.store.shifts.openShift(register: "01", cashier: "01", float: Money(100_000))
        return (shop, TillContext(register: "01", cashier: cashier, shiftID: shift.id))
    }

    /// 2 × MINYAKITA (15.700, ppn) = 31.400, paid in exact cash.
    func sellOil(_ shop: TestShop, _ context: TillContext) throws -> Receipt {
        let oil = try #require(try shop.store.catalogue.product(sku: "MINYAKITA"))
        let sale = try Sale().adding(SaleItem(oil.product, productID: oil.id), quantity: Quantity(whole: 2))
            .paying(.cash, tendered: nil, rules: try shop.store.pricingRules())
        return try shop.store.sales.completeSale(openSaleID: nil, sale: sale, context: context)
    }

    func storedRules(_ shop: TestShop) throws -> [[Int64]] {
        try shop.store.read { db in
            try Row.fetchAll(db, sql: "SELECT ppn_rate, pkp FROM sales ORDER BY id").map { [$0[0], $0[1]] }
        }
    }

    @Test("a refund is taxed at its sale's rate and PKP status, not today's settings")
    func refundAtSaleRate() throws {
        let (shop, context) = try shopWithCashier()
        try shop.store.setSetting("tax.pkp", to: "true", actor: "t")
        let sale = try sellOil(shop, context)
        // 31.400 × 11/111 = 3.111,7 → 3.112.
        #expect(sale.taxes.first?.tax == Money(3_112))
        try shop.store.setSetting("tax.ppn_rate", to: "12", actor: "t")
        let refund = try shop.store.sales.completeRefund(
            receipt: sale.number, selections: [RefundSelection(lineNo: 1, quantity: Quantity(whole: 1))], method: .cash,
            context: context, supervisor: "02")
        // 15.700 × 11/111 = 1.555,9 → 1.556; DPP 14.144 (at 12% it would be 1.682).
        #expect(refund.taxes == [Receipt.TaxLine(rate: TaxRate.defaultPPN, dpp: Money(14_144), tax: Money(1_556))])
        #expect(try storedRules(shop) == [[1_100, 1], [1_100, 1]])
        // The journal records the rate beside the rows, so a changed rate can be found.
        let saleEntry = try #require(try shop.store.journal.auditEntries(last: 10, kind: "sale.completed").last)
        #expect(saleEntry.payload.contains("\"pkp\":true") && saleEntry.payload.contains("\"ppn_rate\":1100"))
        let refundEntry = try #require(try shop.store.journal.auditEntries(last: 10, kind: "refund.completed").last)
        #expect(refundEntry.payload.contains("\"ppn_rate\":1100") && refundEntry.payload.contains("\"tax\":1556"))

        // A sale made after the change carries 12%; a shop that stopped being PKP refunds it with its tax still.
        let later = try sellOil(shop, context)
        try shop.store.setSetting("tax.pkp", to: "false", actor: "t")
        let laterRefund = try shop.store.sales.completeRefund(
            receipt: later.number, selections: [RefundSelection(lineNo: 1, quantity: Quantity(whole: 2))], method: .cash,
            context: context, supervisor: "02")
        // 31.400 × 12/112 = 3.364,3 → 3.364.
        #expect(laterRefund.taxes.first?.tax == Money(3_364))
        #expect(laterRefund.taxes.first?.rate == TaxRate(hundredthsOfPercent: 1_200))
    }

    @Test("sales from before this version take the shop's settings as they are at the upgrade")
    func backfill() throws {
        let (shop, context) = try shopWithCashier()
        _ = try sellOil(shop, context)
        let path = shop.folder.file("shop.sqlite")
        // Take the file back to before v6, as the previous version left it, with PPN 11,5 and PKP on.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE sales DROP COLUMN ppn_rate")
            try db.execute(sql: "ALTER TABLE sales DROP COLUMN pkp")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-numbers-sale-tax-rate'")
            // An older version stored a decimal rate with a dot.
            try db.execute(sql: "INSERT OR REPLACE INTO settings(key, value) VALUES ('tax.ppn_rate', '11.5'), ('tax.pkp', 'true')")
        }
        try queue.close()
        let reopened = try ShopStore(path: path, clock: shop.clock.shopClock)
        let rows = try reopened.read { db in try Row.fetchAll(db, sql: "SELECT ppn_rate, pkp FROM sales").map { [$0[0], $0[1]] as [Int64] }
        }
        #expect(rows == [[1_150, 1]])
        #expect(try reopened.pricingRules().ppnRate == TaxRate(hundredthsOfPercent: 1_150))
    }

    @Test("cash.rounding takes 0, 50, 100 or 500; an older file's 1000 reads as 500")
    func cashRoundingSetting() throws {
        let shop = try TestShop()
        for value in ["1.000", "1000", "200", "75"] {
            #expect(throws: StoreError.self) { try shop.store.setSetting("cash.rounding", to: value, actor: "t") }
        }
        #expect(try shop.store.setSetting("cash.rounding", to: "500", actor: "t") == "500")
        try shop.store.write { db in try db.execute(sql: "UPDATE settings SET value = '1000' WHERE key = 'cash.rounding'") }
        #expect(try shop.store.pricingRules().cashRounding == Money(500))
    }

    @Test("a stock cell or a received quantity of 1.000 is one thousand")
    func thousand() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv("s.csv", ["sku,name,price,stock", "KOPI-KPA,Kopi Kapal Api Special 165 g,16500,1.000"]), dryRun: false,
            actor: "test")
        #expect(try shop.store.catalogue.product(sku: "KOPI-KPA")?.onHand == Quantity(whole: 1_000))
        // 40 + 1.000.
        #expect(
            try shop.store.stock.receive(sku: "GULA-PSR", quantity: "1.000", cost: nil, supplier: nil, actor: "t") == Quantity(whole: 1_040)
        )
        #expect(throws: StoreError.self) {
            try shop.store.catalogue.importCatalogue(
                path: shop.csv("b.csv", ["sku,name,price,stock", "TLR-RAS,Telur Ayam Ras,30000,1.5"]), dryRun: false, actor: "test")
        }
    }
}
