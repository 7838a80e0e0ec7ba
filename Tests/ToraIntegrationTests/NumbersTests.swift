import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Numbers as Indonesians write them, cash rounding, price overrides and refund tax,
/// through the real `tora` binary (docs/numbers-and-money.md).
@Suite("numbers and money at the till and on the command line")
struct NumbersTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-numbers", now: "2026-11-29T09:30:00+07:00") }

    /// The sample catalogue, a Rp50 sweet, a member, a cashier and a supervisor.
    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["catalogue", "import", shop.folder.write("p.csv", "sku,name,category,price\nPERMEN-50,Permen Jahe,jajan,50\n")])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Supervisor", "--role", "supervisor"], stdin: "2345\n")
    }

    func till(_ lines: [String], lang: String = "id") throws -> String {
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", lang], stdin: (["01", "1234", "0"] + lines + ["quit"]).joined(separator: "\n") + "\n",
            environment: shop.env)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    func zReport() throws -> [String: Any] {
        let json = try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("stock receive 1.000 records one thousand and says so; 1.5 is refused with a hint to write a comma")
    func stockReceiveThousand() throws {
        try makeShop()
        // GULA-PSR starts at 40 pcs: + 1.000 = 1.040.
        let received = try shop.ok(["stock", "receive", "GULA-PSR", "1.000"])
        #expect(received == "received 1.000 of GULA-PSR; on hand now 1.040 pcs\n")
        // TLR-RAS starts at 12,5 kg: + 2,75 = 15,25.
        #expect(try shop.ok(["stock", "receive", "TLR-RAS", "2,75"]).contains("on hand now 15,25 kg"))
        let refused = try shop.tora.run(["stock", "receive", "TLR-RAS", "1.5"], environment: shop.env)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'1.5' uses a dot as the decimal mark; write a comma (1,5)"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try shop.ok(["stock", "list"]).contains("15,25  kg"))
    }

    @Test("a CSV stock cell 1.000 is one thousand, and the export writes kg as 12,5")
    func csvThousand() throws {
        try makeShop()
        try shop.ok([
            "catalogue", "import", shop.folder.write("s.csv", "sku,name,price,stock\nGULA-PSR,Gula Pasir Gulaku 1 kg,17500,1.000\n"),
        ])
        #expect(try shop.ok(["stock", "list"]).split(separator: "\n").contains { $0.hasPrefix("GULA-PSR") && $0.contains("1.000  pcs") })
        let export = try shop.ok(["catalogue", "export"])
        let egg = try #require(export.split(separator: "\n").first { $0.hasPrefix("TLR-RAS,") })
        #expect(egg.contains(",\"12,5\",5,"))
        let gula = try #require(export.split(separator: "\n").first { $0.hasPrefix("GULA-PSR,") })
        #expect(gula.contains(",1.000,"))
    }

    @Test("at the till 1.000*code adds one thousand, 1,5*code one and a half kg, and 1.5*code is refused with the hint")
    func tillQuantities() throws {
        try makeShop()
        let screen = try till(["1.000*GULA-PSR", "1,5*TLR-RAS", "1.5*TLR-RAS", "1.5*GULA-PSR", "total"])
        // 1.000 × 17.500 = 17.500.000; 1,5 × 30.000 = 45.000; total 17.545.000.
        #expect(screen.contains("1. Gula Pasir Gulaku 1 kg  1.000 x Rp17.500 = Rp17.500.000"))
        #expect(screen.contains("2. Telur Ayam Ras  1,5 kg x Rp30.000 = Rp45.000"))
        #expect(screen.contains("'1.5' memakai titik sebagai tanda desimal; tulis koma: 1,5"))
        #expect(screen.components(separatedBy: "tulis koma: 1,5").count == 3)
        #expect(screen.contains("TOTAL       Rp17.545.000"))
        #expect(!screen.contains("3. "))
    }

    @Test("text and CSV reports write kg and percentages with a comma; JSON carries plain numbers")
    func reports() throws {
        try makeShop()
        // 1,5 kg × 30.000 = 45.000 + local KOPI-DESA 30.000 = 75.000; local share 30.000 / 75.000 = 40,0%.
        _ = try till(["1,5*TLR-RAS", "KOPI-DESA", "bayar"])
        let text = try shop.ok(["report", "eod", "--date", "2026-11-29"])
        let egg = try #require(text.split(separator: "\n").first { $0.contains("TLR-RAS") })
        #expect(egg.contains(" 1,5 ") && !egg.contains("1.5"))
        #expect(text.contains("(40,0% dari penjualan bersih)"))
        #expect(try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "csv"]).contains("local,share_pct,\"40,0\"\n"))
        let json = try zReport()
        #expect(((json["local"] as? [String: Any])?["share_pct"] as? NSNumber)?.doubleValue == 40)
        let top = try #require(json["top_products"] as? [[String: Any]])
        #expect(top.contains { $0["sku"] as? String == "TLR-RAS" && ($0["quantity"] as? NSNumber)?.doubleValue == 1.5 })
        let products = try shop.ok(["report", "products", "--from", "2026-11-29", "--to", "2026-11-29", "--format", "csv"])
        #expect(products.split(separator: "\n").contains { $0.hasPrefix("TLR-RAS,") && $0.contains(",\"1,5\",") })
    }

    @Test("cash.rounding takes only 0, 50, 100 or 500", arguments: ["1.000", "1000", "200", "10"])
    func roundingSteps(value: String) throws {
        try makeShop()
        let refused = try shop.tora.run(["config", "set", "cash.rounding", value], environment: shop.env)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("use 0 (off), 50, 100 or 500"))
        #expect(try shop.ok(["config", "get", "cash.rounding"]) == "0\n")
    }

    @Test("with cash rounding 100 a Rp50 item costs Rp50, and cash after QRIS pays the last Rp99 in full")
    func roundingNeverFree() throws {
        try makeShop()
        try shop.ok(["config", "set", "cash.rounding", "100"])
        let screen = try till([
            "PERMEN-50", "total", "bayar 100",
            // 16.500 − QRIS 16.401 = 99 still due in cash.
            "KOPI-KPA", "bayar qris 16401", "bayar",
            // 17.550: cash 17.500, 50 forgiven.
            "GULA-PSR", "PERMEN-50", "bayar 20.000",
        ])
        #expect(!screen.contains("Bayar tunai Rp0"))
        #expect(screen.contains("Kembalian Rp50"))
        #expect(screen.contains("Sisa tagihan Rp99"))
        #expect(screen.contains("Kembalian Rp2.500"))
        #expect(screen.contains("Pembulatan Rp50"))
        let report = try zReport()
        // 50 + 16.500 + 17.550 = 34.100 gross; only the last sale's 50 forgiven.
        #expect((report["gross"] as? NSNumber)?.intValue == 34_100)
        #expect((report["rounding"] as? NSNumber)?.intValue == 50)
        #expect((report["net"] as? NSNumber)?.intValue == 34_050)
    }

    @Test("a price override on a member-price line is final: no tier discount on top")
    func overrideFinal() throws {
        try makeShop()
        // KOPI-KPA: member price 15.300; overridden to 16.000, not 16.000 − 2% = 15.680.
        let screen = try till(["member M1", "KOPI-KPA", "harga 1 16000", "02", "2345", "total"])
        #expect(screen.contains("1. Kopi Kapal Api Special 165 g  1 x Rp15.300 = Rp15.300"))
        #expect(screen.contains("1. Kopi Kapal Api Special 165 g  1 x Rp16.000 = Rp16.000"))
        #expect(!screen.contains("Diskon anggota"))
        #expect(screen.contains("TOTAL       Rp16.000"))
        #expect(try shop.ok(["audit", "list", "--kind", "override"]).contains("price 1 16000"))
    }

    @Test("an override or discount out of range is refused before the supervisor is asked, and nothing is journaled")
    func refusedBeforePIN() throws {
        try makeShop()
        let screen = try till([
            "2*KOPI-KPA", "harga 1 9999999999", "harga 1 99999999999", "harga 1 -5", "diskon 1 101%", "diskon 1 40000", "total",
        ])
        // 2 × 9.999.999.999 = 19.999.999.998 is above the largest amount.
        #expect(screen.contains("Rp19.999.999.998 melebihi batas Rp9.999.999.999"))
        #expect(screen.contains("Rp99.999.999.999 melebihi batas Rp9.999.999.999"))
        #expect(screen.contains("'-5' negatif"))
        #expect(screen.contains("'101%' bukan persen bulat 0–100"))
        #expect(screen.contains("diskon Rp40.000 melebihi nilai baris 1 (Rp33.000)"))
        #expect(!screen.contains("Perlu otorisasi supervisor"))
        #expect(screen.contains("TOTAL       Rp33.000"))
        #expect(try shop.ok(["audit", "list", "--kind", "override"]).isEmpty)
        #expect(try shop.ok(["audit", "list", "--kind", "sale.price_overridden"]).isEmpty)
    }

    @Test("a refund after a tax-rate change takes back the tax at the sale's own rate")
    func refundAtSaleRate() throws {
        try makeShop()
        try shop.ok(["config", "set", "tax.pkp", "true"])
        try shop.ok(["config", "set", "tax.ppn_rate", "11"])
        _ = try till(["3*MINYAKITA", "bayar"])
        let refused = try shop.tora.run(["config", "set", "tax.ppn_rate", "11.5"], environment: shop.env)
        #expect(refused.status == 65 && refused.stderr.contains("write a comma (11,5)"))
        try shop.ok(["config", "set", "tax.ppn_rate", "12"])
        let screen = try till(["retur 01-20261129-0001", "02", "2345", "1 1", "bayar"])
        #expect(screen.contains("dibayar kembali Rp15.700"))
        let report = try zReport()
        // Sale: 47.100 × 11/111 = 4.667,6 → 4.668. Refund of 15.700 at the sale's 11%:
        // 15.700 × 11/111 = 1.555,9 → 1.556 (at today's 12% it would be 1.682,1 → 1.682).
        // Net tax 4.668 − 1.556 = 3.112; DPP (47.100 − 15.700) − 3.112 = 28.288.
        #expect((report["tax"] as? NSNumber)?.intValue == 3_112)
        #expect((report["dpp"] as? NSNumber)?.intValue == 28_288)
        let receipt = try String(contentsOfFile: try refundReceiptText(), encoding: .utf8)
        #expect(receipt.contains("PPN 11%"))
        #expect(!receipt.contains("PPN 12%"))
    }

    @Test("refund mode says a fully refunded line is done, and what is left in Indonesian numbers")
    func refundMessages() throws {
        try makeShop()
        _ = try till(["0,5*TLR-RAS", "2*MINYAKITA", "bayar"])
        let screen = try till([
            "retur 01-20261129-0001", "02", "2345", "2", "2", "1 0,143", "bayar", "retur 01-20261129-0001", "02", "2345", "2", "1 0,4",
            "batal",
        ])
        #expect(screen.contains("Baris 2 (Minyakita 1 L) sudah diretur seluruhnya"))
        #expect(!screen.contains("'0.000'"))
        // 0,5 − 0,143 = 0,357 kg left.
        #expect(screen.contains("hanya 0,357 dari baris ini yang masih bisa diretur"))
    }

    /// The text file of the newest refund receipt in the outbox.
    func refundReceiptText() throws -> String {
        // With no printer queue set, receipts are kept aside in the shop's outbox.
        let folder = shop.folder.file("shop.outbox/kept")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        let refund = try #require(names.last { $0.contains("0002") }, "outbox has \(names)")
        return folder + "/" + refund
    }
}
