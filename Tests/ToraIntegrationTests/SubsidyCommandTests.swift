import Foundation
import Testing
import ToraTestSupport

/// `tora subsidy`, `report subsidy` and the demo's programmes, through the real binary
/// (docs/subsidised-goods.md).
@Suite("subsidised goods on the command line")
struct SubsidyCommandTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-subsidy", now: "2026-11-29T09:30:00+07:00") }

    @Test("the demo's LPG 3 kg: one a day per NIK at the till, the report masked unless a manager asks for it in full")
    func demoLPG() throws {
        try shop.ok(["demo"])
        let list = try shop.ok(["subsidy", "list"])
        #expect(list.contains("LPG3") && list.contains("SPHP") && list.contains("MINYAKITA") && list.contains("Rp19.000"))
        let till = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"],
            stdin: [
                "01", "1234", "0", "ELPIJI-3KG", "nik 3201015501900001", "ELPIJI-3KG", "pay", "nik 3201015501900001", "ELPIJI-3KG", "quit",
            ]
            .joined(separator: "\n") + "\n", environment: shop.env)
        #expect(till.status == 0, "\(till.stderr)")
        #expect(till.stdout.contains("needs the buyer's NIK first"))
        #expect(till.stdout.contains("Buyer: NIK 3201********0001"))
        #expect(till.stdout.contains("Limit of programme LPG3 for NIK 3201********0001 reached: 0 pcs left (limit 1)"))
        #expect(!till.stdout.contains("3201015501900001"))

        let masked = try shop.ok(["report", "subsidy", "--programme", "lpg3", "--from", "2026-11-29", "--to", "2026-11-29"])
        #expect(masked.contains("3201********0001") && !masked.contains("3201015501900001"))
        #expect(masked.contains("Rp19.000"))
        let json = try shop.ok([
            "report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--format", "json",
        ])
        #expect(json.contains("\"buyers\"") && json.contains("\"days\""))
        let csv = try shop.ok(["report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--format", "csv"])
        #expect(csv.hasPrefix("date,receipt,nik,sku,units,amount"))
        let html = try shop.ok([
            "report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--format", "html",
        ])
        #expect(html.contains("<table") && !html.contains("3201015501900001"))

        let unsigned = try shop.tora.run(
            ["report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--full-nik"],
            environment: shop.unsignedEnv)
        #expect(unsigned.status == 77)
        let cashier = try shop.tora.run(
            ["report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--full-nik"],
            environment: shop.env(user: "01", pin: "1234"))
        #expect(cashier.status == 77)
        let full = try shop.tora.run(
            ["report", "subsidy", "--programme", "LPG3", "--from", "2026-11-29", "--to", "2026-11-29", "--full-nik"],
            environment: shop.env(user: "03", pin: "3456"))
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stdout.contains("3201015501900001"))

        let eod = try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        #expect(eod.contains("\"subsidy\"") && eod.contains("\"LPG3\""))
        #expect(try shop.ok(["report", "eod", "--date", "2026-11-29"]).contains("Barang subsidi"))
        let eodCSV = try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "csv"])
        #expect(eodCSV.contains("subsidy,LPG3 units,1 pcs") && eodCSV.contains("subsidy,LPG3 net,19000"), "\(eodCSV)")
        try shop.ok(["report", "eod", "--date", "2026-11-29", "--print"])
        let kept = shop.db.replacingOccurrences(of: ".sqlite", with: ".outbox") + "/kept"
        let paperZ = try FileManager.default.contentsOfDirectory(atPath: kept).filter {
            $0.hasPrefix("Z-2026-11-29") && $0.hasSuffix(".txt")
        }
        #expect(paperZ.count == 1, "\(paperZ)")
        let paperLines = try String(contentsOfFile: kept + "/" + (paperZ.first ?? ""), encoding: .utf8).split(separator: "\n")
        let programme = try #require(paperLines.firstIndex { $0.hasPrefix("  LPG3") }, "\(paperLines)")
        #expect(paperLines[programme].hasSuffix(" 1 pcs") && paperLines[programme + 1].hasSuffix("Rp19.000"))
        let page = shop.folder.file("z.html")
        try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "html", "--output", page])
        let zPage = try String(contentsOfFile: page, encoding: .utf8)
        #expect(zPage.contains("data-table=\"subsidy\"") && zPage.contains("data-key=\"programme\" data-value=\"LPG3\""))
        #expect(zPage.contains("data-key=\"net\" data-value=\"19000\"") && !zPage.contains("3201015501900001"))
        let journal = try shop.ok(["audit", "list", "--last", "1000"])
        #expect(journal.contains("sale.buyer_named") && journal.contains("subsidy.refused") && journal.contains("subsidy.full_nik_read"))
        #expect(journal.contains("3201********0001") && !journal.contains("3201015501900001"))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("programmes need a manager; a bad period, a HET below a product's price and a price above the HET are refused")
    func refusals() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n") + "\n")])
        let set = ["subsidy", "set", "MINYAK", "--name", "Minyakita", "--het", "15.700", "--limit", "2", "--per", "day"]
        #expect(try shop.tora.run(set, environment: shop.unsignedEnv).status == 77)
        let period = try shop.tora.run(Array(set.dropLast()) + ["year"], environment: shop.env)
        #expect(period.status != 0 && period.stderr.contains("year"))
        try shop.ok(set)
        try shop.ok(["catalogue", "set", "MINYAKITA", "--subsidy", "minyak"])
        let above = try shop.tora.run(["catalogue", "set", "MINYAKITA", "--price", "16.000"], environment: shop.env)
        #expect(above.status == 65 && above.stderr.contains("HET"), "\(above.stderr)")
        let lower = try shop.tora.run(
            ["subsidy", "set", "MINYAK", "--name", "Minyakita", "--het", "15.000", "--limit", "2", "--per", "day"], environment: shop.env)
        #expect(lower.status != 0 && lower.stderr.contains("MINYAKITA"), "\(lower.stderr)")
        let badNIK = try shop.tora.run(
            ["members", "add", "--number", "M5", "--name", "Ani", "--nik", "3201019901900001"], environment: shop.env)
        #expect(badNIK.status == 65 && badNIK.stderr.contains("date of birth"), "\(badNIK.stderr)")
        try shop.ok(["members", "add", "--number", "M6", "--name", "Ani", "--nik", "3201015501900001"])
        #expect(!(try shop.ok(["members", "export"])).contains("3201015501900001"))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }
}
