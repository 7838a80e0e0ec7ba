import Testing
import ToraCore
import ToraStore
import ToraTestSupport

@Suite("catalogue search and lookup")
struct CatalogueSearchTests {
    func sampleShop() throws -> TestShop {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        return shop
    }

    @Test("a word shared by a local and a non-local product lists the local one first")
    func localFirst() throws {
        let shop = try sampleShop()
        let kopi = try shop.store.catalogue.search("kopi").map(\.product.product.sku)
        #expect(kopi == ["KOPI-DESA", "KOPI-KPA"])
        let gula = try shop.store.catalogue.search("gula").map(\.product.product.sku)
        #expect(gula == ["GULA-AREN", "GULA-PSR"])
    }

    @Test("a better match beats local: an exact sku comes before everything")
    func matchQualityFirst() throws {
        let shop = try sampleShop()
        let hits = try shop.store.catalogue.search("kopi-kpa")
        #expect(hits.first?.product.product.sku == "KOPI-KPA")
        #expect(hits.first?.quality == .exactCode)
        let byWord = try shop.store.catalogue.search("kapal")
        #expect(byWord.map(\.product.product.sku) == ["KOPI-KPA"])
    }

    @Test("word prefixes in any order match, across name, category and origin")
    func prefixes() throws {
        let shop = try sampleShop()
        #expect(try shop.store.catalogue.search("bub rob").map(\.product.product.sku) == ["KOPI-DESA"])
        #expect(try shop.store.catalogue.search("makmur").map(\.product.product.sku) == ["KOPI-DESA"])
        #expect(try shop.store.catalogue.search("sembako telur").map(\.product.product.sku) == ["TLR-RAS"])
        #expect(try shop.store.catalogue.search("\"*(").isEmpty)
    }

    @Test("inactive products are left out unless asked for")
    func inactive() throws {
        let shop = try sampleShop()
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv("i.csv", ["sku,name,price,active", "KOPI-KPA,Kopi Kapal Api Special 165 g,16500,no"]), dryRun: false,
            actor: "test")
        #expect(try shop.store.catalogue.search("kopi").map(\.product.product.sku) == ["KOPI-DESA"])
        #expect(try shop.store.catalogue.search("kopi", includeInactive: true).count == 2)
    }

    @Test("a UPC-A scan finds a product stored as EAN-13 with a leading zero")
    func upcFindsEAN() throws {
        let shop = try sampleShop()
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv("u.csv", ["sku,name,price,barcode", "UPC,Imported Snack,9000,0036000291452"]), dryRun: false, actor: "test")
        #expect(try shop.store.catalogue.product(code: "036000291452")?.product.sku == "UPC")
        #expect(try shop.store.catalogue.product(code: "1001")?.product.sku == "KOPI-DESA")
        #expect(try shop.store.catalogue.product(code: "kopi-desa")?.product.sku == "KOPI-DESA")
        #expect(try shop.store.catalogue.product(plu: "00016")?.product.sku == "TLR-RAS")
    }

    @Test("the catalogue list puts active local products first")
    func listLocalFirst() throws {
        let shop = try sampleShop()
        let skus = try shop.store.catalogue.products().map(\.product.sku)
        #expect(skus == ["KOPI-DESA", "GULA-AREN", "KOPI-KPA", "GULA-PSR", "MINYAKITA", "TLR-RAS"])
    }
}
