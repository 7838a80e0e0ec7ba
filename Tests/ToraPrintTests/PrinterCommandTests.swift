import Foundation
import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

/// `tora printer list|test|retry` as a shop runs them: the real binary, a real database,
/// `CUPS_SERVER` pointing at a private cupsd.
extension CupsTests {
    // No skip when the built tora lacks `printer`: its commands then fail, and so do these tests.
    @Suite("tora printer on the command line")
    struct CommandLine {
        let tora: ToraBinary
        let cups: PrivateCups
        let printer: CaptureListener
        let folder = TemporaryFolder("tora-printer-cli")
        var db: String { folder.file("shop.sqlite") }
        var env: [String: String] {
            ["TORA_DB": db, "TORA_NOW": "2026-11-29T09:00:00+07:00", "CUPS_SERVER": cups.address].merging(ToraShopFolder.signIn) { $1 }
        }

        init() throws {
            tora = try ToraBinary.locate()
            cups = try PrivateCups()
            printer = try CaptureListener()
            try cups.addRawQueue("kasir", printingTo: printer)
            try ok(["init", "--shop-name", "Toko Rakyat Sukamaju"] + ToraShopFolder.managerFlags)
        }

        @discardableResult
        func ok(_ arguments: [String]) throws -> String {
            let run = try tora.run(arguments, environment: env)
            #expect(run.status == 0, "tora \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
            return run.stdout
        }

        @Test("printer list shows the server's queues with state, accepting, device and which one printer.queue names")
        func list() throws {
            try ok(["config", "set", "printer.queue", "kasir"])
            let lines = try ok(["printer", "list"]).split(separator: "\n")
            #expect(lines.first == "CUPS server \(cups.address)")
            let kasir = try #require(lines.first { $0.hasPrefix("kasir ") })
            #expect(kasir.contains("idle") && kasir.contains("yes") && kasir.contains("socket://") && kasir.contains("printer.queue"))
        }

        @Test("printer test prints a test page through the queue: ruler, code page sample, barcode and QR code")
        func testPage() throws {
            try ok(["config", "set", "printer.queue", "kasir"])
            try ok(["config", "set", "printer.paper", "80"])
            #expect(try ok(["printer", "test"]).contains("test page printed on kasir (80 mm, 48 columns, pc437)"))
            let page = try #require(printer.waitForJobs(1).first)
            #expect(page.starts(with: [0x1B, 0x40, 0x1B, 0x74, 0]))
            let text = String(decoding: page.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
            #expect(
                text.contains("TES PRINTER") && text.contains("Toko Rakyat Sukamaju")
                    && text.contains("123456789012345678901234567890123456789012345678"))
            #expect(page.contains(0x82), "é of the sample in pc437")
            #expect(page.indices.contains { page[$0...].starts(with: [0x1D, 0x6B, 73]) })
            #expect(page.indices.contains { page[$0...].starts(with: [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]) })
        }

        @Test("printer test with cupsd down exits 69 with one line saying why")
        func testPageServerDown() throws {
            cups.stop()
            let run = try tora.run(["printer", "test", "--queue", "kasir"], environment: env)
            #expect(run.status == 69)
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("does not answer"))
        }

        @Test("printer retry prints the outbox oldest first with the kept bytes; a paused queue exits 69 and keeps them")
        func retry() throws {
            try ok(["config", "set", "printer.queue", "kasir"])
            let service = ReceiptPrintService.forShop(databasePath: db, queue: "", paper: "58", codePage: "pc437")
            let sale = service.render(SampleReceipts.sale)
            let refund = service.render(SampleReceipts.refund)
            let first = try service.outbox.keep(sale.job)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -30)], ofItemAtPath: first.bytesPath)
            try service.outbox.keep(refund.job)

            try cups.disable("kasir", reason: "kertas habis")
            let paused = try tora.run(["printer", "retry"], environment: env)
            #expect(paused.status == 69)
            #expect(paused.stdout.contains("01-20261129-0007: not printed: printer queue 'kasir' is stopped"))
            #expect(paused.stdout.contains("01-20261129-0012: still waiting"))
            #expect(paused.stderr.contains("cupsenable kasir"))
            #expect(try service.outbox.pending().count == 2)

            try cups.enable("kasir")
            let out = try ok(["printer", "retry"])
            #expect(out == "01-20261129-0007: printed\n01-20261129-0012: printed\n2 of 2 receipts printed\n")
            let jobs = printer.waitForJobs(2)
            #expect(jobs == [sale.bytes, refund.bytes], "got \(jobs.count) jobs of \(jobs.map(\.count)) bytes")
            #expect(try service.outbox.pending().isEmpty)
            #expect(try ok(["printer", "retry"]) == "the outbox is empty: nothing to print\n")
        }

        @Test("printer retry with no queue set exits 69 and says how to set one")
        func retryWithoutQueue() throws {
            let outcome = ReceiptPrintService.forShop(databasePath: db, queue: "", paper: "58", codePage: "pc437").deliver(
                SampleReceipts.plain)
            #expect(outcome.status == .kept(reason: nil))
            let run = try tora.run(["printer", "retry"], environment: env)
            #expect(run.status == 69 && run.stderr.contains("tora config set printer.queue"))
        }
    }
}
