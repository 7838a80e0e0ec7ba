import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport
import ToraTill

/// Bounded random testing (a seeded harness, so any failure replays): the parsers, the
/// CSV importer and the till itself take garbage without crashing and without a partial
/// write. A crashing input found here becomes a regression test of its own.
@Suite("fuzzing the inputs")
struct FuzzTests {
    static let alphabet: [Character] = Array("0123456789 *x#?.,%-_+RpMmKkOoPpAaYy\t\"';|\u{00E9}\u{20AC}\u{FEFF}\r\n") + ["\r\n", "🙂"]

    static func randomText(_ random: inout SeededGenerator, maxLength: Int = 24) -> String {
        String((0..<random.next(upTo: maxLength + 1)).map { _ in alphabet[random.next(upTo: alphabet.count)] })
    }

    @Test("parsers of till lines, codes, money, quantities and rates never crash, and what they accept is in range")
    func parsers() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let text = Self.randomText(&random)
            _ = TillParser.parse(text)
            if let money = try? Money.parse(text, allowNegative: true) { #expect(money.rupiah.magnitude <= Money.maximum.rupiah.magnitude) }
            for unit in MeasureUnit.allCases {
                if let quantity = try? Quantity.parse(text, unit: unit) {
                    #expect(Quantity.range(for: unit, purpose: .saleLine).contains(quantity.thousandths))
                }
            }
            if case .weighed(_, let quantity)? = try? ScannedCode.interpret(text) { #expect(quantity.thousandths > 0) }
            if let rate = try? TaxRate.parse(text) { #expect((0...10_000).contains(rate.hundredthsOfPercent)) }
        }
    }

    @Test("a damaged catalogue file either imports whole or changes nothing")
    func csvImport() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "t")
        let original = Array(SampleCatalogue.lines.joined(separator: "\n").utf8)
        var random = SeededGenerator(seed: 29)
        var refused = 0
        for round in 0..<150 {
            var bytes = original
            for _ in 0..<(1 + random.next(upTo: 6)) {
                let position = random.next(upTo: bytes.count)
                switch random.next(upTo: 5) {
                case 0: bytes[position] = UInt8(random.next(upTo: 256))
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(UInt8(ascii: "\""), at: position)
                case 3: bytes.insert(contentsOf: Array(";,|\n".utf8).shuffled(using: &random), at: position)
                default: bytes[position] = UInt8(ascii: "9")
                }
            }
            let before = try shop.store.catalogue.exportCatalogue()
            let path = shop.folder.write("fuzz-\(round).csv", bytes: bytes)
            do {
                _ = try shop.store.catalogue.importCatalogue(path: path, dryRun: false, actor: "fuzz")
            } catch let error as StoreError {
                refused += 1
                #expect(error.exitCode == 65)
                #expect(try shop.store.catalogue.exportCatalogue() == before, "a refused file changed the catalogue (round \(round))")
            }
        }
        #expect(refused > 50)
        #expect(try shop.store.journal.verifyAudit().isIntact)
        #expect(try shop.store.stock.stockLedgerMismatches().isEmpty)
    }

    @Test("random lines at the till never crash it, and the books still balance")
    func tillSession() throws {
        var till = try TillHarness()
        till.login()
        let vocabulary = [
            "KOPI-KPA", "GULA-PSR", "8991002101012", "8991002101013", "2000016012552", "2200016150005", "3*MINYAKITA", "0,7*TLR-RAS",
            "TLR-RAS", "?kopi", "#1", "#9", "member M1", "anggota NOPE", "void 1", "void 2", "qty 1 3", "qty 2 0", "disc 1 10%",
            "disc 1 999999", "price 1 1000", "02", "2345", "total", "pay", "pay 5000", "pay qris 1000", "pay debit", "pay credit", "park",
            "resume", "resume 1", "cancel", "reprint", "x", "help", "refund 01-20261129-0001", "1", "1 1", "batal", "",
        ]
        var random = SeededGenerator(seed: 47)
        for _ in 0..<1_500 {
            let line = random.next(upTo: 10) == 0 ? Self.randomText(&random) : vocabulary[random.next(upTo: vocabulary.count)]
            let reply = till.session.handle(line)
            #expect(!reply.isFinished, "the till ended on '\(line)'")
        }
        let store = till.shop.store
        #expect(try store.stock.stockLedgerMismatches().isEmpty)
        #expect(try store.dayTotalsMismatches().isEmpty)
        #expect(try store.journal.verifyAudit().isIntact)
        let report = try store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(report.payments.values.reduce(0) { $0 + $1.rupiah } == report.net.rupiah)
    }
}
