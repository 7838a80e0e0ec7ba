import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// The cooperative's shared data down to its outlets (docs/shared-data.md): `tora-hub
/// shared publish` stores numbered versions, `GET /v1/shared` answers the outlet's own
/// cooperative's newest, and `tora sync` applies it, journaled as the hub's.
@Suite(
    "shared data down to the shops", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubSharedTests {
    func file(_ shop: ToraShopFolder, _ name: String, _ data: CooperativeData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return shop.folder.write(name, String(decoding: try encoder.encode(data), as: UTF8.self))
    }

    @Test("a published version reaches a joined shop on its next sync, once; a newer one follows; its entries go up again")
    func publishAndApply() throws {
        let world = try HubWorld()
        let shop = try world.shop("bersama")
        try world.join(shop, as: "G1")
        #expect(try world.sync(shop).stdout.contains("applied version") == false)
        let first = CooperativeData(
            version: 0, cooperative: "KOP1",
            products: [
                SharedProduct(sku: "KOPI-KPA", price: Money(17_000)),
                SharedProduct(sku: "BARU-1", name: "Produk Baru", price: Money(5_000)),
            ])
        #expect(
            try world.hub.ok(["shared", "publish", "--cooperative", "KOP1", "--file", file(shop, "v1.json", first)]).contains("version 1"))
        let synced = try world.sync(shop)
        #expect(
            synced.status == 0 && synced.stdout.contains("applied version 1 of the cooperative's shared data"),
            "\(synced.stdout)\(synced.stderr)")
        let store = try ShopStore(path: shop.db, access: .readOnly)
        #expect(try store.sharedDataVersion() == 1)
        #expect(try store.catalogue.product(sku: "KOPI-KPA")?.product.price == Money(17_000))
        #expect(try store.catalogue.product(sku: "BARU-1")?.product.name == "Produk Baru")
        let applied = try store.journal.auditEntries(last: 1_000).filter { $0.kind == "hub.data_applied" }
        #expect(applied.count == 1 && applied.first?.actor == "hub")

        let again = try world.sync(shop)
        #expect(again.status == 0 && !again.stdout.contains("applied version"))
        // What applying wrote is in the shop's journal and went up with the next sync.
        #expect(try world.hubJournal("G1") == world.shopJournal(shop))

        var second = first
        second.products = [SharedProduct(sku: "KOPI-KPA", price: Money(18_000))]
        #expect(
            try world.hub.ok(["shared", "publish", "--cooperative", "KOP1", "--file", file(shop, "v2.json", second)]).contains("version 2"))
        #expect(try world.sync(shop).stdout.contains("applied version 2"))
        #expect(try ShopStore(path: shop.db, access: .readOnly).catalogue.product(sku: "KOPI-KPA")?.product.price == Money(18_000))
    }

    @Test(
        "a version a shop cannot apply changes nothing there and says why; an unknown cooperative or a bad file is exit 65; unsigned is 401"
    )
    func refusals() async throws {
        let world = try HubWorld()
        let shop = try world.shop("tolak")
        try world.join(shop, as: "G2")
        let bad = CooperativeData(version: 0, cooperative: "KOP1", products: [SharedProduct(sku: "TANPA-HARGA", name: "Tanpa Harga")])
        try world.hub.ok(["shared", "publish", "--cooperative", "KOP1", "--file", file(shop, "bad.json", bad)])
        let refused = try world.sync(shop)
        #expect(refused.status == 65 && refused.stderr.contains("version 1 is refused"), "\(refused.stderr)")
        #expect(try ShopStore(path: shop.db, access: .readOnly).sharedDataVersion() == 0)
        #expect(try ShopStore(path: shop.db, access: .readOnly).catalogue.product(sku: "TANPA-HARGA") == nil)

        let unknown = try world.hub.run([
            "shared", "publish", "--cooperative", "KOPX", "--file", file(shop, "x.json", CooperativeData(version: 0, cooperative: "KOPX")),
        ])
        #expect(unknown.status == 65 && unknown.stderr.contains("no cooperative KOPX"), "\(unknown.stderr)")
        let notJSON = try world.hub.run(["shared", "publish", "--cooperative", "KOP1", "--file", shop.folder.write("n.json", "[1,")])
        #expect(notJSON.status == 65 && notJSON.stderr.contains("one JSON object"), "\(notJSON.stderr)")
        #expect(try await world.send("GET", "/v1/shared?after=0").status == 401)
    }
}
