import Crypto
import Foundation
import Testing
import ToraJournal
import ToraStore
import ToraTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The hub's HTTP answers to requests made by hand: signatures, replays, bad bodies
/// (docs/hub.md "Protocol").
@Suite("hub protocol", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubProtocolTests {
    @Test("unsigned, wrongly signed and other outlets' requests get 401 and change nothing")
    func signaturesAreChecked() async throws {
        let world = try HubWorld()
        let shop = try world.shop("a")
        let other = try world.shop("b")
        try world.join(shop, as: "A1")
        try world.join(other, as: "B1")
        let outlet = try world.outlet("A1").id
        let body = try world.batch(shop, from: 1, through: 3)

        #expect(try await world.send("POST", "/v1/journal", body: body).status == 401)
        let stranger = Curve25519.Signing.PrivateKey()
        #expect(try await world.send("POST", "/v1/journal", body: body, as: (stranger, outlet)).status == 401)
        let otherKey = try world.key(other)
        #expect(try await world.send("POST", "/v1/journal", body: body, as: (otherKey, outlet)).status == 401)
        #expect(try await world.send("GET", "/v1/head", as: (otherKey, outlet)).status == 401)
        #expect(try world.hubJournal("A1").isEmpty)
        #expect(try world.outlet("A1").state == "ok")

        let head = try await world.send("GET", "/v1/head", as: (try world.key(shop), outlet))
        #expect(head.status == 200)
        #expect(try await world.send("GET", "/v1/outlets").status == 401)
        var admin = URLRequest(url: try #require(URL(string: world.hub.url + "/v1/outlets")))
        admin.setValue("Bearer \(world.hub.adminToken)", forHTTPHeaderField: "Authorization")
        let (listing, response) = try await URLSession.shared.data(for: admin)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: listing, as: UTF8.self).contains("\"code\":\"B1\""))
        // The dashboard, too, needs the token (docs/hub.md "The dashboard").
        let dashboard = try await world.send("GET", "/")
        #expect(dashboard.status == 401, "\(dashboard)")
    }

    @Test("a replayed batch is acknowledged and doubles nothing")
    func replayIsIdempotent() async throws {
        let world = try HubWorld()
        let shop = try world.shop("c")
        try world.sell(shop)
        try world.join(shop, as: "C1")
        #expect(try world.sync(shop).status == 0)
        let stored = try world.hubJournal("C1")
        let key = (try world.key(shop), try world.outlet("C1").id)
        let replay = try await world.send("POST", "/v1/journal", body: try world.batch(shop, from: 2, through: 6), as: key)
        #expect(replay.status == 200, "\(replay.body)")
        #expect(replay.body.contains("\"applied\":0"))
        #expect(try world.hubJournal("C1") == stored)
        #expect(try world.outlet("C1").state == "ok")
    }

    @Test("entries whose texts hold quotes, backslashes and other scripts are stored byte for byte")
    func storedByteForByte() async throws {
        let world = try HubWorld()
        let shop = try world.shop("q")
        let product = #"KOPI-LWK,,"Kopi ""Luwak"" \ Gayo — ☕ kopi",minuman,pcs,50000,,40000,ppn,yes,,,,,10,2,yes,yes"#
        try shop.ok(["catalogue", "import", shop.folder.write("q.csv", SampleCatalogue.lines[0] + "\n" + product)])
        try shop.ok(
            ["till", "--register", "01"],
            stdin: ["01", "1234", "100000", "KOPI-LWK", "pay", "close", "150000"].joined(separator: "\n") + "\n")
        try world.join(shop, as: "Q1")
        #expect(try world.sync(shop).status == 0)
        // Every text field of every entry, as the hub stored it and as the shop holds it.
        let stored = try world.postgres.psql(
            HubWorld.database,
            """
            SELECT encode(convert_to(j.at || chr(9) || j.actor || chr(9) || coalesce(j.register, '-') || chr(9) || j.kind || chr(9)
                || j.payload || chr(9) || j.prev_hash || chr(9) || j.hash, 'UTF8'), 'hex')
            FROM journal_entries j JOIN outlets o ON o.id = j.outlet_id WHERE o.code = 'Q1' ORDER BY j.seq
            """
        ).split(separator: "\n").map(String.init)
        let entries = try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1_000)
        let held = entries.map { entry in
            [entry.at, entry.actor, entry.register ?? "-", entry.kind, entry.payload, entry.prevHash, entry.hash].joined(separator: "\t")
                .utf8.map { String(format: "%02x", $0) }.joined()
        }
        #expect(entries.contains { $0.payload.contains(#"Kopi \"Luwak\" \\ Gayo — ☕ kopi"#) })
        #expect(stored.count == held.count)
        let differing = zip(zip(stored, held), entries).filter { $0.0.0 != $0.0.1 }.map(\.1.seq)
        #expect(differing.isEmpty, "entries the hub stored otherwise than the shop holds them: \(differing)")
    }

    @Test("garbage, truncated and oversized bodies are refused with 400 or 413 and change nothing")
    func badBodies() async throws {
        let world = try HubWorld()
        let shop = try world.shop("d")
        try world.join(shop, as: "D1")
        let key = (try world.key(shop), try world.outlet("D1").id)
        let whole = try world.batch(shop, from: 1, through: 4)
        let garbage = try await world.send("POST", "/v1/journal", body: Array("not json".utf8), as: key)
        #expect(garbage.status == 400)
        #expect(garbage.body.contains("not a journal batch"))
        let truncated = try await world.send("POST", "/v1/journal", body: Array(whole.prefix(whole.count / 2)), as: key)
        #expect(truncated.status == 400)
        let huge = Array("{\"entries\":[\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: HubWire.maxBodyBytes + 10)
        #expect(try await world.send("POST", "/v1/journal", body: huge, as: key).status == 413)
        let entry = WireEntry(text: "{}", hash: "00")
        let many = try JSONEncoder().encode(
            JournalBatch(entries: Array(repeating: entry, count: HubWire.maxBatchEntries + 1), shopHead: nil))
        #expect(try await world.send("POST", "/v1/journal", body: Array(many), as: key).status == 413)
        #expect(try world.hubJournal("D1").isEmpty)
        #expect(try world.outlet("D1").state == "ok")
    }

    @Test("tora-hub migrate is idempotent; outlet add refuses a duplicate; a bad database URL is one line")
    func commandLine() throws {
        let world = try HubWorld()
        #expect(try world.hub.ok(["migrate"]).contains("schema is current"))
        _ = try world.addOutlet("E1")
        let duplicate = try world.hub.run(["outlet", "add", "--cooperative", "KOP1", "--outlet", "E1", "--name", "Lagi"])
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr.contains("already exists"))
        let bad = try world.hub.binary.run(["outlet", "list", "--database", "mysql://x"])
        #expect(bad.status == 64)
        let down = try world.hub.binary.run(["outlet", "list", "--database", "postgres://tora@/x?host=/nonexistent&port=1"])
        #expect(down.status == 69, "\(down.stderr)")
        #expect(down.stderr.split(separator: "\n").count == 1)
    }
}
