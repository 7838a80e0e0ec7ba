import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// Members' savings across a cooperative's outlets (docs/hub.md "Savings across outlets"
/// and "SHU"): the materialized days keep each member's savings movements, so the hub's
/// capital SHU and the balances it sends down are sums of the outlets' own books.
@Suite(
    "members' savings across a cooperative's outlets", .serialized,
    .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubSavingsTests {
    static let shu = ["--year", "2026", "--pool", "1.000.000", "--capital-pool", "500.000", "--format", "json"]

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
        let (demo, later) = try world.syncedDemo("savings-demo")
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

    @Test(
        "tora sync brings each member's balances at the cooperative's other outlets, equal to their own books; shown with this shop's, journaled once; sukarela paid out up to both"
    )
    func balancesSentDown() async throws {
        let world = try HubWorld()
        let saver = try Self.secondOutlet(world)
        let here = try world.shop("savings-c")
        try here.ok(["members", "add", "--number", "KDMP-0001", "--name", "Anggota Satu"])
        try here.ok(["members", "deposit", "KDMP-0001", "sukarela", "10.000"])
        try world.join(here, as: "G3")
        let synced = try world.sync(here)
        #expect(synced.status == 0 && synced.stdout.contains("took the members' savings at the other outlets"), "\(synced.stdout)")
        // The other outlet's own books, account by account, are what came down.
        let books = try GRDBTamper.query(
            db: saver.db,
            sql: """
                SELECT group_concat(line, ';') FROM (SELECT member_number || ' ' || account || ' ' || sum(amount) AS line
                FROM member_money WHERE account <> 'credit' GROUP BY member_number, account ORDER BY member_number, account)
                """)
        let brought = try GRDBTamper.query(
            db: here.db,
            sql: """
                SELECT group_concat(line, ';') FROM (SELECT member_number || ' ' || account || ' ' || amount AS line
                FROM savings_hub_balances ORDER BY member_number, account)
                """)
        #expect(books == "KDMP-0001 pokok 100000;KDMP-0001 sukarela 30000" && brought == books, "\(books) vs \(brought)")
        let shown = try here.ok(["members", "show", "KDMP-0001"])
        #expect(shown.contains("savings here      Rp10.000 (pokok Rp0, wajib Rp0, sukarela Rp10.000)"), "\(shown)")
        #expect(shown.contains("other outlets     Rp130.000 (pokok Rp100.000, wajib Rp0, sukarela Rp30.000), as of 20"), "\(shown)")
        #expect(shown.contains("all outlets       Rp140.000 (pokok Rp100.000, wajib Rp0, sukarela Rp40.000)"), "\(shown)")
        let statement = try #require(JSONValue.parse(try here.ok(["members", "statement", "KDMP-0001", "--format", "json"])))
        #expect(statement["savings"]?.intValue == 10_000 && statement["elsewhere_savings"]?.intValue == 130_000, "\(statement)")
        #expect(statement["all_outlets_savings"]?.intValue == 140_000)
        let text = try here.ok(["members", "statement", "KDMP-0001"])
        #expect(text.contains("simpanan semua gerai: pokok Rp100.000, wajib Rp0, sukarela Rp40.000, jumlah Rp140.000"), "\(text)")

        // Journaled once: a sync that brings nothing new writes nothing.
        let entries = try ShopStore(path: here.db, access: .readOnly).journal.auditEntries(last: 50)
        #expect(entries.filter { $0.kind == "hub.savings_applied" }.count == 1)
        #expect(try world.sync(here).status == 0)
        let head = try world.shopJournal(here)
        let again = try world.sync(here)
        #expect(again.status == 0 && !again.stdout.contains("members' savings"), "\(again.stdout)")
        #expect(try world.shopJournal(here) == head)

        // The cashier sees both after a deposit, and pays out more sukarela than this shop
        // holds (15.000) within both outlets' together, the supervisor asked as for any.
        let till = try here.tora.run(
            ["till", "--register", "01", "--lang", "en"],
            stdin: [
                "01", "1234", "100000", "simpan KDMP-0001 sukarela 5.000", "tarik KDMP-0001 sukarela 20.000", "mgr", "9876", "close",
                "85000",
            ].joined(separator: "\n") + "\n",
            environment: here.env)
        #expect(till.status == 0, "\(till.stderr)")
        #expect(
            till.stdout.contains("At other outlets (as of 20") && till.stdout.contains("KDMP-0001 has Rp130.000")
                && till.stdout.contains("all outlets together Rp145.000") && till.stdout.contains("paid out Rp20.000")
                && till.stdout.contains("all outlets together Rp125.000"), "\(till.stdout)")
        // Sukarela is paid out up to both outlets' together, never more; the books still verify.
        let withdrawn = try here.tora.run(["members", "withdraw", "KDMP-0001", "sukarela", "20.000"], environment: here.env)
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let tooMuch = try here.tora.run(["members", "withdraw", "KDMP-0001", "sukarela", "5.001"], environment: here.env)
        #expect(tooMuch.status == 65 && tooMuch.stderr.contains("Rp5.000"), "\(tooMuch.stderr)")
        let locked = try here.tora.run(["members", "withdraw", "KDMP-0001", "pokok", "1.000"], environment: here.env)
        #expect(locked.status != 0)
        let overdrawn = try here.ok(["members", "show", "KDMP-0001"])
        #expect(overdrawn.contains("simpanan sukarela -Rp25.000") || overdrawn.contains("simpanan sukarela Rp-25.000"), "\(overdrawn)")
        #expect(overdrawn.contains("all outlets       Rp105.000 (pokok Rp100.000, wajib Rp0, sukarela Rp5.000)"), "\(overdrawn)")
        let relied = try ShopStore(path: here.db, access: .readOnly).journal.auditEntries(last: 5).last { $0.kind == "savings.withdrawn" }
        #expect(relied?.payload.contains(#""elsewhere":30000"#) == true, "\(relied?.payload ?? "")")
        let verified = try here.tora.run(["audit", "verify"], environment: here.env)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(try world.sync(here).status == 0)
        #expect(try world.sync(saver).status == 0)
        let there = try saver.ok(["members", "show", "KDMP-0001"])
        #expect(there.contains("other outlets     Rp-25.000") || there.contains("other outlets     -Rp25.000"), "\(there)")
        // What this outlet holds was taken there in part: only the rest is paid out here.
        let refusedThere = try saver.tora.run(["members", "withdraw", "KDMP-0001", "sukarela", "5.001"], environment: saver.env)
        #expect(refusedThere.status == 65, "\(refusedThere.stderr)")
        #expect(try saver.tora.run(["members", "withdraw", "KDMP-0001", "sukarela", "5.000"], environment: saver.env).status == 0)

        // Another cooperative's outlet hears nothing of KOP1's members; unsigned asks are refused.
        let outsider = try world.shop("savings-d")
        try outsider.ok(["members", "add", "--number", "KDMP-0001", "--name", "Anggota Lain"])
        let code = try world.hub.ok(["outlet", "add", "--cooperative", "KOP2", "--outlet", "H1", "--name", "Gerai lain"])
        try outsider.ok(["hub", "join", world.hub.url, "--code", try #require(code.split(separator: "\n").last.map(String.init))])
        #expect(try world.sync(outsider).status == 0)
        #expect(!(try outsider.ok(["members", "show", "KDMP-0001"])).contains("other outlets"))
        #expect(try await world.send("GET", "/v1/savings").status == 401)
    }
}
