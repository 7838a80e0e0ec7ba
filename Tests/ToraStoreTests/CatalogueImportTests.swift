import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

@Suite("catalogue import")
struct CatalogueImportTests {
    @Test("a ';' file with a BOM and Indonesian money cells imports every row")
    func semicolonBOMAndRupiahCells() throws {
        let shop = try TestShop()
        let text = """
            SKU;Name;Price;Member_Price;Category;Local;Barcode
            BRS-5;Beras Pandan Wangi 5 kg;Rp 75.000;Rp72.500;sembako;ya;8991002101012
            KRP-1;Keripik Singkong 250 g;15.000;;makanan ringan;tidak;
            """
        let path = shop.folder.write("cat.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let report = try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        #expect(report.created == 2)
        let rice = try #require(try shop.store.catalogue.product(sku: "BRS-5")).product
        #expect(rice.price == Money(75_000))
        #expect(rice.memberPrice == Money(72_500))
        #expect(rice.isLocal)
        #expect(rice.barcodes == ["8991002101012"])
        let chips = try #require(try shop.store.catalogue.product(sku: "krp-1")).product
        #expect(chips.price == Money(15_000))
        #expect(chips.memberPrice == nil)
        #expect(!chips.isLocal)
    }

    @Test("one bad file lists every bad line and writes nothing at all")
    func badRowsWriteNothing() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("good.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let exportBefore = try shop.store.catalogue.exportCatalogue()
        let journalBefore = try shop.store.journal.verifyAudit().entriesChecked
        let path = shop.csv(
            "bad.csv",
            [
                "sku,name,price,barcode,colour",
                "NEW-1,Teh Botol 350 ml,4500,8991002101012,red",  // barcode owned by KOPI-KPA
                "NEW-2,Sabun Mandi 85 g,3500,8991002101013,",  // bad check digit
                "NEW-3,Kecap Manis 135 ml,\"8.500,50\",,",  // decimal money
                "NEW-2,Sabun Cuci 1 kg,18000,,",  // duplicate sku in the file
                "GULA-PSR,Gula Pasir Gulaku 1 kg,18000,8992388101016,",  // a good row: must not be written
            ])
        #expect {
            try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            let problems = error.problems.joined(separator: "\n")
            return error.exitCode == 65
                && problems.contains("line 1: colour: unknown column")
                && problems.contains("line 2: barcode: 8991002101012 already belongs to KOPI-KPA")
                && problems.contains("line 3: barcode: '8991002101013' has a wrong EAN-13 check digit")
                && problems.contains("line 4: price:")
                && problems.contains("line 5: sku: NEW-2 is already on line 3")
                && !problems.contains("line 6")
        }
        #expect(try shop.store.catalogue.exportCatalogue() == exportBefore)
        #expect(try shop.store.journal.verifyAudit().entriesChecked == journalBefore)
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.product.price == Money(17_500))
    }

    @Test("a dry run reports what it would do and writes nothing")
    func dryRunWritesNothing() throws {
        let shop = try TestShop()
        let report = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: true, actor: "test")
        #expect(report.created == 6)
        #expect(report.isDryRun)
        #expect(try shop.store.catalogue.products(includeInactive: true).isEmpty)
    }

    @Test("export then import changes nothing, and exports the same text again")
    func exportRoundTrips() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        _ = try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "45", reason: .lost, note: nil, actor: "test")  // on hand -5
        let first = try shop.store.catalogue.exportCatalogue()
        let path = shop.folder.write("export.csv", first)
        let report = try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        #expect(report.unchanged == 6)
        #expect(report.updated == 0 && report.created == 0 && report.stockCounts == 0)
        #expect(try shop.store.catalogue.exportCatalogue() == first)
        // On hand is -5: a stock below zero is no count, so the cell is left empty.
        #expect(first.contains("GULA-PSR,8992388101016,Gula Pasir Gulaku 1 kg,sembako,pcs,17500,,16000,exempt,no,,,,,,10,yes,yes"))
        #expect(first.contains("TLR-RAS,,Telur Ayam Ras,sembako,kg,30000,,27000,exempt,no,,,,00016,\"12,5\",5,yes,yes"))
        #expect(first.contains("\"KT Makmur, Desa Cibeureum\""))
    }

    @Test("only the columns a file has change an existing product")
    func partialColumnsKeepTheRest() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let report = try shop.store.catalogue.importCatalogue(
            path: shop.csv("prices.csv", ["sku;name;price", "KOPI-DESA;Kopi Robusta Bubuk Desa 250 g;Rp31.000"]), dryRun: false,
            actor: "test")
        #expect(report.updated == 1)
        let coffee = try #require(try shop.store.catalogue.product(sku: "KOPI-DESA"))
        #expect(coffee.product.price == Money(31_000))
        #expect(coffee.product.isLocal)
        #expect(coffee.product.consignor == "KT-MAKMUR")
        #expect(coffee.onHand == Quantity(whole: 14))
        let change = try #require(try shop.store.journal.auditEntries(last: 1, kind: "product.changed").last)
        #expect(change.payload.contains("\"price\":[30000,31000]"))
    }

    @Test("a stock cell records a count movement for the difference")
    func stockCellRecordsCount() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let egg = try #require(try shop.store.catalogue.product(sku: "TLR-RAS"))
        #expect(egg.onHand == Quantity(thousandths: 12_500))
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv("s.csv", ["sku,name,price,stock", "TLR-RAS,Telur Ayam Ras,30000,\"10,25\""]), dryRun: false, actor: "test")
        let history = try shop.store.stock.stockHistory(sku: "TLR-RAS")
        #expect(history.movements.map(\.quantity.thousandths) == [12_500, -2_250])
        #expect(history.movements.allSatisfy { $0.kind == .count })
        #expect(history.product.onHand == Quantity(thousandths: 10_250))
    }

    @Test("without a sku column nothing is read; without name or price only existing products can be changed")
    func requiredColumns() throws {
        let shop = try TestShop()
        #expect {
            try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", ["name,price", "a,b"]), dryRun: false, actor: "test")
        } throws: { error in
            (error as? StoreError)?.problems == ["line 1: sku: required column is missing"]
        }
        for (columns, missing) in [("sku,price", "name"), ("sku,name", "price")] {
            #expect {
                try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", [columns, "NEW,1000"]), dryRun: false, actor: "test")
            } throws: { error in
                (error as? StoreError)?.problems == [
                    "line 2: \(missing): a new product needs a \(missing); the file has no \(missing) column"
                ]
            }
        }
    }

    @Test("a file that is not UTF-8 is read as Windows-1252, as Indonesian Excel saves it")
    func notUTF8() throws {
        let shop = try TestShop()
        let path = shop.folder.write("latin1.csv", bytes: Array("sku,name,price\nA,Kopi ".utf8) + [0xE9] + Array(",1000\n".utf8))
        _ = try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        #expect(try shop.store.catalogue.product(sku: "A")?.product.name == "Kopi é")
    }

    @Test("quoted fields may hold the delimiter, quotes and line breaks; line numbers stay right")
    func quotedFields() throws {
        let shop = try TestShop()
        let path = shop.folder.write("q.csv", "sku,name,price\nA,\"Garam \"\"Cap Kapal\"\", 500 g\",4000\nB,\"two\nlines\",x\nC,ok,1\n")
        #expect {
            try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        } throws: { error in
            (error as? StoreError)?.problems == [
                "line 3: price: 'x' is not an amount of rupiah (write it like 12500 or Rp12.500)",
                "line 3: name: the name holds a line break or another control character; write it on one line",
            ]
        }
        let fixed = shop.folder.write("q2.csv", "sku,name,price\nA,\"Garam \"\"Cap Kapal\"\", 500 g\",4000\n")
        _ = try shop.store.catalogue.importCatalogue(path: fixed, dryRun: false, actor: "test")
        #expect(try shop.store.catalogue.product(sku: "A")?.product.name == "Garam \"Cap Kapal\", 500 g")
    }

    @Test("a barcode may move from one product to another in the same file")
    func barcodeMoves() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv(
                "m.csv",
                [
                    "sku,name,price,barcode", "GULA-AREN,Gula Aren Cetak 500 g,18000,8991002101012",
                    "KOPI-KPA,Kopi Kapal Api Special 165 g,16500,",
                ]),
            dryRun: false, actor: "test")
        #expect(try shop.store.catalogue.product(code: "8991002101012")?.product.sku == "GULA-AREN")
        #expect(try shop.store.catalogue.product(sku: "KOPI-KPA")?.product.barcodes == [])
    }
}
