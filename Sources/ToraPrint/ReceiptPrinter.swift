/// One thing to print: the ESC/POS bytes, the same receipt as text (for the outbox and
/// the terminal), and a title naming it (the receipt number) in the printer's queue.
public struct PrintJob: Sendable, Hashable {
    public var title: String
    public var bytes: [UInt8]
    public var text: String

    /// A job titled `title` (shown in the CUPS queue, and the outbox file name).
    public init(title: String, bytes: [UInt8], text: String) {
        self.title = title
        self.bytes = bytes
        self.text = text
    }
}

/// Where receipts go: a CUPS queue (`CupsPrinter`) or the outbox folder (`OutboxPrinter`).
/// `print` returns only when the job is done — printed, or written to disk — and throws
/// why not otherwise.
public protocol ReceiptPrinter: Sendable {
    func print(_ job: PrintJob) throws(PrintError)
}

/// Keeps every job in the outbox instead of printing it: the printer of a shop with no
/// queue set (`printer.queue` empty), and of tests.
public struct OutboxPrinter: ReceiptPrinter {
    public let outbox: Outbox

    /// A printer that keeps every job in `outbox`.
    public init(outbox: Outbox) {
        self.outbox = outbox
    }

    /// Writes the job to the outbox; throws `io` when the folder cannot be written.
    public func print(_ job: PrintJob) throws(PrintError) {
        _ = try outbox.keep(job, forRetry: false)
    }
}
