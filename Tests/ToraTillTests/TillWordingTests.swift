import Foundation
import Testing
import ToraCore
import ToraResources
import ToraStore
import ToraTestSupport
import ToraTill

@Suite("till wording")
struct TillWordingTests {
    @Test(
        "keluar, quit and exit at the login prompt leave the till instead of being taken for a user code",
        arguments: ["keluar", "quit", "EXIT"])
    func quitAtLogin(word: String) throws {
        for language in Translations.languages {
            var till = try TillHarness(language: language)
            let reply = till.session.handle(word)
            #expect(reply.isFinished, "\(language): \(word) asked for \(reply.prompt.text)")
            #expect(reply.lines == [try Translations.load(language).text("login.bye")])
            var atPIN = try TillHarness(language: language)
            _ = atPIN.session.handle("01")
            #expect(atPIN.session.handle(word).isFinished)
        }
        var till = try TillHarness()
        till.type(word)
        #expect(try till.shop.store.journal.auditEntries(last: 10, kind: "login.failed").isEmpty)
    }

    @Test("the running total counts lines and items apart: 3 lines, 5 items; a weighed line is one item")
    func linesAndItems() throws {
        var indonesian = try TillHarness(language: "id")
        indonesian.login()
        indonesian.type("3*KOPI-KPA", "GULA-PSR", "0,5*TLR-RAS", "MINYAKITA")
        #expect(indonesian.type("batal 4").contains("(3 baris, 5 barang)"))
        var english = try TillHarness(language: "en")
        english.login()
        #expect(english.type("KOPI-KPA").contains("(1 line, 1 item)"))
        #expect(english.type("2*GULA-PSR").contains("(2 lines, 3 items)"))
        english.type("park")
        #expect(english.type("resume").contains("1. register 01, 2 lines, 3 items, Rp51.500"))
        indonesian.type("simpan", "tutup")
        #expect(indonesian.type("0").contains("Masih tersimpan: transaksi 1 (disimpan, 3 baris, 5 barang)"), "\(indonesian.screen)")
    }

    @Test("Kasir is the cashier, Mesin kasir the register: the id till never calls register 01 'Kasir 01'")
    func oneWordForTheRegister() throws {
        var till = try TillHarness(language: "id")
        till.screen = till.session.start().lines
        till.login()
        till.type("KOPI-KPA", "park", "resume", "x", "reprint")
        let screen = till.screen.joined(separator: "\n")
        #expect(screen.contains("Mesin kasir 01") && screen.contains("mesin kasir 01"), "\(screen)")
        #expect(screen.contains("(kasir 01)"), "the X report names the cashier 01 as kasir: \(screen)")
        let rest = screen.replacingOccurrences(of: "Mesin kasir 01", with: "").replacingOccurrences(of: "mesin kasir 01", with: "")
            .replacingOccurrences(of: "(kasir 01)", with: "")
        #expect(!rest.lowercased().contains("kasir 01"), "the register called kasir: \(screen)")
    }

    @Test("a local product is suggested only of the same category and unit, at most once per category in a sale")
    func localHint() throws {
        var till = try TillHarness(language: "en")
        _ = try till.shop.store.catalogue.importCatalogue(
            path: till.shop.csv(
                "local.csv",
                [
                    SampleCatalogue.lines[0],
                    "BERAS-DESA,,Beras Pandan Wangi Desa,sembako,kg,14000,,12000,exempt,yes,Poktan Desa,,,,100,5,yes,yes",
                    "INDOMIE,,Indomie Goreng,sembako,pcs,3500,,3000,ppn,no,,,,,100,5,yes,yes",
                ]), dryRun: false, actor: "t")
        till.login()
        let noodles = till.type("INDOMIE")
        #expect(!noodles.contains("Beras") && noodles.contains("Local product available: Gula Aren Cetak 500 g Rp18.000"), "\(noodles)")
        #expect(!till.type("GULA-PSR").contains("Local product"), "the sembako hint was already given in this sale")
        #expect(!till.type("MINYAKITA").contains("Local product"))
        #expect(!till.type("0,5*TLR-RAS").contains("Local product"), "one hint per category, even for another unit")
        #expect(!till.type("KOPI-KPA").contains("Beras"))
        till.type("pay 100000")
        #expect(till.type("0,5*TLR-RAS").contains("Local product available: Beras Pandan Wangi Desa Rp14.000/kg"))
        #expect(till.type("INDOMIE").contains("Local product") == false)
        till.type("pay 100000")
        let next = till.type("KOPI-KPA")
        #expect(next.contains("Kopi Robusta Bubuk Desa"), "a new sale may suggest again: \(next)")
        #expect(till.screen.filter { $0.contains("Local product") }.count == 4)
    }
}
