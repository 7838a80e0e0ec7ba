import Foundation
import Testing
import ToraCore
import ToraTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The faults the hub must survive (docs/hub.md "Faults it survives"): the hub killed
/// mid-batch, PostgreSQL restarted mid-sync, the network cut for a day of sales, a slow
/// client. After each no entry is lost or doubled and the hub's Z report is the shop's.
/// Short here; `scripts/drill` runs them longer (TORA_DRILL_HUB_SALES, TORA_DRILL_HUB_KILLS).
@Suite("hub faults", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubFaultTests {
    static let day = "2026-11-28"
    static let sales = ProcessInfo.processInfo.environment["TORA_DRILL_HUB_SALES"].flatMap { Int($0) } ?? 40
    static let kills = ProcessInfo.processInfo.environment["TORA_DRILL_HUB_KILLS"].flatMap { Int($0) } ?? 4
    static let seed = ProcessInfo.processInfo.environment["TORA_DRILL_SEED"].flatMap { UInt64($0) } ?? 20_261_201

    @Test("the hub killed with SIGKILL at random points of a sync in small and large batches, then restarted: nothing lost or doubled")
    func hubKilledMidBatch() throws {
        let world = try HubWorld()
        let shop = try world.shop("kill")
        try world.join(shop, as: "K1")
        try world.sell(shop, count: Self.sales)
        var random = SeededGenerator(seed: Self.seed)
        for round in 0..<Self.kills {
            // Small batches (a kill between or inside one of many) and one large batch (a
            // kill while its entries are being inserted), in turn.
            let sync = try Self.startSync(shop, batchSize: round % 2 == 0 ? 2 : 500)
            usleep(UInt32(random.next(in: 10...200)) * 1_000)
            world.hub.crash()
            let status = Self.wait(sync)
            #expect(status == 0 || status == 69, "tora sync exited \(status) while the hub was killed")
            try world.hub.restart()
            try Self.expectConsistent(world, outlet: "K1")
            try world.sell(shop, count: 3)
        }
        let last = try world.sync(shop)
        #expect(last.status == 0, "\(last.stderr)")
        try Self.expectSame(world, shop, outlet: "K1")
        #expect(try world.outlet("K1").state == "ok")
    }

    @Test("PostgreSQL restarted while a shop syncs: the sync fails with exit 69 or finishes, the next one completes")
    func postgresRestartedMidSync() throws {
        let world = try HubWorld()
        let shop = try world.shop("pgrestart")
        try world.join(shop, as: "P1")
        try world.sell(shop, count: Self.sales)
        var random = SeededGenerator(seed: Self.seed ^ 0x9E37)
        for _ in 0..<max(1, Self.kills / 2) {
            let sync = try Self.startSync(shop, batchSize: 2)
            usleep(UInt32(random.next(in: 20...300)) * 1_000)
            try world.postgres.restart()
            let status = Self.wait(sync)
            #expect(status == 0 || status == 69, "tora sync exited \(status) across a PostgreSQL restart")
            #expect(world.hub.isServing, "tora-hub did not survive a PostgreSQL restart: \(world.hub.logText)")
            try Self.expectConsistent(world, outlet: "P1")
            try world.sell(shop, count: 3)
        }
        // The pool reconnects on its own: the next sync needs no restart of the hub.
        var last = try world.sync(shop)
        if last.status == 69 { last = try world.sync(shop) }
        #expect(last.status == 0, "\(last.stderr)")
        try Self.expectSame(world, shop, outlet: "P1")
    }

    @Test("the hub unreachable for a day of sales: tora sync says so in one line, exit 69; once back one sync pushes all")
    func networkCutForADay() throws {
        let world = try HubWorld()
        let shop = try world.shop("putus")
        try world.join(shop, as: "N1")
        try world.sell(shop, count: 2)
        #expect(try world.sync(shop).status == 0)
        world.hub.crash()
        try world.sell(shop, count: max(50, Self.sales))
        let cut = try world.sync(shop)
        #expect(cut.status == 69)
        #expect(cut.stderr.split(separator: "\n").count == 1, "\(cut.stderr)")
        #expect(cut.stderr.contains("cannot reach the hub"), "\(cut.stderr)")
        let waiting = try world.shopJournal(shop).count - world.hubJournal("N1").count
        #expect(try shop.ok(["hub", "status"]).contains("not yet pushed: \(waiting) entries"))
        try world.hub.restart()
        let back = try world.sync(shop)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("pushed \(waiting) entries"), "\(back.stdout)")
        try Self.expectSame(world, shop, outlet: "N1")
    }

    @Test("clients that stall or trickle a request body do not stop another outlet's sync and are cut off by the idle timeout")
    func slowClients() async throws {
        let world = try HubWorld(serve: ["--idle-timeout", "2"])
        let shop = try world.shop("lambat")
        try world.join(shop, as: "S1")
        try world.sell(shop, count: 5)
        let head =
            "POST /v1/journal HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        var stalled: [RawConnection] = []
        for index in 0..<8 {
            let connection = try RawConnection(port: world.hub.port)
            // Half send nothing at all; half a request head and the start of a body.
            if index % 2 == 1 { #expect(connection.send(head + "{\"entries\":[")) }
            stalled.append(connection)
        }
        let trickler = try RawConnection(port: world.hub.port)
        #expect(trickler.send(head))
        let sync = try world.sync(shop)
        #expect(sync.status == 0, "\(sync.stderr)")
        try Self.expectSame(world, shop, outlet: "S1")
        // A byte every 3 s: slower than the 2 s idle timeout allows.
        var trickled = 0
        while trickler.send("{"), trickled < 10 {
            trickled += 1
            if trickler.isClosed(within: 3) { break }
        }
        #expect(trickled < 10, "the trickling client was never cut off")
        for (index, connection) in stalled.enumerated() {
            #expect(connection.isClosed(within: 20), "stalled connection \(index) was not closed")
        }
        #expect(world.hub.isServing)
        #expect(try world.sync(shop).status == 0)
    }

    // MARK: Helpers

    /// Starts `tora sync --batch-size N` of the shop without waiting for it.
    static func startSync(_ shop: ToraShopFolder, batchSize: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shop.tora.path)
        process.arguments = ["sync", "--batch-size", String(batchSize)]
        process.environment = ProcessInfo.processInfo.environment.merging(shop.unsignedEnv) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for a sync (killed after 120 s) and returns its exit status.
    static func wait(_ process: Process) -> Int32 {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the hub holds of the outlet is a prefix of one unbroken run 1…n, and the
    /// outlet's head is its last entry: nothing doubled, nothing half-stored.
    static func expectConsistent(_ world: HubWorld, outlet: String) throws {
        let stored = try world.hubJournal(outlet)
        let seqs = stored.compactMap { $0.split(separator: ":").first.flatMap { Int64($0) } }
        #expect(seqs == Array(stride(from: Int64(1), through: Int64(seqs.count), by: 1)), "the hub's seqs: \(seqs)")
        let head = try world.postgres.psql(
            HubWorld.database, "SELECT head_seq || ':' || coalesce(head_hash, '') FROM outlets WHERE code = '\(outlet)'")
        #expect(head.trimmingCharacters(in: .newlines) == (stored.last ?? "0:"))
    }

    /// The hub's journal of the outlet is the shop's, entry for entry, and its Z report
    /// of the day is the shop's own JSON.
    static func expectSame(_ world: HubWorld, _ shop: ToraShopFolder, outlet: String) throws {
        try expectConsistent(world, outlet: outlet)
        #expect(try world.hubJournal(outlet) == world.shopJournal(shop))
        let report = try HubReportTests.expectSameReports(world, shop, outlet: outlet, days: [day])
        #expect(report["sales_count"]?.intValue ?? 0 > 0)
    }
}
