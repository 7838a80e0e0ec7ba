import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The real `tora` binary with spreadsheet files, one-product changes, negative values
/// typed as values, and input far too long for a till.
@Suite("tora with spreadsheets and odd input")
struct SpreadsheetCommandTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-sheet", now: "2026-11-29T09:00:00+07:00", environment: ["TORA_ACTOR": "manager"]) }

    func makeShop() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
    }

    @Test("export --excel writes a BOM, ';' and decimal commas, and imports back to no change")
    func excelExport() throws {
        try makeShop()
        let path = shop.folder.file("katalog-excel.csv")
        try shop.ok(["catalogue", "export", "--excel", path])
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(7)) == [0xEF, 0xBB, 0xBF] + Array("sku;".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\nTLR-RAS;;Telur Ayam Ras;sembako;kg;30000;;27000;exempt;no;;;;00016;12,5;5;yes;yes;\n"))
        #expect(try shop.ok(["catalogue", "import", "--dry-run", path]).contains("0 products would be created, 0 updated, 6 unchanged"))
        #expect(try shop.ok(["catalogue", "import", path]).contains("0 products were created, 0 updated, 6 unchanged"))
        try shop.ok(["catalogue", "export", "--excel", path + ".2"])
        #expect(FileManager.default.contents(atPath: path + ".2") == bytes)
    }

    @Test("catalogue set changes one product; 0 needs --free; a negative price is refused with its reason")
    func catalogueSet() throws {
        try makeShop()
        let changed = try shop.ok([
            "catalogue", "set", "KOPI-KPA", "--price", "17.000", "--member-price", "16.000", "--name", "Kopi Kapal Api 165 g",
        ])
        #expect(changed == "changed KOPI-KPA: Kopi Kapal Api 165 g Rp17.000\n")
        let shown = try shop.ok(["catalogue", "show", "KOPI-KPA"])
        #expect(shown.contains("Rp16.000") && shown.contains("30 pcs"))
        let zero = try shop.tora.run(["catalogue", "set", "GULA-AREN", "--price", "0"], environment: shop.env)
        #expect(zero.status == 65 && zero.stderr.contains("add --free"))
        #expect(try shop.ok(["catalogue", "set", "GULA-AREN", "--price", "0", "--free"]).contains("Rp0"))
        let negative = try shop.tora.run(["catalogue", "set", "GULA-PSR", "--price", "-5"], environment: shop.env)
        #expect(negative.status == 65 && negative.stderr.contains("'-5' is negative"))
        #expect(negative.stderr.split(separator: "\n").count == 1)
        let missing = try shop.tora.run(["catalogue", "set", "NOPE", "--price", "5000"], environment: shop.env)
        #expect(missing.status == 65 && missing.stderr.contains("no product with sku 'NOPE'"))
        let journal = try shop.ok(["audit", "verify"])
        #expect(journal.contains("intact"))
    }

    @Test("a negative value typed without -- reaches the setting or the count, which says why it is refused")
    func negativeValues() throws {
        try makeShop()
        for arguments in [["config", "set", "tax.ppn_rate", "-5"], ["config", "set", "tax.ppn_rate", "--", "-5"]] {
            let run = try shop.tora.run(arguments, environment: shop.env)
            #expect(run.status == 65)
            #expect(run.stderr == "tora: tax.ppn_rate: '-5' is negative; the PPN rate is 0 to 100 percent\n")
        }
        let rounding = try shop.tora.run(["config", "set", "cash.rounding", "-100"], environment: shop.env)
        #expect(rounding.status == 65 && rounding.stderr.contains("negative"))
        #expect(try shop.ok(["config", "set", "tax.ppn_rate", "12"]) == "tax.ppn_rate = 12\n")
        let footer = try shop.tora.run(["config", "set", "receipt.footer", "Terima kasih\n\u{1B}@"], environment: shop.env)
        #expect(footer.status == 65 && footer.stderr.contains("control character"))
        let count = try shop.tora.run(["stock", "count", "GULA-PSR", "-2"], environment: shop.env)
        #expect(count.status == 65 && count.stderr.contains("'-2' is negative; a count is zero or more"))
        let receive = try shop.tora.run(["stock", "receive", "GULA-PSR", "-3"], environment: shop.env)
        #expect(receive.status == 65 && !receive.stderr.contains("Missing expected argument"))
        #expect(try shop.ok(["stock", "count", "GULA-PSR", "38"]).contains("counted GULA-PSR: 38 pcs"))
    }

    @Test("a 10 MB line and a 10 MB search at the till give short answers")
    func hugeTillLines() throws {
        try makeShop()
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        let huge = String(repeating: "8", count: 10_000_000)
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n0\n\(huge)\n?\(huge)\nGULA-PSR\n", environment: shop.env)
        #expect(run.status == 0)
        #expect(run.stdout.utf8.count + run.stderr.utf8.count < 4_000)
        #expect(run.stdout.components(separatedBy: "Line too long (more than 4096 bytes); ignored\n").count == 3)
        #expect(run.stdout.contains("Gula Pasir Gulaku 1 kg"))
        #expect(!run.stdout.contains("LIKE or GLOB"))
    }
}
