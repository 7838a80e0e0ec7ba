import Foundation
import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

/// Every test that starts a private cupsd, one at a time: they bind and free loopback
/// ports, and a port freed by one test must not become another test's "printer".
@Suite(
    .serialized,
    .enabled(
        if: PrivateCups.shouldRun, "cupsd is not installed (apt-get install cups cups-client): CUPS tests skipped; with CI=true they fail")
)
enum CupsTests {}

/// Printing through a real cupsd of the test's own (never the system's) to a pretend
/// network printer, and the faults a shop meets: printer off, queue paused or rejecting,
/// cupsd down, a queue that does not exist, a job that never finishes.
extension CupsTests {
    @Suite("printing through a private CUPS server")
    struct Printing {
        let cups: PrivateCups
        let printer: CaptureListener
        let folder = TemporaryFolder("tora-cups-outbox")

        init() throws {
            cups = try PrivateCups()
            printer = try CaptureListener()
            try cups.addRawQueue("kasir", printingTo: printer)
        }

        func service(_ queue: String = "kasir", paper: PaperWidth = .mm58, server: CupsServer? = nil) -> ReceiptPrintService {
            ReceiptPrintService(
                paper: paper, codePage: GoldenReceiptTests.codePage(paper), queue: queue, outbox: Outbox(folder: folder.file("outbox")),
                server: server ?? cups.server, jobTimeout: .seconds(15))
        }

        func golden(_ name: String) throws -> [UInt8] { try #require(Golden.bytes(name), "golden file \(name) is missing") }

        /// After recovery: retry prints the kept receipt with the same bytes and empties the outbox.
        func expectRetryDelivers(_ service: ReceiptPrintService, to listener: CaptureListener, golden name: String) throws {
            let report = try service.retryOutbox()
            #expect(report.printedCount == 1 && !report.failed, "\(report.results.compactMap(\.error?.message))")
            #expect(listener.waitForJobs(1).last == (try golden(name)))
            #expect(try service.outbox.pending().isEmpty)
            #expect(try service.outbox.sent().map(\.name) == ["01-20261129-0007"])
        }

        @Test("a receipt printed through CUPS reaches the printer byte-identical to its golden file")
        func printsGoldenBytes() throws {
            let outcome = service().deliver(SampleReceipts.sale)
            #expect(outcome.status == .printed, "\(String(describing: outcome.failure))")
            #expect(printer.waitForJobs(1) == [try golden("sale-58.bin")])
            #expect(try service().outbox.pending().isEmpty)
        }

        @Test("the server's local socket path works as a server address, like /run/cups/cups.sock")
        func printsOverSocket() throws {
            let outcome = service(paper: .mm80, server: cups.socketServer).deliver(SampleReceipts.refund)
            #expect(outcome.status == .printed, "\(String(describing: outcome.failure))")
            #expect(printer.waitForJobs(1) == [try golden("refund-80.bin")])
        }

        @Test("printer switched off: CUPS aborts the job in seconds, the receipt waits in the outbox, retry prints the same bytes")
        func printerOff() throws {
            let off = try CaptureListener(switchedOn: false)
            try cups.addRawQueue("mati", printingTo: off)
            let outcome = service("mati").deliver(SampleReceipts.sale)
            let failure = try #require(outcome.failure)
            #expect(failure.code == .jobFailed)
            #expect(failure.message.contains("'mati'") && failure.message.contains("aborted") && !failure.message.contains("\n"))
            #expect(try service().outbox.pending().map(\.name) == ["01-20261129-0007"])
            try off.switchOn()
            try expectRetryDelivers(service("mati"), to: off, golden: "sale-58.bin")
        }

        @Test("a stopped (paused) queue is refused at once with the reason and the command that fixes it")
        func queueStopped() throws {
            try cups.disable("kasir", reason: "kertas habis")
            let outcome = service().deliver(SampleReceipts.sale)
            let failure = try #require(outcome.failure)
            #expect(failure.code == .queueStopped)
            #expect(failure.message.contains("kertas habis") && failure.message.contains("cupsenable kasir"))
            #expect(printer.jobs.isEmpty)
            try cups.enable("kasir")
            try expectRetryDelivers(service(), to: printer, golden: "sale-58.bin")
        }

        @Test("a queue that rejects jobs is refused at once; after cupsaccept retry prints")
        func queueRejecting() throws {
            try cups.reject("kasir")
            let failure = try #require(service().deliver(SampleReceipts.sale).failure)
            #expect(failure.code == .queueRejecting && failure.message.contains("cupsaccept kasir"))
            try cups.accept("kasir")
            try expectRetryDelivers(service(), to: printer, golden: "sale-58.bin")
        }

        @Test("cupsd stopped: the connection is refused at once, the receipt is kept; after a restart retry prints it")
        func serverDown() throws {
            cups.stop()
            let outcome = service().deliver(SampleReceipts.sale)
            let failure = try #require(outcome.failure)
            #expect(failure.code == .serverUnavailable && failure.function == "httpConnect2")
            #expect(failure.message.contains(cups.address) && failure.message.contains("does not answer"))
            #expect(try service().outbox.pending().count == 1)
            #expect {
                _ = try service().retryOutbox()
            } throws: { ($0 as? PrintError)?.exitCode == 69 }
            try cups.start()
            try expectRetryDelivers(service(), to: printer, golden: "sale-58.bin")
        }

        @Test("a queue name the server does not have is named in the error")
        func queueMissing() throws {
            let failure = try #require(service("kasir-2").deliver(SampleReceipts.sale).failure)
            #expect(failure.code == .queueMissing && failure.function == "cupsGetNamedDest")
            #expect(failure.message.contains("'kasir-2'") && failure.message.contains("tora printer list"))
        }

        @Test("a job the printer never finishes is cancelled after the timeout, so it cannot print twice later")
        func jobTimeout() throws {
            let jammed = try CaptureListener(jammed: true)
            try cups.addRawQueue("macet", printingTo: jammed)
            var service = service("macet")
            service.jobTimeout = .seconds(1)
            let outcome = service.deliver(SampleReceipts.sale)
            let failure = try #require(outcome.failure)
            #expect(failure.code == .timeout && failure.message.contains("cancelled"))
            let jobs = try cups.tool("lpstat", ["-W", "not-completed", "-o", "macet"])
            #expect(jobs.isEmpty, "the job is still queued: \(jobs)")
            jammed.stop()
        }

        @Test("destinations show each queue's state and whether it accepts jobs")
        func destinations() throws {
            try cups.addRawQueue("dapur", device: "socket://127.0.0.1:9/?contimeout=1")
            try cups.disable("dapur")
            try cups.reject("dapur")
            let found = try CupsPrinter.destinations(server: cups.server)
            let kasir = try #require(found.first { $0.name == "kasir" })
            let dapur = try #require(found.first { $0.name == "dapur" })
            #expect(kasir.state == .idle && kasir.isAccepting && kasir.deviceURI.hasPrefix("socket://127.0.0.1:"))
            #expect(dapur.state == .stopped && !dapur.isAccepting)
        }

        @Test("opening the drawer sends init, code page and the drawer pulse only")
        func drawer() throws {
            try service().openDrawer()
            #expect(printer.waitForJobs(1) == [[0x1B, 0x40, 0x1B, 0x74, 0, 0x1B, 0x70, 0x00, 25, 250]])
        }
    }
}
