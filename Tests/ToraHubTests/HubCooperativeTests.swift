import Foundation
import Testing
import ToraCore
import ToraTestSupport

/// The materialized days and the cooperative's Z report (docs/hub.md "Materialized days",
/// "The cooperative's Z report"): what the hub stores with each batch adds up to the
/// outlets' own reports.
@Suite(
    "the hub's materialized days and the cooperative's Z report", .serialized,
    .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubCooperativeTests {
    static let day = "2026-11-28"
    /// Additive keys of the Z report's JSON the cooperative's sums must carry.
    static let summed = [
        "sales_count", "refund_count", "gross", "discounts", "rounding", "refunds", "net", "tax", "dpp", "void_lines",
        "cancelled_sales",
    ]

    /// Two outlets of KOP1 with known sales, synced (the first in small batches).
    static func twoOutlets(_ world: HubWorld) throws -> (ToraShopFolder, ToraShopFolder) {
        let a = try world.shop("A")
        let b = try world.shop("B")
        try world.join(a, as: "G1")
        try world.join(b, as: "G2")
        let tillA = ["01", "1234", "100000", "KOPI-DESA", "2*GULA-AREN", "pay", "KOPI-KPA", "MINYAKITA", "pay qris", "close", "166000"]
        let tillB = ["01", "1234", "50000", "3*KOPI-KPA", "pay 100.000", "GULA-PSR", "pay debit", "close", "99500"]
        try a.ok(["till", "--register", "01"], stdin: tillA.joined(separator: "\n") + "\n")
        try b.ok(["till", "--register", "01"], stdin: tillB.joined(separator: "\n") + "\n")
        let synced = try a.tora.run(["sync", "--batch-size", "4"], environment: a.unsignedEnv)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(try world.sync(b).status == 0)
        return (a, b)
    }

    static func shopReport(_ shop: ToraShopFolder) throws -> JSONValue {
        try #require(JSONValue.parse(try shop.ok(["report", "eod", "--date", day, "--format", "json"])))
    }

    @Test("two outlets with known sales: the cooperative's Z is the sum of the two shops' own reports, with a line each")
    func cooperativeSum() throws {
        let world = try HubWorld()
        let (a, b) = try Self.twoOutlets(world)
        let (own1, own2) = (try Self.shopReport(a), try Self.shopReport(b))
        #expect(own1["sales_count"]?.intValue == 2 && own2["sales_count"]?.intValue == 2)
        let json = try #require(JSONValue.parse(try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"])))
        for key in Self.summed {
            let sum = (own1[key]?.intValue ?? -1) + (own2[key]?.intValue ?? -1)
            #expect(json[key]?.intValue == sum, "\(key): \(String(describing: json[key])) is not \(sum)")
        }
        for method in ["cash", "qris", "debit", "credit"] {
            let sum = (own1["payments"]?[method]?.intValue ?? -1) + (own2["payments"]?[method]?.intValue ?? -1)
            #expect(json["payments"]?[method]?.intValue == sum, "payments.\(method)")
        }
        let local = (own1["local"]?["net"]?.intValue ?? 0) + (own2["local"]?["net"]?.intValue ?? 0)
        #expect(json["local"]?["net"]?.intValue == local && local > 0)
        #expect(json["outlets_count"]?.intValue == 2 && json["cooperative"] == .null)
        let lines = try #require(json["outlets"]?.arrayValue)
        #expect(lines.map { $0["outlet"]?.stringValue } == ["G1", "G2"])
        #expect(lines[0]["net"] == own1["net"] && lines[1]["net"] == own2["net"])
        #expect(lines[0]["local"]?["share_pct"] == own1["local"]?["share_pct"])
        // The same for the cooperative named, and the outlet's own report is still the shop's.
        let named = try world.hub.ok(["report", "eod", "--date", Self.day, "--cooperative", "KOP1", "--format", "json"])
        #expect(JSONValue.parse(named)?["net"] == json["net"] && JSONValue.parse(named)?["cooperative"] == .string("KOP1"))
        _ = try HubReportTests.expectSameReports(world, a, outlet: "G1", days: [Self.day])
        // The stored row of G1 holds the shop's figures.
        let row = try world.postgres.psql(
            HubWorld.database,
            """
            SELECT d.sales_count || '|' || d.net || '|' || d.cash || '|' || d.local_net FROM outlet_days d
            JOIN outlets o ON o.id = d.outlet_id WHERE o.code = 'G1' AND d.business_day = '\(Self.day)'
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = [own1["sales_count"], own1["net"], own1["payments"]?["cash"], own1["local"]?["net"]].map {
            String($0?.intValue ?? -1)
        }
        #expect(row == expected.joined(separator: "|"))
    }

    @Test("text, CSV and HTML of the cooperative's Z: the sums in rupiah as Indonesians write them, and one line an outlet")
    func formats() throws {
        let world = try HubWorld()
        let (a, b) = try Self.twoOutlets(world)
        let net = (try Self.shopReport(a)["net"]?.intValue ?? 0) + (try Self.shopReport(b)["net"]?.intValue ?? 0)
        let text = try world.hub.ok(["report", "eod", "--date", Self.day, "--cooperative", "KOP1"])
        #expect(text.hasPrefix("LAPORAN HARIAN (Z) \(Self.day) — KOPERASI KOP1 (2 gerai)"), "\(text)")
        #expect(text.contains("Penjualan bersih") && text.contains(Money(net).formatted) && text.contains("Per gerai:"), "\(text)")
        #expect(text.contains("Gerai G1") && text.contains("Gerai G2"))
        let csv = try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "csv"])
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 4 && rows[0].hasPrefix("cooperative,outlet,name,sales_count") && rows[3].hasPrefix("*,*,jumlah,4,"))
        #expect(rows[3].split(separator: ",")[9] == Substring(String(net)), "\(csv)")
        let html = try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "html"])
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains(Money(net).formatted) && html.contains("Gerai G2"))
        let unknown = try world.hub.run(["report", "eod", "--date", Self.day, "--cooperative", "KOPX"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no cooperative KOPX"))
        let empty = try world.hub.ok(["report", "eod", "--date", "2026-11-20", "--format", "json"])
        #expect(JSONValue.parse(empty)?["sales_count"]?.intValue == 0 && JSONValue.parse(empty)?["outlets_count"]?.intValue == 2)
    }

    @Test("a hub that held journals before the materialized days: migrate adds and fills them; rebuild gives the same figures")
    func rebuild() throws {
        let world = try HubWorld()
        _ = try Self.twoOutlets(world)
        let before = try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"])
        #expect(JSONValue.parse(before)?["sales_count"]?.intValue == 4)
        _ = try world.postgres.psql(
            HubWorld.database, "DELETE FROM outlet_days WHERE outlet_id = (SELECT id FROM outlets WHERE code = 'G2')")
        #expect(try world.hub.ok(["projections", "rebuild", "--outlet", "G2"]).contains("of 1 outlets"))
        #expect(try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"]) == before)
        _ = try world.postgres.psql(
            HubWorld.database,
            "DROP TABLE outlet_days; DROP TABLE member_names; DELETE FROM hub_migrations WHERE version = '4-hubdash-outlet-days'")
        let migrated = try world.hub.ok(["migrate"])
        #expect(migrated.contains("applied: 4-hubdash-outlet-days") && migrated.contains("of 2 outlets"), "\(migrated)")
        #expect(try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"]) == before)
        // Pushed again, nothing is counted twice: a replay adds no entry and no figure.
        #expect(try world.hub.ok(["projections", "rebuild"]).contains("of 2 outlets"))
        #expect(try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"]) == before)
    }
    @Test("a replayed batch adds nothing twice to the day, and a batch refused as a fork adds nothing")
    func storedWithTheBatch() async throws {
        let world = try HubWorld()
        let shop = try world.shop("ulang")
        try world.join(shop, as: "G5")
        try world.sell(shop, count: 2)
        #expect(try world.sync(shop).status == 0)
        let report = { try world.hub.ok(["report", "eod", "--date", Self.day, "--format", "json"]) }
        let before = try report()
        #expect(JSONValue.parse(before)?["sales_count"]?.intValue == 2)
        let count = Int64(try world.hubJournal("G5").count)
        let replay = try await world.send(
            "POST", "/v1/journal", body: try world.batch(shop, from: 1, through: count), as: (try world.key(shop), world.outlet("G5").id))
        #expect(replay.status == 200 && replay.body.contains("\"applied\":0"), "\(replay)")
        #expect(try report() == before)
        try GRDBTamper.execute(
            db: shop.db, sql: "DROP TRIGGER audit_journal_no_delete; DELETE FROM audit_journal WHERE seq > \(count - 3)")
        try world.sell(shop, count: 3)
        #expect(try world.sync(shop).status == 65)
        #expect(try report() == before)
    }
}
