import Foundation
import Testing
import ToraCore
import ToraTestSupport

/// `tora-hub report shu` (docs/hub.md "SHU"): members' purchases over every outlet of the
/// cooperative, divided as the shop divides its own.
@Suite(
    "the hub's SHU over a cooperative's outlets", .serialized,
    .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubSHUTests {
    @Test("one outlet: the hub's SHU is the shop's own; a second outlet's member purchases add to the same member; no NIK shown")
    func shuOverOutlets() throws {
        let world = try HubWorld()
        let (demo, later) = try world.syncedDemo("shu-demo")
        let arguments = ["--year", "2026", "--pool", "1.000.000", "--format", "json"]
        let own = try demo.tora.run(["report", "shu"] + arguments, environment: later)
        #expect(own.status == 0, "\(own.stderr)")
        let hub = try world.hub.ok(["report", "shu", "--cooperative", "KOP1"] + arguments)
        #expect(hub == own.stdout, "--- hub\n\(hub)\n--- shop\n\(own.stdout)")
        let rows = try #require(JSONValue.parse(hub)?["rows"]?.arrayValue)
        #expect(rows.count >= 2)
        // The materialized days of the demo shop: each day's sums are its own Z report's.
        for day in HubReportTests.days {
            let z = try #require(
                JSONValue.parse(try demo.tora.run(["report", "eod", "--date", day, "--format", "json"], environment: later).stdout))
            let sum = try #require(JSONValue.parse(try world.hub.ok(["report", "eod", "--date", day, "--format", "json"])))
            for key in HubCooperativeTests.summed + ["payments", "members", "subsidy"] {
                #expect(sum[key] == z[key], "\(day) \(key): \(String(describing: sum[key])) vs \(String(describing: z[key]))")
            }
            #expect(sum["local"]?["net"] == z["local"]?["net"] && sum["local"]?["share_pct"] == z["local"]?["share_pct"], "\(day) local")
        }

        // A second outlet sells to the same member number.
        let other = try world.shop("B")
        try other.ok(["members", "add", "--number", "KDMP-0001", "--name", "Anggota Satu"])
        try world.join(other, as: "G2")
        try other.ok(
            ["till", "--register", "01"],
            stdin: ["01", "1234", "100000", "anggota KDMP-0001", "KOPI-KPA", "pay", "close", "116500"].joined(separator: "\n") + "\n")
        #expect(try world.sync(other).status == 0)
        let otherOwn = try other.ok(["report", "shu"] + arguments)
        let bought = try #require(JSONValue.parse(otherOwn)?["rows"]?.arrayValue?.first?["purchases"]?.intValue)
        let before = try #require(rows.first { $0["number"] == .string("KDMP-0001") }?["purchases"]?.intValue)
        let after = try #require(JSONValue.parse(try world.hub.ok(["report", "shu", "--cooperative", "KOP1"] + arguments)))
        let member = try #require(after["rows"]?.arrayValue?.first { $0["number"] == .string("KDMP-0001") })
        #expect(member["purchases"]?.intValue == before + bought && bought > 0)
        let total = after["total_purchases"]?.intValue ?? 0
        #expect(total == (JSONValue.parse(hub)?["total_purchases"]?.intValue ?? 0) + bought)
        #expect(after["distributed"]?.intValue ?? 0 <= 1_000_000 && after["remainder"]?.intValue ?? -1 >= 0)
        let text = try world.hub.ok(["report", "shu", "--cooperative", "KOP1", "--year", "2026", "--pool", "1.000.000"])
        #expect(text.hasPrefix("SHU JASA ANGGOTA 2026: dana Rp1.000.000") && text.contains("KDMP-0001"), "\(text)")
        #expect(!text.lowercased().contains("nik") && !text.contains("****"))
        let refused = try world.hub.run(["report", "shu", "--cooperative", "KOPX", "--year", "2026", "--pool", "1.000"])
        #expect(refused.status == 65 && refused.stderr.contains("no cooperative KOPX"))
        let badYear = try world.hub.run(["report", "shu", "--cooperative", "KOP1", "--year", "26", "--pool", "1.000"])
        #expect(badYear.status == 64)
    }
}
