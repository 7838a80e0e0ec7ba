import Foundation
import Testing
import ToraJournal
import ToraStore
import ToraTestSupport

/// A subsidised programme's limit holds across the cooperative's outlets: each sync sends
/// the shop's units per buyer and brings the other outlets' (docs/hub.md "Subsidised units
/// across outlets").
@Suite("subsidised units across outlets")
struct HubSubsidyUseTests {
    static let buyer = "3201015501900001"

    /// The demo shop (LPG 3 kg: one a day per NIK), its manager 03 signed in.
    func demoShop(_ name: String) throws -> ToraShopFolder {
        let shop = try ToraShopFolder(
            "tora-hub-\(name)", now: "2026-11-29T09:30:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try shop.ok(["demo", "--no-till", "--db", shop.db])
        return shop
    }

    /// Sells one LPG 3 kg to `nik` at register 01 and quits; returns the till's output.
    func sellLPG(_ shop: ToraShopFolder, to nik: String) throws -> String {
        let till = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"],
            stdin: ["01", "1234", "0", "nik \(nik)", "ELPIJI-3KG", "pay", "quit"].joined(separator: "\n") + "\n", environment: shop.env)
        #expect(till.status == 0, "\(till.stderr)")
        return till.stdout
    }

    @Test("a buyer's LPG at one outlet counts against the limit at another once both synced; no full NIK in any journal")
    func limitAcrossOutlets() throws {
        let world = try HubWorld()
        let first = try demoShop("lpg-a")
        let second = try demoShop("lpg-b")
        try world.join(first, as: "G40")
        try world.join(second, as: "G41")

        let sold = try sellLPG(first, to: Self.buyer)
        #expect(!sold.contains("Limit of programme"), "\(sold)")
        #expect(try world.sync(first).status == 0)
        let brought = try world.sync(second)
        #expect(brought.status == 0, "\(brought.stderr)")
        #expect(brought.stdout.contains("took the subsidised units the other outlets sold"), "\(brought.stdout)")

        let refused = try sellLPG(second, to: Self.buyer)
        #expect(refused.contains("Limit of programme LPG3 for NIK 3201********0001 reached: 0 pcs left (limit 1)"), "\(refused)")
        let otherBuyer = try sellLPG(second, to: "3201014107850002")
        #expect(!otherBuyer.contains("Limit of programme"), "\(otherBuyer)")

        let entries = try ShopStore(path: second.db, access: .readOnly).journal.auditEntries(last: 50)
        #expect(entries.contains { $0.kind == "hub.subsidy_use_applied" })
        #expect(!entries.contains { $0.payload.contains(Self.buyer) })
        // Nothing new came, so syncing again writes nothing (the applied entry goes up once).
        #expect(try world.sync(second).status == 0)
        let head = try world.shopJournal(second)
        let again = try world.sync(second)
        #expect(again.status == 0 && !again.stdout.contains("took the subsidised units"), "\(again.stdout)")
        #expect(try world.shopJournal(second) == head)
        #expect(try world.hubJournal("G41") == head)
        // An unchanged upload is not sent again: rows removed at the hub stay removed until
        // the shop's units change; then the whole window goes up again.
        let hubRows = "SELECT count(*) FROM subsidy_use u JOIN outlets o ON o.id = u.outlet_id WHERE o.code = 'G40'"
        let before = try world.postgres.psql(HubWorld.database, hubRows).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(before) ?? 0 > 0)
        _ = try world.postgres.psql(
            HubWorld.database, "DELETE FROM subsidy_use WHERE outlet_id = (SELECT id FROM outlets WHERE code = 'G40')")
        #expect(try world.sync(first).status == 0)
        #expect(try world.postgres.psql(HubWorld.database, hubRows).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        // A buyer nobody has sold to yet (3201014107850002 took hers at the other outlet).
        _ = try sellLPG(first, to: "3201016001800003")
        #expect(try world.sync(first).status == 0)
        let after = try world.postgres.psql(HubWorld.database, hubRows).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((Int(after) ?? 0) == (Int(before) ?? 0) + 1, "before \(before), after \(after)")

        let fullNIKs = try world.postgres.psql(
            HubWorld.database, "SELECT count(*) FROM journal_entries WHERE payload LIKE '%\(Self.buyer)%'")
        #expect(fullNIKs.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test("subsidy use is signed, checked row by row, and reaches only the same cooperative's other outlets")
    func uploadChecked() async throws {
        let world = try HubWorld()
        let shop = try world.shop("lpg-c")
        try world.join(shop, as: "G42")
        let signer = (try world.key(shop), try world.outlet("G42").id)
        func put(_ json: String) async throws -> (status: Int, body: String) {
            try await world.send("PUT", "/v1/subsidy-use", body: Array(json.utf8), as: signer)
        }
        let bad = try await put(#"{"from":"2026-11-01","rows":[{"programme":"LPG3","nik":"123","day":"2026-11-02","units":1000}]}"#)
        #expect(bad.status == 400 && bad.body.contains("subsidy use row 1: its NIK"), "\(bad.body)")
        let early = try await put(
            #"{"from":"2026-11-10","rows":[{"programme":"LPG3","nik":"3201015501900001","day":"2026-11-02","units":1000}]}"#)
        #expect(early.status == 400 && early.body.contains("not a day on or after 2026-11-10"), "\(early.body)")
        let unsigned = try await world.send("PUT", "/v1/subsidy-use", body: Array("{}".utf8))
        #expect(unsigned.status == 401)
        let good = try await put(
            #"{"from":"2026-11-01","rows":[{"programme":"lpg3","nik":"3201015501900001","day":"2026-11-02","units":1000}]}"#)
        #expect(good.status == 200 && good.body == #"{"stored":1}"#, "\(good.body)")

        func hubUse(_ shop: ToraShopFolder) throws -> String {
            try GRDBTamper.query(
                db: shop.db, sql: "SELECT group_concat(programme || ' ' || nik || ' ' || day || ' ' || units) FROM subsidy_hub_use")
        }
        let sameCooperative = try world.shop("lpg-e")
        try world.join(sameCooperative, as: "G43")
        #expect(try world.sync(sameCooperative).status == 0)
        #expect(try hubUse(sameCooperative) == "LPG3 3201015501900001 2026-11-02 1000")
        let outsider = try world.shop("lpg-d")
        let code = try world.hub.ok(["outlet", "add", "--cooperative", "KOP2", "--outlet", "H1", "--name", "Gerai lain"])
        try outsider.ok(["hub", "join", world.hub.url, "--code", try #require(code.split(separator: "\n").last.map(String.init))])
        #expect(try world.sync(outsider).status == 0)
        #expect(try hubUse(outsider) == "")
        // The shop's own sync replaces what it sent: it sold nothing subsidised, so its row goes.
        #expect(try world.sync(shop).status == 0)
        #expect(try world.sync(sameCooperative).status == 0)
        #expect(try hubUse(sameCooperative) == "")
    }
}
