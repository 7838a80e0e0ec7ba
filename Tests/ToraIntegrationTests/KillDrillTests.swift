import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The kill -9 drill of issue 6: a till killed at random moments, restarted each time,
/// until a scripted run of sales is through. Short in the test suite; `scripts/drill`
/// runs it long (TORA_DRILL_SALES, TORA_DRILL_KILLS).
@Suite("kill -9 drill")
struct KillDrillTests {
    let tora: ToraBinary
    let folder = TemporaryFolder("tora-drill")
    var db: String { folder.file("shop.sqlite") }
    var env: [String: String] { ["TORA_DB": db, "TORA_NOW": "2026-11-29T08:00:00+07:00"].merging(ToraShopFolder.signIn) { $1 } }

    init() throws { tora = try ToraBinary.locate() }

    static let codes = ["KOPI-KPA", "GULA-PSR", "MINYAKITA", "KOPI-DESA", "8991002101012", "0,25*TLR-RAS"]
    static let prices: [String: Int64] = [
        "KOPI-KPA": 16_500, "GULA-PSR": 17_500, "MINYAKITA": 15_700, "KOPI-DESA": 30_000, "8991002101012": 16_500, "0,25*TLR-RAS": 7_500,
    ]

    @Test("killed at random points, the till loses no sale, half-writes none, and resumes every open sale")
    func drill() throws {
        let environment = ProcessInfo.processInfo.environment
        let salesWanted = Int(environment["TORA_DRILL_SALES"] ?? "") ?? 60
        let killsWanted = Int(environment["TORA_DRILL_KILLS"] ?? "") ?? 12
        var random = SeededGenerator(seed: UInt64(environment["TORA_DRILL_SEED"] ?? "") ?? 20_261_129)
        let setup = [
            ["init"] + ToraShopFolder.managerFlags,
            ["catalogue", "import", folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))],
        ]
        for arguments in setup { #expect(try tora.run(arguments, environment: env).status == 0) }
        #expect(
            try tora.run(["users", "add", "--code", "01", "--name", "Kasir", "--role", "cashier"], stdin: "1234\n", environment: env).status
                == 0)
        let store = try ShopStore(path: db)
        let before = Dictionary(
            uniqueKeysWithValues: try store.catalogue.products(includeInactive: true).map { ($0.product.sku, $0.onHand) })

        // The script: each sale 1–4 lines, then exact cash.
        let script: [[String]] = (0..<salesWanted).map { _ in (0..<random.next(in: 1...4)).map { _ in Self.codes[random.next(in: 0...5)] } }
        let expectedNet = script.joined().reduce(Int64(0)) { $0 + (Self.prices[$1] ?? 0) }

        var kills = 0
        var restarts = 0
        while true {
            restarts += 1
            #expect(restarts < salesWanted * 6 + killsWanted * 4, "the drill is not making progress")
            let till = try LiveTora(tora, arguments: ["till", "--register", "01", "--lang", "en"], environment: env)
            till.send("01")
            till.send("1234")
            #expect(till.waitFor("PIN ****"), "\(till.text)")
            #expect(till.waitFor("01> ") || till.waitFor("(cash in the drawer) "), "\(till.text)")
            if till.text.contains("Opening float") {
                till.send("0")
                #expect(till.waitFor("01> "), "\(till.text)")
            }
            // Where the books say we are: completed sales, and the lines of the open sale.
            let completed = try store.sales.receiptNumbers().count
            guard completed < salesWanted else {
                _ = till.finish()
                break
            }
            var lines = try store.sales.openSale(register: "01")?.sale.lines.count ?? 0
            var sale = completed
            var answers = till.text.components(separatedBy: "01> ").count - 1
            let killAfter = kills < killsWanted ? random.next(in: 1...8) : Int.max
            var sent = 0
            while sale < salesWanted && sent < killAfter {
                let items = script[sale]
                let line = lines < items.count ? items[lines] : "pay"
                till.send(line)
                sent += 1
                if sent == killAfter && random.next(in: 0...1) == 0 { break }  // kill while it works on the line
                answers += 1
                #expect(till.waitFor("01> ", count: answers), "no answer to \(line): \(till.text.suffix(400))")
                if line == "pay" {
                    sale += 1
                    lines = 0
                } else {
                    lines += 1
                }
            }
            if sent >= killAfter {
                till.kill9()
                kills += 1
            } else {
                till.send("quit")
                _ = till.finish()
            }
        }

        #expect(kills >= killsWanted)
        let numbers = try store.sales.receiptNumbers()
        #expect(numbers == (1...salesWanted).map { String(format: "01-20261129-%04d", $0) })
        let report = try store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(report.net == Money(expectedNet), "a sale was lost or written twice")
        #expect(report.salesCount == salesWanted)
        #expect(try store.sales.openSale(register: "01") == nil)
        #expect(try store.stock.stockLedgerMismatches().isEmpty)
        #expect(try store.dayTotalsMismatches().isEmpty)
        #expect(try store.journal.verifyAudit().isIntact)
        #expect(try store.integrityCheck() == "ok")
        let sold = script.joined().reduce(into: [String: Int64]()) { totals, code in
            switch code {
            case "8991002101012": totals["KOPI-KPA", default: 0] += 1000
            case "0,25*TLR-RAS": totals["TLR-RAS", default: 0] += 250
            default: totals[code, default: 0] += 1000
            }
        }
        for stocked in try store.catalogue.products(includeInactive: true) {
            let expected = (before[stocked.product.sku]?.thousandths ?? 0) - (sold[stocked.product.sku] ?? 0)
            #expect(stocked.onHand.thousandths == expected, "\(stocked.product.sku)")
        }
    }
}
