import Foundation
import Testing
import ToraCore
import ToraTestSupport

/// Members' savings across a cooperative's outlets (docs/hub.md "Savings across outlets"
/// and "SHU"): the materialized days keep each member's savings movements, so the hub's
/// capital SHU and the balances it sends down are sums of the outlets' own books.
@Suite(
    "members' savings across a cooperative's outlets", .serialized,
    .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubSavingsTests {
    static let shu = ["--year", "2026", "--pool", "1.000.000", "--capital-pool", "500.000", "--format", "json"]

    /// The demo shop with its rung days, joined as outlet DEMO and synced; its manager 03
    /// signed in at a moment after the days.
    static func syncedDemo(_ world: HubWorld, _ name: String) throws -> (shop: ToraShopFolder, later: [String: String]) {
        let demo = try ToraShopFolder(
            "tora-hub-\(name)", now: "\(HubReportTests.days[0])T07:00:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try demo.ok(["demo", "--no-till", "--db", demo.db])
        try HubReportTests.ringDemoDays(demo)
        let later = demo.env.merging(["TORA_NOW": "2026-11-28T08:00:00+07:00"]) { $1 }
        let joined = try demo.tora.run(["hub", "join", world.hub.url, "--code", try world.addOutlet("DEMO")], environment: later)
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(try world.sync(demo).status == 0)
        return (demo, later)
    }

    /// A second outlet G2 of KOP1 where member KDMP-0001 saves: pokok 100.000, sukarela
    /// 50.000 in and 20.000 out; synced.
    static func secondOutlet(_ world: HubWorld) throws -> ToraShopFolder {
        let other = try world.shop("savings-b")
        try other.ok(["members", "add", "--number", "KDMP-0001", "--name", "Anggota Satu"])
        try other.ok(["members", "deposit", "KDMP-0001", "pokok", "100.000"])
        try other.ok(["members", "deposit", "KDMP-0001", "sukarela", "50.000"])
        try other.ok(["members", "withdraw", "KDMP-0001", "sukarela", "20.000"])
        try world.join(other, as: "G2")
        #expect(try world.sync(other).status == 0)
        return other
    }

    @Test("one outlet: the hub's SHU with --capital-pool is the shop's own, field by field; a second outlet's savings add to the member's")
    func capitalSHUOverOutlets() throws {
        let world = try HubWorld()
        let (demo, later) = try Self.syncedDemo(world, "savings-demo")
        let own = try demo.tora.run(["report", "shu"] + Self.shu, environment: later)
        #expect(own.status == 0, "\(own.stderr)")
        let hub = try world.hub.ok(["report", "shu", "--cooperative", "KOP1"] + Self.shu)
        #expect(hub == own.stdout, "--- hub\n\(hub)\n--- shop\n\(own.stdout)")
        let first = try #require(JSONValue.parse(hub))
        #expect((first["total_savings"]?.intValue ?? 0) > 0 && (first["capital_distributed"]?.intValue ?? 0) > 0, "\(hub)")

        let other = try Self.secondOutlet(world)
        let otherOwn = try #require(JSONValue.parse(try other.ok(["report", "shu"] + Self.shu)))
        #expect(otherOwn["total_savings"]?.intValue == 130_000)
        let after = try #require(JSONValue.parse(try world.hub.ok(["report", "shu", "--cooperative", "KOP1"] + Self.shu)))
        #expect(after["total_savings"]?.intValue == (first["total_savings"]?.intValue ?? 0) + 130_000)
        func savings(_ report: JSONValue, _ number: String) -> Int64? {
            report["rows"]?.arrayValue?.first { $0["number"] == .string(number) }?["savings"]?.intValue
        }
        #expect(savings(after, "KDMP-0001") == (savings(first, "KDMP-0001") ?? 0) + 130_000)
        #expect(after["capital_distributed"]?.intValue ?? 0 <= 500_000 && after["capital_remainder"]?.intValue ?? -1 >= 0)
        let text = try world.hub.ok(
            ["report", "shu", "--cooperative", "KOP1", "--year", "2026", "--pool", "1.000.000", "--capital-pool", "500.000"])
        #expect(text.hasPrefix("SHU 2026: jasa anggota Rp1.000.000, jasa modal Rp500.000") && text.contains("KDMP-0001"), "\(text)")
        // Before the year of the savings nobody had any: the pool stays whole.
        let before = try #require(
            JSONValue.parse(
                try world.hub.ok([
                    "report", "shu", "--cooperative", "KOP1", "--year", "2025", "--pool", "0", "--capital-pool", "500.000", "--format",
                    "json",
                ])))
        #expect(before["total_savings"]?.intValue == 0 && before["capital_remainder"]?.intValue == 500_000)
        let refused = try world.hub.run(["report", "shu", "--cooperative", "KOP1", "--year", "2026", "--pool", "0", "--capital-pool", "x"])
        #expect(refused.status == 64 && refused.stderr.contains("--capital-pool"), "\(refused.stderr)")
    }

    @Test("a hub whose stored days lack members' savings gets them back when tora-hub migrate applies the savings migration")
    func migrationRebuildsSavings() throws {
        let world = try HubWorld()
        let shop = try Self.secondOutlet(world)
        let arguments = ["report", "shu", "--cooperative", "KOP1"] + Self.shu
        let wanted = try world.hub.ok(arguments)
        #expect(JSONValue.parse(wanted)?["total_savings"]?.intValue == 130_000, "\(wanted)")
        // As a hub of the previous version stored them.
        _ = try world.postgres.psql(
            HubWorld.database,
            """
            UPDATE outlet_days SET totals = (totals::jsonb - 'member_savings')::text;
            DELETE FROM hub_migrations WHERE version = '7-savings-outlet-days'
            """)
        #expect(JSONValue.parse(try world.hub.ok(arguments))?["total_savings"]?.intValue == 0)
        let migrated = try world.hub.ok(["migrate"])
        #expect(migrated.contains("applied: 7-savings-outlet-days") && migrated.contains("projected"), "\(migrated)")
        #expect(try world.hub.ok(arguments) == wanted)
        #expect(try world.sync(shop).status == 0)
    }
}
