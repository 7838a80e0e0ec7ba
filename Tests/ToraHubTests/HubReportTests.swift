import Foundation
import Testing
import ToraCore
import ToraTestSupport

/// `tora-hub report eod` projects an outlet's Z report from the journal the hub holds
/// (docs/journal-projection.md): byte for byte the shop's own `tora report eod --format json`.
@Suite(
    "the hub's Z report of an outlet", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubReportTests {
    static let days = ["2026-11-25", "2026-11-26", "2026-11-27"]

    @Test(
        "the demo shop's days with members, voids, a cancelled sale, subsidy, savings, credit and refunds, synced: the hub's JSON is the shop's"
    )
    func demoShopDays() throws {
        let world = try HubWorld()
        let shop = try ToraShopFolder(
            "tora-hub-report-demo", now: "\(Self.days[0])T07:00:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try shop.ok(["demo", "--no-till", "--db", shop.db])
        try Self.ringDemoDays(shop)
        // Joined and reported after the days, as in life: the journal's times run forward.
        let later = shop.env.merging(["TORA_NOW": "2026-11-28T08:00:00+07:00"]) { $1 }
        let joined = try shop.tora.run(["hub", "join", world.hub.url, "--code", try world.addOutlet("DEMO")], environment: later)
        #expect(joined.status == 0, "\(joined.stderr)")
        let synced = try world.sync(shop)
        #expect(synced.status == 0, "\(synced.stderr)")
        let first = try Self.expectSameReports(
            world, shop, outlet: "DEMO", days: Self.days + ["2026-11-24", "2026-11-28"], environment: later)
        #expect(first["sales_count"]?.intValue ?? 0 >= 5 && first["cancelled_sales"]?.intValue == 1)
        #expect(first["void_lines"]?.intValue ?? 0 >= 1 && first["subsidy"]?.arrayValue?.isEmpty == false)
        #expect(first["savings"]?["deposits"]?.intValue ?? 0 > 0 && first["members"]?["sales_count"]?.intValue ?? 0 > 0)
    }

    @Test("a shop of seeded sales over several days, synced twice: each day's JSON equals the shop's; text names the outlet")
    func seededShopDays() throws {
        let world = try HubWorld()
        let shop = try world.shop("laporan")
        try world.join(shop, as: "G7")
        var random = SeededGenerator(seed: 20_261_125)
        let products = ["KOPI-KPA", "KOPI-DESA", "GULA-AREN", "GULA-PSR", "MINYAKITA", "00016"]
        let tenders = ["pay", "pay qris", "pay debit", "pay 500.000"]
        for (index, day) in Self.days.enumerated() {
            var lines = ["01", "1234", "200000"]
            for _ in 0..<random.next(in: 4...9) {
                let count = random.next(in: 1...3)
                for _ in 0..<count { lines.append("\(random.next(in: 1...3))*\(products[random.next(upTo: products.count)])") }
                if random.next(upTo: 4) == 0 { lines.append("batal \(random.next(in: 1...count))") }
                lines.append(tenders[random.next(upTo: tenders.count)])
            }
            if index < Self.days.count - 1 { lines += ["close", String(random.next(in: 300...900) * 1000)] }
            let run = try shop.tora.run(
                ["till", "--register", "01"], stdin: lines.joined(separator: "\n") + "\n",
                environment: shop.env.merging(["TORA_NOW": "\(day)T09:00:00+07:00"]) { $1 })
            #expect(run.status == 0, "\(run.stderr)")
            if index == 1 { #expect(try world.sync(shop).status == 0) }
        }
        #expect(try world.sync(shop).status == 0)
        let first = try Self.expectSameReports(world, shop, outlet: "G7", days: Self.days)
        #expect(first["sales_count"]?.intValue ?? 0 >= 4)
        let text = try world.hub.ok(["report", "eod", "--outlet", "G7", "--cooperative", "KOP1", "--date", Self.days[0]])
        #expect(text.contains("KOP1 G7 Gerai G7") && text.contains(Self.days[0]), "\(text)")
    }

    @Test("an unknown outlet or cooperative is one line and exit 65; a bad date exit 64; no --outlet sums the cooperative")
    func refusals() throws {
        let world = try HubWorld()
        _ = try world.addOutlet("G8")
        let unknown = try world.hub.run(["report", "eod", "--outlet", "G9", "--date", "2026-11-25", "--format", "json"])
        #expect(unknown.status == 65 && unknown.stderr == "tora-hub: no outlet G9 at this hub\n", "\(unknown.stderr)")
        let cooperative = try world.hub.run(["report", "eod", "--outlet", "G8", "--cooperative", "KOPX", "--date", "2026-11-25"])
        #expect(cooperative.status == 65 && cooperative.stderr.contains("no cooperative KOPX"), "\(cooperative.stderr)")
        let date = try world.hub.run(["report", "eod", "--outlet", "G8", "--date", "2026-02-30"])
        #expect(date.status == 64 && date.stderr.contains("not a day of the calendar"), "\(date.stderr)")
        let whole = try world.hub.run(["report", "eod", "--cooperative", "KOP1", "--date", "2026-11-25", "--format", "json"])
        #expect(whole.status == 0 && JSONValue.parse(whole.stdout)?["outlets_count"]?.intValue == 1, "\(whole.stderr)")
        let empty = try world.hub.ok(["report", "eod", "--outlet", "G8", "--date", "2026-11-25", "--format", "json"])
        #expect(JSONValue.parse(empty)?["sales_count"]?.intValue == 0)
    }

    /// For each day, the hub's JSON against the shop's, byte for byte; the first day's report.
    static func expectSameReports(
        _ world: HubWorld, _ shop: ToraShopFolder, outlet: String, days: [String], environment: [String: String]? = nil
    ) throws -> JSONValue {
        var first = JSONValue.null
        for day in days {
            let hub = try world.hub.ok(["report", "eod", "--outlet", outlet, "--date", day, "--format", "json"])
            let run = try shop.tora.run(["report", "eod", "--date", day, "--format", "json"], environment: environment ?? shop.env)
            #expect(run.status == 0, "\(run.stderr)")
            let own = run.stdout
            #expect(hub == own, "\(day): the hub's report differs from the shop's:\n--- hub\n\(hub)\n--- shop\n\(own)")
            if day == days[0] { first = JSONValue.parse(own) ?? .null }
        }
        return first
    }

    /// Three days of the demo shop: members, a weighed label, a voided line, a cancelled
    /// sale, subsidised gas by NIK, savings at the till and in the back office, credit
    /// taken and repaid, QRIS and debit; refunds of the first day on the second; the
    /// third day's shift left open.
    static func ringDemoDays(_ shop: ToraShopFolder) throws {
        let compact = days[0].replacingOccurrences(of: "-", with: "")
        let sessions: [(register: String, day: String, time: String, lines: [String])] = [
            (
                "01", days[0], "08:00:00",
                [
                    "01", "1234", "200.000", "anggota KDMP-0001", "2*BRS-DESA-5KG", "GLA-AREN-500", "pay 200.000",
                    "8991001000132", "2000011012557", "pay qris", "0,75*MKL-KAMPUNG", "3*BRS-MERAH-1KG", "batal 2", "pay",
                    "SKM-FF-370", "TEH-PCK-350", "batalkan", "02", "2345", "nik 3201015501900001", "ELPIJI-3KG", "pay",
                    "simpan KDMP-0001 sukarela 20.000", "anggota KDMP-0003", "TEH-PCK-350", "pay 50.000", "tabung 5.000",
                    "close", "420.000",
                ]
            ),
            (
                "02", days[0], "14:00:00",
                [
                    "02", "2345", "100.000", "anggota KDMP-0002", "3*BRS-MERAH-1KG", "pay credit", "GLP-GLK-1KG", "SKM-FF-370",
                    "diskon 2 10%", "pay debit", "bayar-kasbon KDMP-0002 20.000", "close", "138.000",
                ]
            ),
            (
                "01", days[1], "08:30:00",
                [
                    "01", "1234", "150.000", "TEH-PCK-350", "SUSU-ULT-1L", "2*KSK-BLD-180", "pay 100.000",
                    "refund 01-\(compact)-0001", "02", "2345", "1 1", "pay", "refund 02-\(compact)-0001", "02", "2345", "1",
                    "pay kredit", "BRS-PW-5KG", "pay qris", "close", "200.000",
                ]
            ),
            ("01", days[2], "09:15:00", ["01", "1234", "120.000", "SAS-DLM-140", "2*SLQ-ALM-58", "pay 50.000"]),
        ]
        let back = shop.env.merging(["TORA_NOW": "\(days[0])T16:00:00+07:00"]) { $1 }
        for (index, session) in sessions.enumerated() {
            let run = try shop.tora.run(
                ["till", "--register", session.register], stdin: session.lines.joined(separator: "\n") + "\n",
                environment: shop.env.merging(["TORA_NOW": "\(session.day)T\(session.time)+07:00"]) { $1 })
            #expect(run.status == 0, "till \(session.register) \(session.day): \(run.stderr)")
            // The back office's savings of the first day, in time order with the tills.
            guard index == 1 else { continue }
            for arguments in [
                ["members", "deposit", "KDMP-0004", "sukarela", "15.000", "--method", "qris"],
                ["members", "withdraw", "KDMP-0004", "sukarela", "10.000"],
            ] {
                let run = try shop.tora.run(arguments, environment: back)
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
            }
        }
    }
}
