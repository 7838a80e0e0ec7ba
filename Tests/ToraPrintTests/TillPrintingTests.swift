import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraPrint
import ToraStore
import ToraTestSupport

/// The real `tora till` printing through a private cupsd, and losing nothing when cupsd
/// goes away mid-shift.
extension CupsTests {
    @Suite("the till prints through CUPS")
    struct TillPrinting {
        let cups: PrivateCups
        let printer: CaptureListener
        let tora: ToraBinary
        let folder = TemporaryFolder("tora-till-print")
        var db: String { folder.file("shop.sqlite") }
        var env: [String: String] {
            cups.environment.merging(["TORA_DB": db, "TORA_NOW": "2026-11-29T09:30:00+07:00"]) { $1 }.merging(ToraShopFolder.signIn) { $1 }
        }

        init() throws {
            cups = try PrivateCups()
            printer = try CaptureListener()
            try cups.addRawQueue("kasir", printingTo: printer)
            tora = try ToraBinary.locate()
        }

        @discardableResult
        func ok(_ arguments: [String], stdin: String = "") throws -> ToraRun {
            let run = try tora.run(arguments, stdin: stdin, environment: env)
            #expect(run.status == 0, "tora \(arguments.joined(separator: " ")): \(run.stderr)")
            return run
        }

        func makeShop() throws {
            try ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
            try ok(["catalogue", "import", folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
            try ok(["users", "add", "--code", "01", "--name", "Siti", "--role", "cashier"], stdin: "1234\n")
            try ok(["config", "set", "printer.queue", "kasir"])
        }

        /// What `tora` lays out for a stored receipt, through the same templates and settings.
        func expectedBytes(_ number: String) throws -> [UInt8] {
            let receipt = try #require(try ShopStore(path: db).sales.receipt(number: number, asCopy: false))
            let service = ReceiptPrintService.forShop(databasePath: db, queue: "kasir", paper: "58", codePage: "pc437", environment: env)
            return service.render(receipt).bytes
        }

        @Test("a sale rung at the till reaches the printer as exactly the receipt it laid out, with drawer pulse, barcode and QR")
        func saleReachesThePrinter() throws {
            try makeShop()
            let run = try ok(
                ["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n0\n2*KOPI-KPA\nTLR-RAS\n0,5*TLR-RAS\npay 50000\nquit\n")
            #expect(run.stdout.contains("Receipt 01-20261129-0001 printed"))
            let job = try #require(printer.waitForJobs(1).first)
            #expect(job == (try expectedBytes("01-20261129-0001")))
            let hash = try #require(try ShopStore(path: db).journal.auditEntries(last: 1, kind: "sale.completed").first?.hash)
            #expect(job.starts(with: [0x1B, 0x40]))  // ESC @
            #expect(job.contains(subsequence: [0x1B, 0x70, 0x00]))  // ESC p: a cash sale opens the drawer
            #expect(job.contains(subsequence: Array("01-20261129-0001".utf8.suffix(4))))  // CODE128 data
            #expect(job.contains(subsequence: Array(hash.utf8)))  // the QR holds the audit hash
            #expect(job.contains(subsequence: [0x1D, 0x56]))  // GS V: cut
        }

        @Test("with cupsd down the sale is kept, the till says so in one line, and retry prints the same bytes")
        func cupsdDownKeepsTheSale() throws {
            try makeShop()
            cups.stop()
            let run = try ok(["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n0\nKOPI-KPA\npay\nquit\n")
            let notice = run.stdout.split(separator: "\n").filter { $0.contains("was not printed") }
            #expect(notice.count == 1 && notice[0].contains("Receipt 01-20261129-0001 was not printed"), "\(run.stdout)")
            #expect(run.stdout.contains("Paid. Receipt 01-20261129-0001"))
            let kept = try Data(contentsOf: URL(fileURLWithPath: folder.file("shop.outbox/01-20261129-0001.bin")))
            let day = try #require(BusinessDay("2026-11-29"))
            let report = try #require(try ShopStore(path: db).reports.dayReport(day: day))
            #expect(report.salesCount == 1 && report.net == Money(16_500))

            let offline = try tora.run(["printer", "retry"], environment: env)
            #expect(offline.status == 69)
            try cups.start()
            try ok(["printer", "retry"])
            let job = try #require(printer.waitForJobs(1).first)
            #expect(job == [UInt8](kept))
            #expect(job == (try expectedBytes("01-20261129-0001")))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("shop.outbox")).filter { $0.hasSuffix(".bin") }.isEmpty)
        }

        @Test("with cupsd down the Indonesian till says so in Indonesian, naming the printer, without CUPS's English")
        func cupsdDownInIndonesian() throws {
            try makeShop()
            cups.stop()
            let run = try ok(["till", "--register", "01"], stdin: "01\n1234\n0\nKOPI-KPA\nbayar\nkeluar\n")
            let notice = run.stdout.split(separator: "\n").filter { $0.contains("belum tercetak") }
            #expect(notice.count == 1, "\(run.stdout)")
            #expect(notice.first?.contains("Struk 01-20261129-0001 belum tercetak: server printer (CUPS) tidak menjawab") == true)
            #expect(!run.stdout.contains("CUPS server") && !run.stdout.contains("does not answer"), "\(run.stdout)")
        }

        @Test("the Z report prints on the receipt printer within the paper's 32 columns")
        func zReportPrints() throws {
            try makeShop()
            try ok(["till", "--register", "01"], stdin: "01\n1234\n0\nKOPI-DESA\npay\nquit\n")
            _ = printer.waitForJobs(1)
            try ok(["report", "eod", "--print"])
            let jobs = printer.waitForJobs(2)
            #expect(jobs.count == 2)
            let text = String(decoding: (jobs.last ?? []).filter { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A }, as: UTF8.self)
            #expect(text.contains("LAPORAN HARIAN (Z)") && text.contains("Rp30.000"))
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return false }
        for start in 0...(count - subsequence.count) where self[start..<(start + subsequence.count)].elementsEqual(subsequence) {
            return true
        }
        return false
    }
}
