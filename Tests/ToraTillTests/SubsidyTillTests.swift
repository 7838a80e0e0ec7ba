import Synchronization
import Testing
import ToraCore
import ToraResources
import ToraStore
import ToraTestSupport
import ToraTill

/// Subsidised goods at the till, in both languages (docs/subsidised-goods.md).
@Suite("subsidised goods at the till")
struct SubsidyTillTests {
    /// A till in `language` on the sample shop, Minyakita in a programme of 2 a day that
    /// needs the buyer's NIK, and member M2 with a NIK on file.
    func till(_ language: String) throws -> TillHarness {
        var till = try TillHarness(language: language)
        try till.shop.store.subsidy.setProgramme(
            SubsidyProgramme(
                code: "MINYAK", name: "Minyakita", het: Money(15_700), limit: Quantity(whole: 2), period: .day, nikRequired: true),
            actor: "t")
        try till.shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "t") { $0.subsidy = "MINYAK" }
        try till.shop.store.members.addMember(Member(number: "M2", name: "Siti", nik: "3201015501900001"), actor: "t")
        till.login()
        return till
    }

    @Test(
        "a named buyer buys up to the limit; the next sale is told what remains; the NIK is only ever shown masked",
        arguments: ["id", "en"])
    func buyerAndLimit(language: String) throws {
        var till = try till(language)
        let texts = try Translations.load(language)
        #expect(till.type("MINYAKITA") == texts.text("error.nik_required", ["name": "Minyakita 1 L", "programme": "MINYAK"]))
        #expect(till.type("nik 3201 0155 0190 0001").hasPrefix(texts.text("sale.buyer", ["nik": "3201********0001"])))
        till.type("MINYAKITA", "pay")
        let receipt = try #require(till.sink.receipts.withLock { $0.last })
        #expect(receipt.buyerNIK == "3201********0001")
        // The next sale: the same buyer, one left.
        till.type("nik 3201015501900001")
        #expect(
            till.type("2*MINYAKITA")
                == texts.text(
                    "error.subsidy_limit",
                    ["programme": "MINYAK", "nik": "3201********0001", "remaining": "1", "unit": "pcs", "limit": "2"]))
        till.type("MINYAKITA")
        #expect(
            till.type("qty 1 2")
                == texts.text(
                    "error.subsidy_limit",
                    ["programme": "MINYAK", "nik": "3201********0001", "remaining": "1", "unit": "pcs", "limit": "2"]))
        till.type("pay")
        #expect(!till.screen.joined().contains("3201015501900001"))
        let rows = try till.shop.store.subsidy.subsidySales(programme: "MINYAK", from: "2026-11-29", to: "2026-11-29")
        #expect(rows.map(\.quantity) == [.one, .one])
        #expect(try till.shop.store.journal.verifyAudit().isIntact)
    }

    @Test("a member with a NIK on file names the buyer; a parked sale holds no units", arguments: ["id", "en"])
    func memberNamesBuyer(language: String) throws {
        var till = try till(language)
        let texts = try Translations.load(language)
        till.type("2*MINYAKITA")
        #expect(till.screen.last == texts.text("error.nik_required", ["name": "Minyakita 1 L", "programme": "MINYAK"]))
        #expect(till.type("member M2").contains(texts.text("sale.buyer", ["nik": "3201********0001"])))
        till.type("2*MINYAKITA", "park")
        till.type("nik 3201015501900001", "2*MINYAKITA", "pay")
        #expect(till.screen.contains { $0.contains("01-20261129-0001") })
        // The parked sale is now past the limit: resumed and paid, it is refused and stays open.
        till.type("resume 1")
        #expect(
            till.type("pay")
                == texts.text(
                    "error.subsidy_limit",
                    ["programme": "MINYAK", "nik": "3201********0001", "remaining": "0", "unit": "pcs", "limit": "2"]))
        #expect(try till.shop.store.subsidy.subsidySales(programme: "MINYAK", from: "2026-11-29", to: "2026-11-29").count == 1)
    }

    @Test("a supervisor's own price override above the HET is refused too; at the HET it is taken", arguments: ["id", "en"])
    func supervisorHET(language: String) throws {
        var till = try TillHarness(language: language)
        let texts = try Translations.load(language)
        try till.shop.store.subsidy.setProgramme(
            SubsidyProgramme(
                code: "MINYAK", name: "Minyakita", het: Money(15_700), limit: Quantity(whole: 2), period: .day, nikRequired: false),
            actor: "t")
        try till.shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "t") { $0.subsidy = "MINYAK" }
        till.type("02", "2345", "0", "MINYAKITA")
        #expect(
            till.type("price 1 15701")
                == texts.text("error.above_het", ["price": "Rp15.701", "het": "Rp15.700", "programme": "MINYAK", "sku": "MINYAKITA"]))
        #expect(!till.type("price 1 15000").contains("HET"))
    }
}
