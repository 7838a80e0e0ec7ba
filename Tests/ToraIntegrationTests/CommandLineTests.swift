import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The real `tora` binary against a real database file, as a shop's scripts use it.
@Suite("tora on the command line")
struct CommandLineTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-cli", now: "2026-11-29T09:00:00+07:00") }

    @Test("init, a ';' catalogue with Rupiah cells, then search lists the local product first")
    func initImportSearch() throws {
        try shop.ok(["init", "--shop-name", "Toko Rakyat Sukamaju"] + ToraShopFolder.managerFlags)
        let csv = shop.folder.write(
            "katalog.csv",
            """
            sku;name;category;price;local;origin;barcode
            KOPI-KPA;Kopi Kapal Api Special 165 g;minuman;Rp 16.500;tidak;;8991002101012
            KOPI-DESA;Kopi Robusta Bubuk Desa 250 g;minuman;Rp 30.000;ya;KT Makmur, Cibeureum;
            """)
        #expect(try shop.ok(["catalogue", "import", csv]).contains("2 products were created"))
        let found = try shop.ok(["catalogue", "search", "kopi"]).split(separator: "\n")
        #expect(found[1].contains("KOPI-DESA") && found[1].contains("* Kopi Robusta"))
        #expect(found[2].contains("KOPI-KPA") && found[2].contains("Rp16.500"))
        #expect(try shop.ok(["config", "get", "shop.name"]) == "Toko Rakyat Sukamaju\n")
    }

    @Test("a bad catalogue exits 65, names each bad line, and leaves the shop as it was")
    func badImport() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("good.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        let before = try shop.ok(["catalogue", "export"])
        let bad = shop.folder.write(
            "bad.csv",
            """
            sku,name,price,barcode,warna
            NEW-1,Teh Botol 350 ml,4500,8991002101013,merah
            NEW-2,Kecap Manis 135 ml,"8.500,50",,
            KOPI-KPA,Kopi Kapal Api Special 165 g,17000,8991002101012,
            KOPI-KPA,Kopi Kapal Api Special 165 g,17500,8991002101012,
            """)
        let run = try shop.tora.run(["catalogue", "import", bad], environment: shop.env)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("line 1: warna: unknown column") })
        #expect(lines.contains { $0.contains("line 2: barcode: '8991002101013' has a wrong EAN-13 check digit") })
        #expect(lines.contains { $0.contains("line 3: price: '8.500,50' has a decimal comma") })
        #expect(lines.contains { $0.contains("line 5: sku: KOPI-KPA is already on line 4") })
        #expect(lines.last?.contains("4 problems; nothing was written") == true)
        #expect(try shop.ok(["catalogue", "export"]) == before)
        #expect(try shop.ok(["audit", "verify"]).hasPrefix("audit journal intact"))
    }

    @Test("stock list shows on hand equal to the sum of receive, adjust and count")
    func stockCommands() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        #expect(
            try shop.ok(["stock", "receive", "GULA-PSR", "24", "--cost", "16.200", "--supplier", "CV Sumber"]).contains(
                "on hand now 64 pcs"))
        #expect(try shop.ok(["stock", "adjust", "GULA-PSR", "4", "--reason", "rusak"]).contains("on hand now 60 pcs"))
        #expect(try shop.ok(["stock", "count", "TLR-RAS", "11,75"]).contains("difference -0,75"))
        let list = try shop.ok(["stock", "list"])
        let sugar = try #require(list.split(separator: "\n").first { $0.hasPrefix("GULA-PSR") })
        #expect(sugar.contains(" 60  pcs"))
        let egg = try #require(list.split(separator: "\n").first { $0.hasPrefix("TLR-RAS") })
        #expect(egg.contains("11,75  kg"))
        let history = try shop.ok(["stock", "history", "GULA-PSR"])
        #expect(history.contains("+24") && history.contains("-4") && history.contains("damaged"))
        let low = try shop.ok(["stock", "low"])
        #expect(low.contains("GULA-AREN") && !low.contains("GULA-PSR"))
        let wrongWay = try shop.tora.run(["stock", "adjust", "GULA-PSR", "--reason", "found", "--", "-1"], environment: shop.env)
        #expect(wrongWay.status == 65 && wrongWay.stderr.split(separator: "\n").count == 1)
    }

    @Test("every command and subcommand answers --help")
    func help() throws {
        let commands: [[String]] = [
            [], ["init"], ["demo"], ["config"], ["config", "set"], ["config", "get"], ["config", "list"], ["catalogue"],
            ["catalogue", "import"], ["catalogue", "export"], ["catalogue", "list"], ["catalogue", "search"], ["catalogue", "add"],
            ["catalogue", "show"], ["members"], ["members", "import"], ["members", "export"], ["members", "list"], ["members", "add"],
            ["members", "show"], ["tiers", "list"], ["tiers", "set"], ["users", "add"], ["users", "list"], ["users", "disable"],
            ["stock", "receive"], ["stock", "adjust"], ["stock", "count"], ["stock", "list"], ["stock", "low"], ["stock", "history"],
            ["audit", "verify"], ["backup"],
        ]
        for command in commands {
            let run = try shop.tora.run(command + ["--help"])
            #expect(run.status == 0 && run.stdout.contains("USAGE"), "tora \(command.joined(separator: " ")) --help")
        }
    }

    @Test("bad input gets one line and the exit code of docs/sign-in-and-files.md")
    func exitCodes() throws {
        let missing = try shop.tora.run(["catalogue", "list"], environment: shop.env)
        #expect(missing.status == 74 && missing.stderr.contains("tora init"))
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        let usage = try shop.tora.run(["stock", "adjust", "X", "1", "--reason", "stolen-by-cat"], environment: shop.env)
        #expect(usage.status == 64)
        let setting = try shop.tora.run(["config", "set", "printer.paper", "57"], environment: shop.env)
        #expect(setting.status == 65 && setting.stderr == "tora: printer.paper: '57' is not a paper width; use 58 or 80\n")
        let price = try shop.tora.run(["catalogue", "add", "--sku", "A", "--name", "Teh", "--price", "4.500,5"], environment: shop.env)
        #expect(price.status == 64)
        let badNow = try shop.tora.run(["catalogue", "list"], environment: shop.env.merging(["TORA_NOW": "yesterday"]) { $1 })
        #expect(badNow.status == 65 && badNow.stderr.contains("TORA_NOW"))
        let notSQLite = shop.folder.write("notes.sqlite", String(repeating: "catatan belanja ", count: 200))
        let junk = try shop.tora.run(["--db", notSQLite, "catalogue", "list"], environment: shop.env)
        #expect(junk.status == 74 && junk.stderr.contains("not a Tora Sera database"))
        let junk2 = try shop.tora.run(["catalogue", "list", "--db", notSQLite], environment: shop.env)
        #expect(junk2.status == 74 && junk2.stderr.contains("not a Tora Sera database"))
    }

    @Test("users get a PIN from piped input; members and tiers from the command line")
    func usersMembersTiers() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["users", "add", "--code", "01", "--name", "Siti Aminah", "--role", "cashier"], stdin: "1234\n")
        let badPin = try shop.tora.run(
            ["users", "add", "--code", "02", "--name", "Ujang", "--role", "supervisor"], stdin: "12\n", environment: shop.env)
        #expect(badPin.status == 65 && badPin.stderr.contains("4 to 8 digits"))
        #expect(try shop.ok(["users", "list"]).contains("01    Siti Aminah  cashier  active"))
        try shop.ok(["tiers", "set", "pengurus", "--discount-pct", "3", "--local-discount-pct", "7"])
        try shop.ok([
            "members", "add", "--number", "KDMP-0001", "--name", "Siti Aminah", "--tier", "pengurus", "--credit-limit", "Rp250.000",
        ])
        #expect(try shop.ok(["members", "show", "KDMP-0001"]).contains("credit limit      Rp250.000"))
        try shop.ok(["members", "add", "--number", "KDMP-0003", "--name", "Dewi", "--nik", "3201015501900001"])
        let shown = try shop.ok(["members", "show", "KDMP-0003"])
        #expect(shown.contains("NIK               3201********0001") && !shown.contains("3201015501900001"), "\(shown)")
        let unknownTier = try shop.tora.run(
            ["members", "add", "--number", "KDMP-0002", "--name", "Ujang", "--tier", "emas"], environment: shop.env)
        #expect(unknownTier.status == 65)
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("backup writes a checked copy; the demo shop is made from the shipped data")
    func backupAndDemo() throws {
        let demo = try shop.ok(["demo"])
        #expect(demo.contains("Demo shop ready"))
        let summary = try shop.ok(["catalogue", "list"])
        #expect(summary.contains("products"))
        let copy = shop.folder.file("backup.sqlite")
        #expect(try shop.ok(["backup", copy]).contains("integrity ok"))
        let again = try shop.tora.run(["backup", copy], environment: shop.env)
        #expect(again.status == 74)
        #expect(try shop.ok(["demo"]).contains("Demo shop ready"))  // a demo is made anew
        // The documented form: --db before the subcommand.
        try shop.ok(["--db", shop.folder.file("real.sqlite"), "init"] + ToraShopFolder.managerFlags)
        let refuse = try shop.tora.run(["demo", "--db", shop.folder.file("real.sqlite")], environment: shop.env)
        #expect(refuse.status == 74 && refuse.stderr.contains("real shop"))
    }
}
