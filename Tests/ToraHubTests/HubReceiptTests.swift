import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Members check receipts at the hub (docs/hub.md): `GET /r/<hash>` is public, says
/// whether the receipt's entry is in the outlet's verified chain, and shows no member.
@Suite("the public receipt page", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubReceiptTests {
    static let nik = "3201015501900001"

    @Test(
        "a joined shop's receipt QR holds the hub's page; not yet synced, then verified with outlet, day, number and total, and no member name or NIK"
    )
    func syncedReceiptIsVerified() async throws {
        let world = try HubWorld()
        let shop = try world.shop("struk")
        try shop.ok(["members", "add", "--number", "M-0001", "--name", "Wulan Sarihati", "--nik", Self.nik])
        try world.join(shop, as: "G1")
        let till = ["01", "1234", "100000", "anggota M-0001", "KOPI-KPA", "pay", "close", "100000"]
        try shop.ok(["till", "--register", "01"], stdin: till.joined(separator: "\n") + "\n")
        let store = try ShopStore(path: shop.db, access: .readOnly)
        let number = try #require(try store.sales.receiptNumbers().first)
        let receipt = try #require(try store.sales.receipt(number: number, asCopy: false))
        #expect(receipt.member?.name == "Wulan Sarihati")
        #expect(receipt.qrText == "\(world.hub.url)/r/\(receipt.auditHash)")
        let path = "/r/\(receipt.auditHash)"
        #expect(try shop.ok(["audit", "receipt", receipt.qrText]).contains("verified       yes"))

        let early = try await world.send("GET", path)
        #expect(early.status == 404 && early.body.contains("Belum tersinkron (not yet synced)"), "\(early.body)")
        let earlyJSON = try await world.send("GET", path, accept: "application/json")
        #expect(JSONValue.parse(earlyJSON.body)?["state"] == .string("not_synced"), "\(earlyJSON.body)")

        #expect(try world.sync(shop).status == 0)
        let page = try await world.send("GET", path)
        #expect(page.status == 200)
        for shown in ["Struk terverifikasi (verified)", "KOP1", "G1 — Gerai G1", "2026-11-28", number, receipt.total.formatted] {
            #expect(page.body.contains(shown), "the page lacks \(shown): \(page.body)")
        }
        for hidden in ["Wulan", "Sarihati", Self.nik, "3201********0001", "M-0001", "Kasir"] {
            #expect(!page.body.contains(hidden), "the page shows \(hidden)")
        }
        let json = try #require(JSONValue.parse(try await world.send("GET", path, accept: "application/json").body))
        #expect(json["state"] == .string("verified") && json["receipt"] == .string(number) && json["outlet"] == .string("G1"))
        #expect(json["total"]?.intValue == receipt.total.rupiah && json["business_day"] == .string("2026-11-28"))
        #expect(json["kind"] == .string("sale") && json["outlet_flagged"] == .bool(false))

        let unknown = try await world.send("GET", "/r/not-a-receipt")
        #expect(unknown.status == 404 && unknown.body.contains("tidak dikenal"), "\(unknown.body)")
        let absent = try await world.send("GET", "/r/" + String(repeating: "ab", count: 32))
        #expect(absent.status == 404 && absent.body.contains("not yet synced"))
    }

    @Test("a shop that has not joined a hub keeps the bare hash in its receipts' QR code")
    func unjoinedShopKeepsHash() throws {
        let shop = try ToraShopFolder("tora-hub-unjoined", now: "2026-11-28T10:00:00+07:00")
        try shop.ok(["init", "--shop-name", "Toko Lepas"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(
            ["till", "--register", "01"], stdin: ["01", "1234", "0", "KOPI-KPA", "pay", "close", "16500"].joined(separator: "\n") + "\n")
        let store = try ShopStore(path: shop.db, access: .readOnly)
        let number = try #require(try store.sales.receiptNumbers().first)
        let receipt = try #require(try store.sales.receipt(number: number, asCopy: false))
        #expect(receipt.hubURL == nil && receipt.qrText == receipt.auditHash)
    }

    @Test("one address asking too often gets 429 with one line")
    func rateLimited() async throws {
        let world = try HubWorld(serve: ["--receipt-rate", "3"])
        let path = "/r/" + String(repeating: "0", count: 64)
        for _ in 0..<3 { #expect(try await world.send("GET", path).status == 404) }
        let refused = try await world.send("GET", path)
        #expect(refused.status == 429 && refused.body == "too many receipt checks from this address: try again in a minute\n")
    }
}
