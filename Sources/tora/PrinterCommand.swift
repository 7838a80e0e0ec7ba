import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraPrint
import ToraReports
import ToraStore

/// `tora printer list|test|retry` (docs/printing.md): the receipt printer as CUPS sees it.
struct PrinterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "The receipt printer: CUPS destinations, a test page, printing the outbox.",
        discussion: """
            Receipts print through the CUPS queue named by the setting printer.queue (a raw \
            queue); the CUPS server is the usual one (CUPS_SERVER, ~/.cups/client.conf). \
            Receipts that could not be printed wait in the shop's outbox, the folder named \
            after the database (tora.sqlite -> tora.outbox/). Exit 69 when CUPS or the \
            printer is unavailable. See docs/printing.md.
            """,
        subcommands: [List.self, Test.self, Retry.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "CUPS destinations with their state (idle, printing, stopped) and whether they accept jobs.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingPrintErrors {
                let configured = (try? shop.open().setting(.printerQueue)) ?? ""
                let server = CupsServer.current
                let destinations = try CupsPrinter.destinations(server: server)
                print("CUPS server \(server)")
                guard !destinations.isEmpty else {
                    print("no printers; add the receipt printer as a raw queue (docs/printing.md)")
                    return
                }
                var table = TextTable([("queue", .left), ("state", .left), ("accepting", .left), ("device", .left), ("", .left)])
                for destination in destinations {
                    var notes: [String] = []
                    if destination.name == configured { notes.append("printer.queue") }
                    if destination.isDefault { notes.append("default") }
                    if !destination.stateMessage.isEmpty { notes.append(destination.stateMessage) }
                    table.add([
                        destination.name, destination.state.rawValue, destination.isAccepting ? "yes" : "no", destination.deviceURI,
                        notes.joined(separator: "; "),
                    ])
                }
                print(table.rendered, terminator: "")
                if !configured.isEmpty && !destinations.contains(where: { $0.name == configured }) {
                    print("printer.queue is '\(configured)', which this CUPS server does not have")
                }
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a test page: shop name, paper width, a column ruler, code page sample, barcode and QR code.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The CUPS queue (default: the setting printer.queue).") var queue: String?
        @Option(help: "Paper width in mm, 58 or 80 (default: printer.paper).") var paper: String?
        @Option(help: "Code page: pc437, pc850, pc858 or wpc1252 (default: printer.codepage).") var codepage: String?

        func validate() throws {
            if let paper, PaperWidth(setting: paper) == nil { throw ValidationError("--paper must be 58 or 80") }
            if let codepage, CodePage(setting: codepage) == nil {
                throw ValidationError("--codepage must be one of pc437, pc850, pc858, wpc1252")
            }
        }

        func run() throws {
            try reportingPrintErrors {
                let store = try shop.open()
                let queue = try (self.queue ?? store.setting(.printerQueue)).trimmingSpaces()
                guard !queue.isEmpty else {
                    throw PrintError(.notConfigured, "no printer queue is set; use --queue NAME or: tora config set printer.queue NAME")
                }
                let paper = PaperWidth(setting: try self.paper ?? store.setting(.printerPaper)) ?? .mm58
                let codePage = CodePage(setting: try codepage ?? store.setting(.printerCodepage)) ?? .pc437
                let zone = TimeZone(identifier: try store.setting(.shopTimezone)) ?? .current
                let document = TestPage.document(
                    shopName: try store.setting(.shopName), paper: paper, codePage: codePage, queue: queue,
                    date: Timestamp.local(try ShopClock.fromEnvironment().now, in: zone))
                let printer = try CupsPrinter(queue: queue)
                try printer.print(PrintJob(title: "tes-printer", bytes: EscPos.encode(document, codePage: codePage), text: document.text))
                print("test page printed on \(queue) (\(paper.rawValue) mm, \(paper.columns) columns, \(codePage.rawValue))")
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print this shop's receipts that failed on printer.queue, oldest first.",
            discussion: """
                Each is sent with the bytes kept the first time; a printed receipt moves to the \
                outbox's sent/ folder. Receipts kept while no queue was set (in the outbox's kept/ \
                folder, already shown on the till's screen) are sent only with --include-kept.
                """)
        @OptionGroup var shop: ShopOptions
        @Flag(name: .customLong("include-kept"), help: "Also print the receipts kept while no printer queue was set.")
        var includeKept = false

        func run() throws {
            try reportingPrintErrors {
                let store = try shop.open()
                let service = ReceiptPrintService.forShop(
                    databasePath: shop.path, queue: try store.setting(.printerQueue), paper: try store.setting(.printerPaper),
                    codePage: try store.setting(.printerCodepage))
                guard service.queue != nil else {
                    throw PrintError(.notConfigured, "no printer queue is set; set one with: tora config set printer.queue NAME")
                }
                let waiting = try service.outbox.pending() + (includeKept ? try service.outbox.kept() : [])
                let keptAside = includeKept ? 0 : try service.outbox.kept().count
                guard !waiting.isEmpty else {
                    print("the outbox is empty: nothing to print")
                    if keptAside > 0 { print("\(counted(keptAside, "receipt")) kept while no queue was set; --include-kept prints them") }
                    return
                }
                let report = try service.retryOutbox(includeKept: includeKept)
                for result in report.results {
                    if let error = result.error {
                        print("\(result.entry.name): not printed: \(error.message)")
                    } else {
                        print("\(result.entry.name): printed")
                    }
                }
                for entry in report.notTried { print("\(entry.name): still waiting") }
                print("\(report.printedCount) of \(counted(waiting.count, "receipt")) printed")
                if let error = report.results.compactMap(\.error).first {
                    printError(error.message)
                    throw ExitCode(error.exitStatus)
                }
            }
        }
    }
}

/// `reportingErrors`, plus a `PrintError` as one line on standard error and its exit code
/// (69 printer or CUPS unavailable, 74 I/O).
func reportingPrintErrors(_ body: () throws -> Void) throws {
    try reportingErrors {
        do {
            try body()
        } catch let error as PrintError {
            printError(error.message)
            throw ExitCode(error.exitStatus)
        }
    }
}
