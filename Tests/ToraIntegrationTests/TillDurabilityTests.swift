import Foundation
import Synchronization
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The till's core promise: nothing typed is lost, not on `kill -9`, not with four
/// registers writing one database file at once.
@Suite("till durability")
struct TillDurabilityTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-durable", now: "2026-11-29T10:00:00+07:00") }

    func makeShop(cashiers: [String]) throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        for code in cashiers {
            try shop.ok(["users", "add", "--code", code, "--name", "Kasir \(code)", "--role", "cashier"], stdin: "1234\n")
        }
    }

    @Test("a register cannot be opened twice at once")
    func oneTillPerRegister() throws {
        try makeShop(cashiers: ["01"])
        let first = try LiveTora(shop.tora, arguments: ["till", "--register", "01", "--lang", "en"], environment: shop.env)
        #expect(first.waitFor("Cashier code"))
        let second = try shop.tora.run(["till", "--register", "01"], stdin: "01\n1234\n", environment: shop.env)
        #expect(second.status == 65 && second.stderr.contains("mesin kasir 01 sudah dibuka di till lain"), "\(second.stderr)")
        let english = try shop.tora.run(["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n", environment: shop.env)
        #expect(english.status == 65 && english.stderr.contains("register 01 is already open in another till"))
        first.kill9()
        let third = try shop.tora.run(["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n0\nquit\n", environment: shop.env)
        #expect(third.status == 0 && third.stdout.contains("Ready."))
    }

    @Test("after kill -9 mid-sale the next login finds the same open sale and finishes it")
    func killNineResumesTheSale() throws {
        try makeShop(cashiers: ["01"])
        let first = try LiveTora(shop.tora, arguments: ["till", "--register", "01", "--lang", "en"], environment: shop.env)
        for line in ["01", "1234", "50000", "2*KOPI-KPA", "GULA-PSR", "void 2", "0,75*TLR-RAS"] { first.send(line) }
        #expect(first.waitFor("3. Telur Ayam Ras"), "\(first.text)")
        first.send("pay qris 10000")
        #expect(first.waitFor("Received QRIS Rp10.000"), "\(first.text)")
        first.kill9()

        let again = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"], stdin: ["01", "1234", "total", "pay", "quit"].joined(separator: "\n") + "\n",
            environment: shop.env)
        // 2 × 16.500 + 0,75 kg × 30.000 (22.500) = 55.500; QRIS 10.000 already taken, 45.500 cash.
        #expect(again.stdout.contains("The unfinished sale continues:"))
        #expect(again.stdout.contains("2. [VOID] Gula Pasir Gulaku 1 kg"))
        #expect(again.stdout.contains("TOTAL       Rp55.500"))
        #expect(again.stdout.contains("Paid. Receipt 01-20261129-0001"))
        let report = try shop.ok(["report", "eod", "--format", "json"])
        #expect(report.contains("\"net\": 55500"))
        #expect(report.contains("\"qris\": 10000"))
        #expect(report.contains("\"cash\": 45500"))
        #expect(try ShopStore(path: shop.db).stock.stockLedgerMismatches().isEmpty)
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("four registers at once: gapless receipts per register, no stock update lost")
    func fourRegistersAtOnce() throws {
        let registers = ["01", "02", "03", "04"]
        try makeShop(cashiers: registers)
        let salesPerRegister = 200
        let before = try ShopStore(path: shop.db).catalogue.products(includeInactive: true)
        var scripts: [String: String] = [:]
        for register in registers {
            var lines = [register, "1234", "0"]
            for index in 0..<salesPerRegister {
                // Two products per sale, one of them shared by every register.
                lines += ["KOPI-KPA", index % 2 == 0 ? "GULA-PSR" : "MINYAKITA", "pay"]
            }
            lines.append("quit")
            scripts[register] = lines.joined(separator: "\n") + "\n"
        }
        let results = Mutex<[String: ToraRun]>([:])
        let inputs = scripts
        let binary = shop.tora
        let environment = shop.env
        DispatchQueue.concurrentPerform(iterations: registers.count) { index in
            let register = registers[index]
            let run = try? binary.run(
                ["till", "--register", register, "--lang", "en"], stdin: inputs[register] ?? "", environment: environment)
            results.withLock { $0[register] = run }
        }
        let runs = results.withLock { $0 }
        for register in registers {
            let run = try #require(runs[register])
            #expect(run.status == 0)
            #expect(
                !run.stdout.contains("busy"),
                "register \(register) saw: \(run.stdout.split(separator: "\n").filter { $0.contains("busy") }.prefix(3))")
            #expect(run.stdout.components(separatedBy: "Paid. Receipt").count - 1 == salesPerRegister)
        }
        let store = try ShopStore(path: shop.db)
        let numbers = try store.sales.receiptNumbers()
        for register in registers {
            let expected = (1...salesPerRegister).map { String(format: "%@-20261129-%04d", register, $0) }
            #expect(numbers.filter { $0.hasPrefix(register + "-") } == expected)
        }
        let after = Dictionary(
            uniqueKeysWithValues: try store.catalogue.products(includeInactive: true).map { ($0.product.sku, $0.onHand) })
        let sold = ["KOPI-KPA": 4 * salesPerRegister, "GULA-PSR": 4 * salesPerRegister / 2, "MINYAKITA": 4 * salesPerRegister / 2]
        for product in before {
            let expected = product.onHand.thousandths - Int64(sold[product.product.sku] ?? 0) * 1000
            #expect(after[product.product.sku]?.thousandths == expected, "\(product.product.sku)")
        }
        #expect(try store.stock.stockLedgerMismatches().isEmpty)
        #expect(try store.journal.verifyAudit().isIntact)
    }

    @Test("four registers with reports and backups running beside them: no cashier sees a busy database")
    func registersWithReportsAndBackups() throws {
        let registers = ["01", "02", "03", "04"]
        try makeShop(cashiers: registers)
        let salesPerRegister = 100
        var scripts: [String: String] = [:]
        for register in registers {
            scripts[register] =
                ([register, "1234", "0"] + Array(repeating: ["KOPI-KPA", "pay"], count: salesPerRegister).joined() + ["quit"])
                .joined(separator: "\n") + "\n"
        }
        let inputs = scripts
        let binary = shop.tora
        let environment = shop.env
        let backups = (1...3).map { shop.folder.file("backup-\($0).sqlite") }
        let results = Mutex<[String: ToraRun]>([:])
        DispatchQueue.concurrentPerform(iterations: registers.count + 1) { index in
            if index == registers.count {
                // The manager: Z reports and backups while the tills ring.
                for backup in backups {
                    for round in 0..<5 {
                        let run = try? binary.run(["report", "eod", "--format", "json"], environment: environment)
                        results.withLock { $0["report-\(backup)-\(round)"] = run }
                    }
                    let run = try? binary.run(["backup", backup], environment: environment)
                    results.withLock { $0["backup-\(backup)"] = run }
                }
                return
            }
            let register = registers[index]
            let run = try? binary.run(
                ["till", "--register", register, "--lang", "en"], stdin: inputs[register] ?? "", environment: environment)
            results.withLock { $0[register] = run }
        }
        let runs = results.withLock { $0 }
        #expect(runs.count == registers.count + backups.count * 6)
        for (name, run) in runs {
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(!run.stdout.contains("busy") && !run.stderr.contains("busy"), "\(name)")
        }
        for backup in backups {
            let copy = try ShopStore(path: backup)
            #expect(try copy.integrityCheck() == "ok")
            #expect(try copy.journal.verifyAudit().isIntact)
            #expect(try copy.stock.stockLedgerMismatches().isEmpty)
        }
        let store = try ShopStore(path: shop.db)
        #expect(try store.sales.receiptNumbers().count == registers.count * salesPerRegister)
        #expect(try store.catalogue.product(sku: "KOPI-KPA")?.onHand == Quantity(whole: 30 - Int64(registers.count * salesPerRegister)))
    }
}
