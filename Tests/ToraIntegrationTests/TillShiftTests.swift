import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// A whole shift rung through the real `tora till`, checked against totals computed by hand.
@Suite("a shift at the till")
struct TillShiftTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-till", now: "2026-11-29T09:30:00+07:00") }

    /// The sample catalogue, PKP with PPN 11, cash rounding 100, a member, a cashier and a supervisor.
    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["config", "set", "tax.pkp", "true"])
        try shop.ok(["config", "set", "cash.rounding", "100"])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Supervisor", "--role", "supervisor"], stdin: "2345\n")
    }

    static let shift = """
        01
        1234
        100.000
        8991002101012
        3*8999999001018
        GULA-PSR
        void 3
        2000016012552
        0,5*TLR-RAS
        total
        pay qris 50000
        pay 70000
        member M1
        KOPI-DESA
        2 x KOPI-KPA
        GULA-AREN
        disc 3 1000
        02
        2345
        park
        resume
        resume 1
        total
        pay tunai
        refund 01-20261129-0001
        02
        2345
        2 1
        total
        pay
        GULA-PSR
        cancel
        02
        2345
        close
        226.500
        """

    @Test("a scripted shift's Z report equals the totals worked out by hand")
    func scriptedShift() throws {
        try makeShop()
        let run = try shop.tora.run(["till", "--register", "01"], stdin: Self.shift + "\n", environment: shop.env)
        #expect(run.status == 0, "\(run.stderr)")
        let screen = run.stdout
        #expect(screen.contains("Ada produk lokal"))  // non-local GULA-PSR has a local sugar
        #expect(screen.contains("Pembulatan Rp50"))
        #expect(screen.contains("Kembalian Rp3.800"))
        #expect(screen.contains("Lunas. Struk 01-20261129-0002"))
        #expect(screen.contains("Retur selesai: struk 01-20261129-0003, dibayar kembali Rp15.700"))
        #expect(screen.contains("Seharusnya Rp226.600, dihitung Rp226.500, selisih -Rp100"))

        let json = try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func int(_ key: String, in object: [String: Any]? = nil) -> Int? { ((object ?? report)[key] as? NSNumber)?.intValue }
        // Sale 1: 16.500 + 3×15.700 + 1,255 kg×30.000 (37.650) + 0,5 kg×30.000 (15.000) = 116.250;
        //   QRIS 50.000, cash due rounded down from 66.250 to 66.200 (rounding 50), change 3.800.
        //   PPN base 16.500 + 47.100 = 63.600; tax round(63.600×11/111 = 6.302,70) = 6.303; DPP 57.297.
        // Sale 2 (member M1, anggota 2%/5%): KOPI-DESA 30.000 − 5% 1.500 = 28.500; 2 × KOPI-KPA at member
        //   price 15.300 = 30.600 (no tier discount); GULA-AREN 18.000 with manual 1.000 replacing 5% = 17.000.
        //   Gross 78.600, discounts 2.500, total 76.100 paid exact cash.
        //   PPN base 28.500 + 30.600 = 59.100; tax round(5.856,76) = 5.857; DPP 53.243.
        // Refund of 1 of the 3 Minyakita on sale 1: 47.100 × 1/3 = 15.700 cash; tax round(1.555,86) = 1.556.
        #expect(int("sales_count") == 2)
        #expect(int("refund_count") == 1)
        #expect(int("void_lines") == 1)
        #expect(int("cancelled_sales") == 1)
        #expect(int("gross") == 194_850)
        #expect(int("discounts") == 2_500)
        #expect(int("rounding") == 50)
        #expect(int("refunds") == 15_700)
        #expect(int("net") == 176_600)
        #expect(int("tax") == 6_303 + 5_857 - 1_556)
        #expect(int("dpp") == 57_297 + 53_243 - (15_700 - 1_556))
        let payments = report["payments"] as? [String: Any]
        #expect(int("cash", in: payments) == 66_200 + 76_100 - 15_700)
        #expect(int("qris", in: payments) == 50_000)
        #expect(int("debit", in: payments) == 0 && int("credit", in: payments) == 0)
        let paid = ["cash", "qris", "debit", "credit"].compactMap { int($0, in: payments) }.reduce(0, +)
        #expect(paid == int("net"))  // Σ payments = net
        let cash = report["cash"] as? [String: Any]
        #expect(int("opening_float", in: cash) == 100_000)
        #expect(int("expected", in: cash) == 226_600)
        #expect(int("counted", in: cash) == 226_500)
        #expect(int("over_short", in: cash) == -100)
        let local = report["local"] as? [String: Any]
        #expect(int("net", in: local) == 28_500 + 17_000)
        #expect((local?["share_pct"] as? NSNumber)?.doubleValue == 25.8)  // 45.500 / 176.650 = 25,757 %
        let members = report["members"] as? [String: Any]
        #expect(int("net", in: members) == 76_100 && int("sales_count", in: members) == 1)

        // Stock follows every sale and refund; the ledger, the journal and the file are whole.
        let stock = try shop.ok(["stock", "list", "--all"])
        func onHand(_ sku: String) -> String? {
            stock.split(separator: "\n").first { $0.hasPrefix(sku + " ") }.map { String($0) }
        }
        #expect(onHand("KOPI-KPA")?.contains(" 27  pcs") == true)  // 30 − 1 − 2
        #expect(onHand("MINYAKITA")?.contains(" 22  pcs") == true)  // 24 − 3 + 1
        #expect(onHand("TLR-RAS")?.contains("10,745  kg") == true)  // 12,5 − 1,255 − 0,5
        #expect(onHand("GULA-PSR")?.contains(" 40  pcs") == true)  // voided and cancelled lines take nothing
        #expect(onHand("GULA-AREN")?.contains(" -1  pcs") == true)  // sold from zero: negative, never refused
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
        let store = try ShopStore(path: shop.db)
        #expect(try store.stock.stockLedgerMismatches().isEmpty)
        #expect(try store.dayTotalsMismatches().isEmpty)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("the X report shows the open shift; audit verify names a tampered entry and exits 65")
    func shiftReportAndTampering() throws {
        try makeShop()
        let lines = ["01", "1234", "50.000", "KOPI-KPA", "pay 20000", "quit"]
        try shop.ok(["till", "--register", "01"], stdin: lines.joined(separator: "\n") + "\n")
        let x = try shop.ok(["report", "x", "--register", "01", "--format", "json"])
        #expect(x.contains("\"net\": 16500") && x.contains("\"expected\": 66500") && x.contains("\"open_shifts\": 1"))
        let noShift = try shop.tora.run(["report", "x", "--register", "02"], environment: shop.env)
        #expect(noShift.status == 65 && noShift.stderr.contains("register 02 has no open shift"))

        let sale = try #require(try ShopStore(path: shop.db).journal.auditEntries(last: 1, kind: "sale.completed").first)
        try GRDBTamper.rewrite(db: shop.db, seq: sale.seq, payload: sale.payload.replacingOccurrences(of: "16500", with: "1650"))
        let verify = try shop.tora.run(["audit", "verify"], environment: shop.env)
        #expect(verify.status == 65)
        #expect(
            verify.stderr
                == "tora: audit journal entry \(sale.seq) does not verify: its contents do not match its hash (the entry was changed after it was written)\n"
        )
    }

    @Test("a cashier cannot refund, discount or cancel without a supervisor's PIN")
    func overridesNeedASupervisor() throws {
        try makeShop()
        let lines = ["01", "1234", "0", "KOPI-KPA", "disc 1 10%", "01", "1234", "disc 1 10%", "02", "9999", "quit"]
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"], stdin: lines.joined(separator: "\n") + "\n", environment: shop.env)
        #expect(run.stdout.contains("01 is not a supervisor; the command was not run"))
        #expect(run.stdout.contains("Wrong code or PIN") && !run.stdout.contains("tries left"))
        #expect(!run.stdout.contains("Discount 10%"))
        let journal = try shop.ok(["audit", "list", "--kind", "login.failed"])
        #expect(journal.contains("\"code\":\"02\""))
    }

    @Test("bad input gets one line and changes nothing")
    func badInput() throws {
        try makeShop()
        let lines = [
            "01", "1234", "0", "8991002101013", "99999", "10000*KOPI-KPA", "1,5*KOPI-KPA", "TLR-RAS", "pay qris 1", "void 7",
            "pay 99999999999", "total",
            "quit",
        ]
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"], stdin: lines.joined(separator: "\n") + "\n", environment: shop.env)
        let screen = run.stdout
        #expect(screen.contains("barcode 8991002101013 has a wrong check digit (expected 2)"))
        #expect(screen.contains("unknown code '99999'"))
        #expect(screen.contains("quantity 10000 is out of range (1 to 9.999)"))
        #expect(screen.contains("'1,5' is not a whole number"))
        #expect(screen.contains("Telur Ayam Ras is sold by weight"))
        #expect(screen.contains("the sale has no items to pay for"))
        #expect(screen.contains("there is no line 7 on this sale"))
        #expect(screen.contains("above the limit of Rp9.999.999.999"))
        #expect(screen.contains("TOTAL       Rp0"))
    }
}
