import Foundation
import Testing
import ToraJournal
import ToraStore
import ToraTestSupport

/// An outlet's standing at the hub: a flag lifted once the shop's file is put right, and a
/// revoked key replaced (docs/hub.md "Flags and keys").
@Suite("hub flags and keys", .serialized)
struct HubStandingTests {
    @Test("a flag cleared while the journal is still forked comes back; cleared after the file is put right, syncing goes on")
    func clearFlag() throws {
        let world = try HubWorld()
        let shop = try world.shop("duapuluh")
        try world.join(shop, as: "G20")
        try world.sell(shop)
        #expect(try world.sync(shop).status == 0)
        let notFlagged = try world.hub.run(["outlet", "clear", "--cooperative", "KOP1", "--outlet", "G20", "--reason", "cek"])
        #expect(notFlagged.status == 64)
        #expect(notFlagged.stderr == "tora-hub: outlet G20 of KOP1 is not flagged; nothing to clear\n", "\(notFlagged.stderr)")

        let original = try #require(
            try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1_000_000).first { $0.seq == 3 })
        try GRDBTamper.rewrite(db: shop.db, seq: 3, payload: "{\"forged\":true}")
        #expect(try world.sync(shop).status == 65)
        #expect(try world.outlet("G20").state == "flagged")

        let clear = ["outlet", "clear", "--cooperative", "KOP1", "--outlet", "G20", "--reason", "Bu Ani, pengawas: cek ulang"]
        #expect(try world.hub.ok(clear).contains("cleared; its next batch must continue the hub's head"))
        #expect(try world.outlet("G20").state == "ok")
        #expect(try world.sync(shop).status == 65, "still forked: refused and flagged again")
        #expect(try world.outlet("G20").state == "flagged")

        try GRDBTamper.rewrite(db: shop.db, seq: 3, payload: original.payload)
        _ = try world.hub.ok(clear)
        try world.sell(shop)
        let synced = try world.sync(shop)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(try world.hubJournal("G20") == (try world.shopJournal(shop)))
        #expect(try world.outlet("G20").reason.isEmpty)

        let events = try world.hub.ok(["outlet", "events", "--cooperative", "KOP1", "--outlet", "G20"])
        let kinds = events.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[1] }
        #expect(kinds == ["flagged", "cleared", "flagged", "cleared"], "\(events)")
        #expect(events.contains("Bu Ani, pengawas: cek ulang (was: "), "\(events)")
    }

    @Test("a revoked key is refused at once; the shop joins again with --rekey and goes on from the hub's head")
    func rekey() throws {
        let world = try HubWorld()
        let shop = try world.shop("duasatu")
        try world.join(shop, as: "G21")
        try world.sell(shop)
        #expect(try world.sync(shop).status == 0)
        let oldKey = try String(contentsOfFile: shop.db + ".hub-key", encoding: .utf8)

        let issued = try world.hub.ok(["outlet", "rekey", "--cooperative", "KOP1", "--outlet", "G21", "--reason", "laptop dicuri"])
        let code = try #require(issued.split(separator: "\n").last.map(String.init))
        try world.sell(shop, count: 2)
        let revoked = try world.sync(shop)
        #expect(revoked.status == 77, "the old key no longer signs: \(revoked.stderr)")

        let notJoined = try world.shop("duadua")
        let refused = try notJoined.tora.run(["hub", "join", world.hub.url, "--code", code, "--rekey"], environment: notJoined.env)
        #expect(refused.status == 64 && refused.stderr.contains("has not joined a hub"), "\(refused.stderr)")

        let rekeyed = try shop.ok(["hub", "join", world.hub.url, "--code", code, "--rekey"])
        #expect(rekeyed.contains("new key enrolled"), "\(rekeyed)")
        #expect(try String(contentsOfFile: shop.db + ".hub-key", encoding: .utf8) != oldKey)
        let aside = try FileManager.default.contentsOfDirectory(atPath: shop.folder.path).filter { $0.contains(".hub-key.revoked-") }
        #expect(aside.count == 1)
        let journal = try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1)
        #expect(journal.first?.kind == "hub.rekeyed")

        let synced = try world.sync(shop)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(try world.hubJournal("G21") == (try world.shopJournal(shop)))
        let used = try shop.tora.run(["hub", "join", world.hub.url, "--code", code, "--rekey"], environment: shop.env)
        #expect(used.status == 65 && used.stderr.contains("already used"), "\(used.stderr)")
        let events = try world.hub.ok(["outlet", "events", "--cooperative", "KOP1", "--outlet", "G21"])
        #expect(events.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[1] } == ["rekey_issued", "rekeyed"])
    }

    @Test("a rekey code of another outlet is refused at the shop, which keeps its key")
    func rekeyWithAnotherOutletsCode() throws {
        let world = try HubWorld()
        let shop = try world.shop("duatiga")
        try world.join(shop, as: "G23")
        let keyBefore = try String(contentsOfFile: shop.db + ".hub-key", encoding: .utf8)
        let other = try world.addOutlet("G24")
        let refused = try shop.tora.run(["hub", "join", world.hub.url, "--code", other, "--rekey"], environment: shop.env)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("that code was for outlet G24 of KOP1, not this shop's outlet G23"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: shop.db + ".hub-key", encoding: .utf8) == keyBefore)
        #expect(try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1).first?.kind == "hub.joined")
        try world.sell(shop)
        #expect(try world.sync(shop).status == 0)
    }
}
