import Foundation
import Testing
import ToraJournal
import ToraStore
import ToraTestSupport

/// A shop joins the hub and syncs through the real binaries against a private
/// PostgreSQL (docs/hub.md).
@Suite("shop to hub sync", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubSyncTests {
    @Test("a joined shop's journal reaches the hub entry for entry; syncing again changes nothing; new sales follow")
    func joinAndSync() throws {
        let world = try HubWorld()
        let shop = try world.shop("satu")
        try world.sell(shop, count: 2)
        try world.join(shop, as: "G1")
        let keyFile = try FileManager.default.attributesOfItem(atPath: shop.db + ".hub-key")
        #expect((keyFile[.posixPermissions] as? Int) == 0o600)
        #expect(try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1).first?.kind == "hub.joined")
        let first = try world.sync(shop)
        #expect(first.status == 0, "\(first.stderr)")
        let synced = try world.shopJournal(shop)
        #expect(try world.hubJournal("G1") == synced)
        #expect(synced.count > 5)

        let again = try world.sync(shop)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("pushed 0 entries"))
        #expect(try world.hubJournal("G1") == synced)

        try world.sell(shop, count: 3)
        let more = try world.sync(shop)
        #expect(more.status == 0, "\(more.stderr)")
        let grown = try world.shopJournal(shop)
        #expect(grown.count > synced.count)
        #expect(try world.hubJournal("G1") == grown)

        let status = try shop.ok(["hub", "status"])
        #expect(status.contains("not yet pushed: 0 entries"))
        #expect(status.contains("acknowledged: \(grown.last ?? "")"))
        let list = try world.hub.ok(["outlet", "list"])
        #expect(list.contains("G1") && list.contains(grown.last ?? "-") && list.contains("\tok"))
    }

    @Test("a shop syncs in several batches and `tora hub status` counts what is not yet pushed")
    func statusBeforeSync() throws {
        let world = try HubWorld()
        let shop = try world.shop("dua")
        try world.join(shop, as: "G2")
        try world.sell(shop, count: 4)
        let status = try shop.ok(["hub", "status"])
        let total = try world.shopJournal(shop).count
        #expect(status.contains("not yet pushed: \(total) entries"))
        #expect(status.contains("last sync: never"))
        let run = try shop.tora.run(["sync", "--batch-size", "4"], environment: shop.unsignedEnv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("pushed \(total) entries in \((total + 3) / 4) batches"), "\(run.stdout)")
        #expect(try world.hubJournal("G2") == world.shopJournal(shop))
        #expect(try shop.ok(["hub", "status"]).contains("not yet pushed: 0 entries"))
    }

    @Test("an old entry changed in the shop file is refused as a fork: outlet flagged, nothing of the batch applied")
    func changedEntryIsRefused() throws {
        let world = try HubWorld()
        let shop = try world.shop("tiga")
        try world.sell(shop)
        try world.join(shop, as: "G3")
        #expect(try world.sync(shop).status == 0)
        let before = try world.hubJournal("G3")
        try world.sell(shop)
        try GRDBTamper.rewrite(db: shop.db, seq: 3, payload: "{\"forged\":true}")
        let refused = try world.sync(shop)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("forked"), "\(refused.stderr)")
        #expect(try world.hubJournal("G3") == before)
        let outlet = try world.outlet("G3")
        #expect(outlet.state == "flagged")
        #expect(outlet.reason.contains("entry 3"), "\(outlet.reason)")
        #expect(try world.hub.ok(["outlet", "list"]).contains("flagged: "))
        let status = try shop.ok(["hub", "status"])
        #expect(status.contains("last error: the hub refuses this shop's journal as forked"))
    }

    @Test("a journal whose tail was deleted and that grew again is refused as a fork")
    func truncatedAndRegrownIsRefused() throws {
        let world = try HubWorld()
        let shop = try world.shop("empat")
        try world.join(shop, as: "G4")
        try world.sell(shop, count: 2)
        #expect(try world.sync(shop).status == 0)
        let before = try world.hubJournal("G4")
        let keep = Int64(before.count - 3)
        try GRDBTamper.execute(
            db: shop.db, sql: "DROP TRIGGER audit_journal_no_delete; DELETE FROM audit_journal WHERE seq > \(keep)")
        try world.sell(shop)
        let refused = try world.sync(shop)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("forked"), "\(refused.stderr)")
        #expect(try world.hubJournal("G4") == before)
        #expect(try world.outlet("G4").state == "flagged")
    }

    @Test("a journal cut short below what the hub holds is refused")
    func truncatedIsRefused() throws {
        let world = try HubWorld()
        let shop = try world.shop("lima")
        try world.join(shop, as: "G5")
        try world.sell(shop)
        #expect(try world.sync(shop).status == 0)
        let before = try world.hubJournal("G5")
        try GRDBTamper.execute(
            db: shop.db, sql: "DROP TRIGGER audit_journal_no_delete; DELETE FROM audit_journal WHERE seq > \(before.count - 2)")
        let refused = try world.sync(shop)
        #expect(refused.status == 65)
        #expect(try world.outlet("G5").reason.contains("tail was removed"))
        #expect(try world.hubJournal("G5") == before)
    }

    @Test("an entry deleted from the middle of a synced journal is refused")
    func middleEntryDeleted() throws {
        let world = try HubWorld()
        let shop = try world.shop("sebelas")
        try world.join(shop, as: "G11")
        try world.sell(shop)
        #expect(try world.sync(shop).status == 0)
        let before = try world.hubJournal("G11")
        try GRDBTamper.execute(db: shop.db, sql: "DROP TRIGGER audit_journal_no_delete; DELETE FROM audit_journal WHERE seq = 4")
        let refused = try world.sync(shop)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(try world.outlet("G11").reason.contains("jumps from entry 3 to entry 5"))
        #expect(try world.hubJournal("G11") == before)
    }

    @Test("an enrolment code works once; a shop cannot join twice")
    func enrolmentCodeOnce() throws {
        let world = try HubWorld()
        let code = try world.addOutlet("G6")
        let first = try world.shop("enam")
        try first.ok(["hub", "join", world.hub.url, "--code", code])
        let second = try world.shop("tujuh")
        let again = try second.tora.run(["hub", "join", world.hub.url, "--code", code], environment: second.env)
        #expect(again.status == 65)
        #expect(again.stderr.contains("already used"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: second.db + ".hub-key"))
        let twice = try first.tora.run(["hub", "join", world.hub.url, "--code", try world.addOutlet("G7")], environment: first.env)
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("already joined"), "\(twice.stderr)")
        let unsigned = try second.tora.run(["hub", "join", world.hub.url, "--code", code], environment: second.unsignedEnv)
        #expect(unsigned.status == 77)
    }

    @Test("two syncs of one shop at once neither lose nor double an entry")
    func concurrentSyncs() async throws {
        let world = try HubWorld()
        let shop = try world.shop("delapan")
        try world.join(shop, as: "G8")
        try world.sell(shop, count: 5)
        async let one = Task.detached { try world.sync(shop) }.value
        async let two = Task.detached { try world.sync(shop) }.value
        let (a, b) = try await (one, two)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        #expect(try world.hubJournal("G8") == world.shopJournal(shop))
    }

    @Test("tora sync --watch pushes new sales as they come and stops on SIGTERM")
    func watch() throws {
        let world = try HubWorld()
        let shop = try world.shop("sepuluh")
        try world.join(shop, as: "G10")
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: shop.tora.path)
        watcher.arguments = ["sync", "--watch", "--interval", "1"]
        watcher.environment = ProcessInfo.processInfo.environment.merging(shop.unsignedEnv) { $1 }
        watcher.standardOutput = FileHandle.nullDevice
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
        try world.sell(shop, count: 2)
        let expected = try world.shopJournal(shop)
        let deadline = Date().addingTimeInterval(60)
        while try world.hubJournal("G10") != expected, Date() < deadline { usleep(200_000) }
        #expect(try world.hubJournal("G10") == expected)
        watcher.terminate()
        let stopBy = Date().addingTimeInterval(30)
        while watcher.isRunning, Date() < stopBy { usleep(50_000) }
        #expect(!watcher.isRunning, "tora sync --watch did not stop on SIGTERM")
        if !watcher.isRunning { #expect(watcher.terminationStatus == 0) }
    }

    @Test("a hub that cannot be reached is exit 69; tora-hub stops cleanly on SIGTERM")
    func unreachableHub() throws {
        let world = try HubWorld()
        let shop = try world.shop("sembilan")
        try world.join(shop, as: "G9")
        #expect(world.hub.stop() == 0)
        let run = try world.sync(shop)
        #expect(run.status == 69)
        #expect(run.stderr.contains("cannot reach the hub"), "\(run.stderr)")
        #expect(try shop.ok(["hub", "status"]).contains("last error: cannot reach the hub"))
    }
}
