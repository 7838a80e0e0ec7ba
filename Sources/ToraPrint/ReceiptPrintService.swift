import Foundation
import ToraCore

/// Everything the till needs to print a receipt (docs/printing.md): lay it out with the shop's
/// template, encode it as ESC/POS, send it to the CUPS queue, and keep it in the outbox
/// when that fails or when no queue is set.
///
/// Never throws for a printer fault — the sale is already committed when printing starts;
/// `deliver` says what happened instead. The receipt is never thrown away.
public struct ReceiptPrintService: Sendable {
    public var paper: PaperWidth
    public var codePage: CodePage
    /// Where `58.txt` and `80.txt` are; nil uses the built-in layouts.
    public var templatesFolder: String?
    /// The CUPS destination; nil or empty keeps every receipt in the outbox.
    public var queue: String?
    public var outbox: Outbox
    /// The CUPS server; nil is the one libcups would use (`CUPS_SERVER`, `client.conf`).
    public var server: CupsServer?
    /// How long a job may take before it is cancelled and the receipt kept.
    public var jobTimeout: Duration

    /// A service with every setting given; `forShop` builds one from a shop's settings.
    public init(
        paper: PaperWidth = .mm58, codePage: CodePage = .pc437, templatesFolder: String? = nil, queue: String?, outbox: Outbox,
        server: CupsServer? = nil, jobTimeout: Duration = .seconds(20)
    ) {
        self.paper = paper
        self.codePage = codePage
        self.templatesFolder = templatesFolder
        self.queue = queue
        self.outbox = outbox
        self.server = server
        self.jobTimeout = jobTimeout
    }

    /// The service of the shop whose database is at `databasePath`, from the settings'
    /// values (`printer.queue`, `printer.paper`, `printer.codepage`): the outbox next to
    /// the database, the templates where `ReceiptTemplate.folder` finds them. A value the
    /// store would not have accepted falls back to 58 mm and pc437.
    public static func forShop(
        databasePath: String, queue: String, paper: String, codePage: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ReceiptPrintService {
        ReceiptPrintService(
            paper: PaperWidth(setting: paper) ?? .mm58, codePage: CodePage(setting: codePage) ?? .pc437,
            templatesFolder: ReceiptTemplate.folder(databasePath: databasePath, environment: environment),
            queue: queue.trimmingSpaces().isEmpty ? nil : queue.trimmingSpaces(), outbox: Outbox(besideDatabase: databasePath))
    }

    /// The layout in use: the template from the folder, or the built-in one when the folder
    /// has none or its file is broken (then `note` says why).
    public func layout() -> (layout: ReceiptLayout, note: String?) {
        do {
            let template = try ReceiptTemplate.load(paper, from: templatesFolder)
            return (ReceiptLayout(paper: paper, codePage: codePage, template: template), nil)
        } catch {
            return (ReceiptLayout(paper: paper, codePage: codePage), "\(error.message); printed with the built-in layout")
        }
    }

    /// The receipt laid out and encoded, not yet printed.
    public func render(_ receipt: Receipt) -> RenderedReceipt {
        let (layout, note) = layout()
        let document = layout.document(for: receipt)
        return RenderedReceipt(
            name: receipt.isCopy ? "\(receipt.number)-salinan" : receipt.number, document: document,
            bytes: EscPos.encode(document, codePage: codePage), notes: note.map { [$0] } ?? [])
    }

    /// Lays out, encodes and prints the receipt; when there is no queue or printing fails,
    /// keeps it in the outbox. Returns what happened, never throws.
    public func deliver(_ receipt: Receipt) -> PrintOutcome {
        deliver(render(receipt))
    }

    /// Prints an already rendered receipt, or keeps it in the outbox.
    public func deliver(_ rendered: RenderedReceipt) -> PrintOutcome {
        var reason: PrintError?
        if let queue = queueName {
            do {
                try printer(queue).print(rendered.job)
                return PrintOutcome(status: .printed, receipt: rendered, outboxEntry: nil)
            } catch {
                reason = error
            }
        }
        do {
            let entry = try outbox.keep(rendered.job, forRetry: reason != nil)
            return PrintOutcome(status: .kept(reason: reason), receipt: rendered, outboxEntry: entry)
        } catch {
            let printFault = reason ?? PrintError(.notConfigured, "no printer queue is set (printer.queue)")
            return PrintOutcome(status: .notKept(reason: printFault, outboxError: error), receipt: rendered, outboxEntry: nil)
        }
    }

    /// Opens the cash drawer without a receipt (ESC @, ESC p) through the queue.
    public func openDrawer() throws(PrintError) {
        guard let queue = queueName else {
            throw PrintError(.notConfigured, "no printer queue is set (printer.queue), so the drawer cannot be opened")
        }
        var pulse = EscPos(codePage: codePage)
        pulse.initialize()
        pulse.openDrawer()
        try printer(queue).print(PrintJob(title: "laci", bytes: pulse.bytes, text: ""))
    }

    /// The queue without surrounding spaces; nil when none is set.
    var queueName: String? {
        guard let name = queue?.trimmingSpaces(), !name.isEmpty else { return nil }
        return name
    }

    /// A connected `CupsPrinter` for `queue` on the configured server.
    public func printer(_ queue: String) throws(PrintError) -> CupsPrinter {
        try CupsPrinter(queue: queue, server: server ?? .current, jobTimeout: jobTimeout)
    }

    /// Prints the receipts that failed on a printer through the queue, oldest first, each
    /// with the bytes kept the first time; a printed receipt moves to `sent/`. Receipts
    /// kept while no queue was set are sent only with `includeKept`. Throws when there is
    /// no queue, the server does not answer, or the outbox cannot be read.
    public func retryOutbox(includeKept: Bool = false) throws(PrintError) -> RetryReport {
        guard let queue = queueName else {
            throw PrintError(.notConfigured, "no printer queue is set; set one with: tora config set printer.queue NAME")
        }
        return try retryOutbox(using: printer(queue), includeKept: includeKept)
    }

    /// `retryOutbox()` through any printer. After a printer fault the rest are left
    /// waiting (each would fail the same way, slowly); a file fault skips only that receipt.
    public func retryOutbox(using printer: any ReceiptPrinter, includeKept: Bool = false) throws(PrintError) -> RetryReport {
        var report = RetryReport()
        var stopped = false
        var waiting = try outbox.pending()
        if includeKept { waiting = (waiting + (try outbox.kept())).sorted { ($0.keptAt, $0.name) < ($1.keptAt, $1.name) } }
        for entry in waiting {
            if stopped {
                report.notTried.append(entry)
                continue
            }
            do {
                try printer.print(entry.job())
            } catch {
                report.results.append(.init(entry: entry, error: error))
                stopped = error.code != .io
                continue
            }
            do {
                report.results.append(.init(entry: try outbox.markSent(entry), error: nil))
            } catch {
                report.results.append(.init(entry: entry, error: PrintError(.io, "printed, but \(error.message)")))
            }
        }
        return report
    }
}

/// A receipt laid out and encoded: what goes to the printer and to the outbox.
public struct RenderedReceipt: Sendable, Hashable {
    /// The job title and outbox file name: the receipt number, `-salinan` for a copy.
    public var name: String
    public var document: ReceiptDocument
    public var bytes: [UInt8]
    /// Warnings for the shop, e.g. a broken template replaced by the built-in one.
    public var notes: [String]

    /// The receipt as text, as on paper.
    public var text: String { document.text }
    public var job: PrintJob { PrintJob(title: name, bytes: bytes, text: text) }

    /// Any document laid out for the paper (a Z report, a test page) as a printable job.
    public init(name: String, document: ReceiptDocument, codePage: CodePage, notes: [String] = []) {
        self.name = name
        self.document = document
        self.bytes = EscPos.encode(document, codePage: codePage)
        self.notes = notes
    }

    init(name: String, document: ReceiptDocument, bytes: [UInt8], notes: [String]) {
        self.name = name
        self.document = document
        self.bytes = bytes
        self.notes = notes
    }
}

/// What became of a receipt handed to `ReceiptPrintService.deliver`.
public struct PrintOutcome: Sendable, Hashable {
    /// Printed, kept in the outbox, or (rarely) neither.
    public enum Status: Sendable, Hashable {
        /// CUPS reported the job completed.
        case printed
        /// Waiting in the outbox: no queue is set (`reason` nil) or printing failed.
        case kept(reason: PrintError?)
        /// Not printed and the outbox could not be written either; the sale is still in
        /// the database, so `reprint` can print it later.
        case notKept(reason: PrintError, outboxError: PrintError)
    }

    public var status: Status
    public var receipt: RenderedReceipt
    /// Where the receipt waits, when it was kept.
    public var outboxEntry: OutboxEntry?

    public var isPrinted: Bool { status == .printed }

    /// Why it was not printed, when a printer fault is the reason.
    public var failure: PrintError? {
        switch status {
        case .printed: return nil
        case .kept(let reason): return reason
        case .notKept(let reason, _): return reason
        }
    }
}

/// What `retryOutbox` did with each waiting receipt.
public struct RetryReport: Sendable, Hashable {
    /// One receipt's retry: where it is now and, when it failed, why.
    public struct Result: Sendable, Hashable {
        /// Where the receipt is now (`sent/` when printed).
        public var entry: OutboxEntry
        /// Nil when printed.
        public var error: PrintError?
    }

    public var results: [Result] = []
    /// Receipts left waiting after a printer fault.
    public var notTried: [OutboxEntry] = []

    public var printedCount: Int { results.filter { $0.error == nil }.count }
    public var failed: Bool { results.contains { $0.error != nil } || !notTried.isEmpty }
}
