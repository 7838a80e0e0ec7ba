import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// Catalogue and member files as an Indonesian spreadsheet writes them (docs/csv-import.md).
@Suite("spreadsheet files")
struct SpreadsheetImportTests {
    /// `text` as Windows-1252 bytes: ASCII as it is, then the given code points as their byte.
    static func windows1252(_ text: String) -> [UInt8] {
        let bytes: [Character: UInt8] = ["é": 0xE9, "’": 0x92, "“": 0x93, "”": 0x94, "€": 0x80, "ü": 0xFC]
        return text.map { character in bytes[character] ?? character.asciiValue ?? 0x3F }
    }

    func problems(_ body: () throws -> Any) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as StoreError {
            return error.problems
        } catch {
            return ["\(error)"]
        }
    }

    @Test("a Windows-1252 file from Excel's \"CSV (dipisahkan koma)\" is read with é and ’ intact")
    func windows1252File() throws {
        let shop = try TestShop()
        let bytes = Self.windows1252(
            "sku;nama;harga;asal\r\nKUE-1;Kue Nastar Bu Ani’s;Rp 45.000;Café Desa “Sari”\r\nKOPI-1;Kopi Luwak Müller;120.000;\r\n")
        #expect(bytes.contains(0x92) && bytes.contains(0xE9))
        let report = try shop.store.catalogue.importCatalogue(
            path: shop.folder.write("excel.csv", bytes: bytes), dryRun: false, actor: "test")
        #expect(report.created == 2)
        let cake = try #require(try shop.store.catalogue.product(sku: "KUE-1")).product
        #expect(cake.name == "Kue Nastar Bu Ani’s")
        #expect(cake.origin == "Café Desa “Sari”")
        #expect(cake.price == Money(45_000))
        #expect(try shop.store.catalogue.product(sku: "KOPI-1")?.product.name == "Kopi Luwak Müller")
    }

    @Test("every defined Windows-1252 byte reads as Foundation's windowsCP1252 table reads it")
    func windows1252Table() throws {
        let shop = try TestShop()
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let high = (UInt8(0x80)...UInt8(0xFF)).filter { !undefined.contains($0) }
        let halves = [Array(high.prefix(60)), Array(high.dropFirst(60))]
        var bytes = Array("sku;name;price\n".utf8)
        for (index, half) in halves.enumerated() { bytes += Array("W\(index);".utf8) + half + Array(";1000\n".utf8) }
        _ = try shop.store.catalogue.importCatalogue(path: shop.folder.write("w.csv", bytes: bytes), dryRun: false, actor: "test")
        for (index, half) in halves.enumerated() {
            let expected = try #require(String(data: Data(half), encoding: .windowsCP1252))
            #expect(try shop.store.catalogue.product(sku: "W\(index)")?.product.name == expected)
        }
    }

    @Test("every bad line of a Windows-1252 file is listed, and nothing is written")
    func everyBadLineListed() throws {
        let shop = try TestShop()
        let bytes = Self.windows1252(
            "sku;nama;harga;stok\nA-1;Café Satu;Rp 5.000,50;1\nA-2;Teh;4.000;2\nA-3;;3.000;1\nA-4;Jahe’s;abc;-3\n")
        let found = problems {
            try shop.store.catalogue.importCatalogue(path: shop.folder.write("bad.csv", bytes: bytes), dryRun: false, actor: "t")
        }
        #expect(found.count == 4)
        #expect(found.contains { $0.hasPrefix("line 2: harga: 'Rp 5.000,50'") })
        #expect(found.contains { $0.hasPrefix("line 4: nama: ") })
        #expect(found.contains { $0.hasPrefix("line 5: harga: 'abc'") })
        #expect(found.contains { $0.hasPrefix("line 5: stok: '-3' is negative") })
        #expect(try shop.store.catalogue.products(includeInactive: true).isEmpty)
    }

    @Test(
        "money cells in Excel's currency and accounting forms are read as whole rupiah",
        arguments: [
            ("Rp 5.000,00", 5_000), ("5.000,-", 5_000), ("Rp. 7.500", 7_500), ("Rp.7.500", 7_500), ("rp 12.500,0", 12_500),
            ("Rp12.500,-", 12_500), ("12500", 12_500),
        ])
    func moneyCellForms(cell: String, rupiah: Int64) throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(
            path: shop.csv("m.csv", ["sku;name;price", "TEH;Teh Celup;\(cell)"]), dryRun: false, actor: "test")
        #expect(try shop.store.catalogue.product(sku: "TEH")?.product.price == Money(rupiah))
    }

    @Test("a non-zero decimal part is still refused, named as the cell was written", arguments: ["Rp 5.000,50", "5.000,5", "Rp. 7.500,01"])
    func decimalMoneyRefused(cell: String) throws {
        let shop = try TestShop()
        let found = problems {
            try shop.store.catalogue.importCatalogue(
                path: shop.csv("m.csv", ["sku;name;price", "TEH;Teh Celup;\(cell)"]), dryRun: false, actor: "t")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("line 2: price: '\(cell)'") == true)
    }

    @Test("Indonesian and spaced header names are the catalogue's columns")
    func indonesianHeaders() throws {
        let shop = try TestShop()
        let path = shop.csv(
            "id.csv",
            [
                "SKU;Nama;Harga;Harga Anggota;Barkode;Kategori;Satuan;Stok;Harga-Pokok;Pajak;Lokal;Asal;Penitip;Harga Penitip;AKTIF",
                "KRP-1;Keripik Singkong;15.000;14.000;8991002101012;Makanan Ringan;pcs;12;11.000;bebas;ya;UMKM Bu Sari;BU-SARI;12.000;ya",
            ])
        #expect(try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test").created == 1)
        let chips = try #require(try shop.store.catalogue.product(sku: "KRP-1"))
        let p = chips.product
        #expect(p.name == "Keripik Singkong" && p.price == Money(15_000) && p.memberPrice == Money(14_000))
        #expect(p.barcodes == ["8991002101012"] && p.category == "makanan ringan" && p.cost == Money(11_000))
        #expect(p.tax == .exempt && p.isLocal && p.origin == "UMKM Bu Sari")
        #expect(p.consignor == "BU-SARI" && p.consignorPrice == Money(12_000) && p.isActive)
        #expect(chips.onHand == Quantity(whole: 12))
    }

    @Test("two names for one column are refused, naming both as the file wrote them")
    func aliasTwice() throws {
        let shop = try TestShop()
        let found = problems {
            try shop.store.catalogue.importCatalogue(
                path: shop.csv("x.csv", ["sku,nama,harga,modal,harga_pokok", "A,Teh,1000,500,500"]), dryRun: false, actor: "t")
        }
        #expect(found == ["line 1: harga_pokok: the column appears twice (also as modal)"])
    }

    @Test("members' Indonesian headers, and a member file that only changes the tier")
    func memberHeaders() throws {
        let shop = try TestShop()
        _ = try shop.store.members.importMembers(
            path: shop.csv("m.csv", ["Nomor;Nama;Telepon;Batas Kredit;Aktif", "A-1;Siti Aminah;0812 3456 789;Rp 500.000,00;ya"]),
            dryRun: false, actor: "test")
        let siti = try #require(try shop.store.members.member(number: "A-1"))
        #expect(siti.name == "Siti Aminah" && siti.creditLimit == Money(500_000) && siti.phone == "0812 3456 789")
        _ = try shop.store.members.importMembers(path: shop.csv("t.csv", ["nomor,tingkat", "A-1,anggota"]), dryRun: false, actor: "test")
        #expect(try shop.store.members.member(number: "A-1")?.name == "Siti Aminah")
        let found = problems {
            try shop.store.members.importMembers(path: shop.csv("n.csv", ["nomor,telepon", "A-2,08123456789"]), dryRun: false, actor: "t")
        }
        #expect(found == ["line 2: name: a new member needs a name; the file has no name column"])
    }

    @Test("a price-only file updates existing products and keeps every other column")
    func priceOnlyUpdate() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let before = try #require(try shop.store.catalogue.product(sku: "KOPI-DESA"))
        let report = try shop.store.catalogue.importCatalogue(
            path: shop.csv("p.csv", ["sku;harga", "KOPI-DESA;Rp 31.000", "GULA-AREN;18.000"]), dryRun: false, actor: "test")
        #expect(report.updated == 1 && report.unchanged == 1)
        let after = try #require(try shop.store.catalogue.product(sku: "KOPI-DESA"))
        var expected = before.product
        expected.price = Money(31_000)
        #expect(after.product == expected)
        #expect(after.onHand == before.onHand)
        let found = problems {
            try shop.store.catalogue.importCatalogue(path: shop.csv("n.csv", ["sku,price", "NEW-1,5000"]), dryRun: false, actor: "t")
        }
        #expect(found == ["line 2: name: a new product needs a name; the file has no name column"])
    }

    @Test(
        "text with a line break, a tab or another control character is refused",
        arguments: ["two\nlines", "Teh\tBotol", "Kopi\u{7}", "Gula\u{85}"])
    func controlCharacters(name: String) throws {
        let shop = try TestShop()
        let quoted = "\"" + name + "\""
        let found = problems {
            try shop.store.catalogue.importCatalogue(
                path: shop.csv("c.csv", ["sku,name,price", "A,\(quoted),1000", "B,ok,1000"]), dryRun: false, actor: "t")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("line 2: name: the name holds a line break or another control character") == true)
        #expect(try shop.store.catalogue.products(includeInactive: true).isEmpty)
        #expect(throws: StoreError.self) {
            try shop.store.catalogue.addProduct(Product(sku: "C", name: name, price: Money(1000)), actor: "t")
        }
    }

    @Test("a negative count is refused in a catalogue file, a counts file and a single count")
    func negativeCounts() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let catalogue = problems {
            try shop.store.catalogue.importCatalogue(path: shop.csv("s.csv", ["sku,stock", "GULA-PSR,-3"]), dryRun: false, actor: "t")
        }
        #expect(catalogue.count == 1 && catalogue[0].hasPrefix("line 2: stock: '-3' is negative"))
        let counts = problems { try shop.store.stock.importCounts(path: shop.csv("n.csv", ["sku,stok", "GULA-PSR,-2"]), actor: "t") }
        #expect(counts.count == 1 && counts[0].hasPrefix("line 2: stok: '-2' is negative"))
        #expect {
            try shop.store.stock.count(sku: "GULA-PSR", counted: "-2", actor: "t")
        } throws: { error in
            String(describing: error).contains("'-2' is negative")
        }
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.onHand == Quantity(whole: 40))
    }

    @Test("the Excel export has a BOM, ';' and decimal commas, and imports back to no change")
    func excelExportRoundTrip() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        _ = try shop.store.stock.adjust(sku: "GULA-PSR", quantity: "45", reason: .lost, note: nil, actor: "test")  // on hand -5
        let first = try shop.store.catalogue.exportCatalogue(excel: true)
        let bytes = Array(first.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF, 0x73, 0x6B, 0x75, 0x3B]))  // BOM, "sku;"
        #expect(first.contains("\nTLR-RAS;;Telur Ayam Ras;sembako;kg;30000;;27000;exempt;no;;;;00016;12,5;5;yes;yes;\n"))
        #expect(
            first.contains("\nKOPI-DESA;1001;Kopi Robusta Bubuk Desa 250 g;minuman;pcs;30000;;24000;ppn;yes;KT Makmur, Desa Cibeureum;"))
        // A stock below zero is not a count: left empty, so the file imports back.
        #expect(first.contains("\nGULA-PSR;8992388101016;Gula Pasir Gulaku 1 kg;sembako;pcs;17500;;16000;exempt;no;;;;;;10;yes;yes;\n"))
        let path = shop.folder.write("excel.csv", first)
        let dry = try shop.store.catalogue.importCatalogue(path: path, dryRun: true, actor: "test")
        #expect(dry.unchanged == 6 && dry.updated == 0 && dry.created == 0 && dry.stockCounts == 0)
        let journal = try shop.store.journal.verifyAudit().entriesChecked
        let report = try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "test")
        #expect(report.unchanged == 6 && report.stockCounts == 0)
        #expect(try shop.store.journal.verifyAudit().entriesChecked == journal)
        #expect(try shop.store.catalogue.exportCatalogue(excel: true) == first)
    }

    @Test("changing one product is journaled; a price of 0 needs free")
    func changeProduct() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let (before, after) = try shop.store.catalogue.changeProduct(sku: "KOPI-KPA", actor: "test") { product in
            product.price = Money(17_000)
            product.memberPrice = Money(16_000)
        }
        #expect(before.price == Money(16_500) && after.price == Money(17_000))
        let entry = try #require(try shop.store.journal.auditEntries(last: 1, kind: "product.changed").last)
        #expect(entry.payload.contains("\"price\":[16500,17000]") && entry.payload.contains("\"member_price\":[15300,16000]"))
        #expect {
            try shop.store.catalogue.changeProduct(sku: "KOPI-KPA", actor: "test") { $0.price = .zero }
        } throws: { error in
            (error as? StoreError)?.message.contains("--free") == true
        }
        #expect(try shop.store.catalogue.product(sku: "KOPI-KPA")?.product.price == Money(17_000))
        try shop.store.catalogue.changeProduct(sku: "KOPI-KPA", free: true, actor: "test") {
            $0.price = .zero
            $0.memberPrice = nil
        }
        #expect(try shop.store.catalogue.product(sku: "KOPI-KPA")?.product.price == .zero)
    }
}
