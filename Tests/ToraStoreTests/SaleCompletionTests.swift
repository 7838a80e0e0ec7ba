import Testing
import ToraCore
import ToraStore
import ToraTestSupport

@Suite("sale completion")
struct SaleCompletionTests {
    /// A shop with the sample catalogue, cashier 01 and her open shift on register 01.
    func shopWithCashier() throws -> (TestShop, TillContext) {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        try shop.store.users.addUser(code: "01", name: "Siti", role: .cashier, pin: "1234", actor: "test")
        let cashier = try #require(try shop.store.users.all().first { $0.code == "01" })
        let shift = try shop.store.shifts.openShift(register: "01", cashier: "01", float: Money(100_000))
        return (shop, TillContext(register: "01", cashier: cashier, shiftID: shift.id))
    }

    func paidSale(of item: SaleItem, _ store: ShopStore) throws -> Sale {
        let rules = try store.pricingRules()
        let sale = try Sale().adding(item, quantity: Quantity(whole: 2))
        return try sale.paying(.cash, tendered: nil, rules: rules)
    }

    @Test("the stock moves for the product the sku names, even when the item carries another product's id")
    func staleProductIDFallsBackToTheSku() throws {
        let (shop, context) = try shopWithCashier()
        let sugar = try #require(try shop.store.catalogue.product(sku: "GULA-PSR"))
        let coffee = try #require(try shop.store.catalogue.product(sku: "KOPI-KPA"))
        let item = SaleItem(sugar.product, productID: coffee.id)
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try paidSale(of: item, shop.store), context: context)
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.onHand == sugar.onHand - Quantity(whole: 2))
        #expect(try shop.store.catalogue.product(sku: "KOPI-KPA")?.onHand == coffee.onHand)
        #expect(try shop.store.stock.stockLedgerMismatches().isEmpty)
    }

    @Test("an item without a product id (an open sale stored by an older version) completes by its sku")
    func itemWithoutIDCompletesBySku() throws {
        let (shop, context) = try shopWithCashier()
        let sugar = try #require(try shop.store.catalogue.product(sku: "GULA-PSR"))
        let receipt = try shop.store.sales.completeSale(
            openSaleID: nil, sale: try paidSale(of: SaleItem(sugar.product), shop.store), context: context)
        #expect(receipt.number == "01-20261129-0001")
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.onHand == sugar.onHand - Quantity(whole: 2))
    }
}
