import Foundation
import Synchronization
import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

/// A printer for tests: records jobs, and fails with the errors it is given, in turn.
final class RecordingPrinter: ReceiptPrinter {
    let jobs = Mutex<[PrintJob]>([])
    let failures: Mutex<[PrintError?]>

    init(failures: [PrintError?] = []) { self.failures = Mutex(failures) }

    func print(_ job: PrintJob) throws(PrintError) {
        let failure = failures.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        if let failure { throw failure }
        jobs.withLock { $0.append(job) }
    }
}

@Suite("the outbox")
struct OutboxTests {
    let folder = TemporaryFolder("tora-outbox")
    var outbox: Outbox { Outbox(besideDatabase: folder.file("shop.sqlite")) }

    func job(_ name: String, _ bytes: [UInt8] = [0x1B, 0x40, 0x41]) -> PrintJob {
        PrintJob(title: name, bytes: bytes, text: "struk \(name)\n")
    }

    @Test("a kept receipt is <number>.bin and <number>.txt in shop.outbox/ beside shop.sqlite, with no temporary file left")
    func keep() throws {
        let entry = try outbox.keep(job("01-20261129-0001"))
        #expect(outbox.folder == folder.file("shop.outbox"))
        #expect(entry.bytesPath == folder.file("shop.outbox/01-20261129-0001.bin"))
        #expect(try entry.bytes() == [0x1B, 0x40, 0x41])
        #expect(entry.text() == "struk 01-20261129-0001\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outbox.folder).sorted() == ["01-20261129-0001.bin", "01-20261129-0001.txt"])
    }

    @Test("pending lists receipts oldest first; a name kept twice gets -2")
    func pendingOrder() throws {
        let later = try outbox.keep(job("01-20261129-0002"))
        let earlier = try outbox.keep(job("01-20261129-0003"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: earlier.bytesPath)
        let again = try outbox.keep(job("01-20261129-0002"))
        #expect(again.name == "01-20261129-0002-2")
        #expect(try outbox.pending().map(\.name) == ["01-20261129-0003", "01-20261129-0002", "01-20261129-0002-2"])
        _ = later
    }

    @Test("a printed receipt moves to outbox/sent/ and is kept there")
    func markSent() throws {
        let entry = try outbox.keep(job("01-20261129-0004"))
        let moved = try outbox.markSent(entry)
        #expect(try outbox.pending().isEmpty)
        #expect(try outbox.sent().map(\.name) == ["01-20261129-0004"])
        #expect(try moved.bytes() == [0x1B, 0x40, 0x41])
        #expect(FileManager.default.fileExists(atPath: folder.file("shop.outbox/sent/01-20261129-0004.txt")))
    }

    @Test("a title is made a safe file name")
    func fileNames() throws {
        #expect(try outbox.keep(job("../../etc/passwd x")).name == "_.._etc_passwd_x")
        #expect(try outbox.keep(job("")).name == "receipt")
    }

    @Test("with no queue set, deliver keeps the receipt in the outbox with its text, and a copy as -salinan")
    func noQueue() throws {
        let service = ReceiptPrintService(queue: nil, outbox: outbox)
        let outcome = service.deliver(SampleReceipts.sale)
        #expect(outcome.status == .kept(reason: nil))
        let entry = try #require(outcome.outboxEntry)
        #expect(entry.folder == outbox.keptFolder && entry.folder == folder.file("shop.outbox/kept"))
        #expect(try outbox.pending().isEmpty && outbox.kept().map(\.name) == ["01-20261129-0007"])
        #expect(try entry.bytes() == outcome.receipt.bytes)
        #expect(entry.text() == outcome.receipt.text)
        #expect(outcome.receipt.text.contains("TOTAL"))
        #expect(service.deliver(SampleReceipts.copy).outboxEntry?.name == "01-20261129-0007-salinan")
    }

    @Test("when the outbox cannot be written either, deliver says so and does not throw")
    func outboxBroken() {
        folder.write("blocked", "a file where the outbox folder should be")
        let service = ReceiptPrintService(queue: nil, outbox: Outbox(folder: folder.file("blocked")))
        guard case .notKept(let reason, let outboxError) = service.deliver(SampleReceipts.sale).status else {
            Issue.record("expected notKept")
            return
        }
        #expect(reason.code == .notConfigured)
        #expect(outboxError.code == .io && outboxError.message.contains(folder.file("blocked")))
    }

    @Test("retry sends each kept receipt's bytes unchanged, oldest first, and empties the pending list")
    func retry() throws {
        let service = ReceiptPrintService(queue: "kasir", outbox: outbox)
        let first = try outbox.keep(service.render(SampleReceipts.sale).job)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -10)], ofItemAtPath: first.bytesPath)
        try outbox.keep(service.render(SampleReceipts.refund).job)
        let printer = RecordingPrinter()
        let report = try service.retryOutbox(using: printer)
        #expect(report.printedCount == 2 && !report.failed)
        let jobs = printer.jobs.withLock { $0 }
        #expect(jobs.map(\.title) == ["01-20261129-0007", "01-20261129-0012"])
        #expect(jobs.map(\.bytes) == [service.render(SampleReceipts.sale).bytes, service.render(SampleReceipts.refund).bytes])
        #expect(try outbox.pending().isEmpty)
        #expect(try outbox.sent().count == 2)
    }

    @Test("after a printer fault retry leaves the rest waiting; nothing is lost")
    func retryStops() throws {
        for number in 1...3 { try outbox.keep(job("01-20261129-000\(number)")) }
        let printer = RecordingPrinter(failures: [nil, PrintError(.queueStopped, "printer queue 'kasir' is stopped")])
        let report = try ReceiptPrintService(queue: "kasir", outbox: outbox).retryOutbox(using: printer)
        #expect(report.results.map { $0.error?.code } == [nil, .queueStopped])
        #expect(report.notTried.count == 1 && report.failed)
        #expect(try outbox.pending().count == 2)
    }

    @Test("retry with no queue set says how to set one")
    func retryWithoutQueue() {
        #expect {
            _ = try ReceiptPrintService(queue: "  ", outbox: outbox).retryOutbox()
        } throws: { error in
            (error as? PrintError)?.code == .notConfigured && (error as? PrintError)?.message.contains("printer.queue") == true
        }
    }

    @Test("two databases in one folder have two outboxes, named after each file")
    func outboxPerDatabase() {
        #expect(Outbox(besideDatabase: "/srv/toko/tora.sqlite").folder == "/srv/toko/tora.outbox")
        #expect(Outbox(besideDatabase: "/srv/toko/demo.sqlite").folder == "/srv/toko/demo.outbox")
        #expect(Outbox(besideDatabase: "toko").folder == "toko.outbox")
    }

    @Test("retry sends only receipts that failed on a queue; those kept with no queue only when asked")
    func retryScope() throws {
        let failed = try outbox.keep(job("01-20261129-0001"), forRetry: true)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -10)], ofItemAtPath: failed.bytesPath)
        try outbox.keep(job("01-20261129-0002"), forRetry: false)
        let printer = RecordingPrinter()
        let service = ReceiptPrintService(queue: "kasir", outbox: outbox)
        #expect(try service.retryOutbox(using: printer).printedCount == 1)
        #expect(printer.jobs.withLock { $0.map(\.title) } == ["01-20261129-0001"])
        #expect(try outbox.kept().map(\.name) == ["01-20261129-0002"])
        #expect(try service.retryOutbox(using: printer, includeKept: true).printedCount == 1)
        #expect(printer.jobs.withLock { $0.map(\.title) } == ["01-20261129-0001", "01-20261129-0002"])
        #expect(try outbox.kept().isEmpty && outbox.sent().count == 2)
    }
}
