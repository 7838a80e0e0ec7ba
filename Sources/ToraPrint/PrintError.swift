import ToraCore

/// Why a receipt could not be laid out, printed or kept: a stable `code` for programs and
/// a `message` a cashier can read in one line and act on (which queue, which command fixes it).
///
/// New codes may appear; callers fall back to `message`. Not an error: a receipt kept in
/// the outbox because no queue is set — that is how a shop without a printer works.
public struct PrintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable word.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The CUPS server does not answer: cupsd stopped, or `CUPS_SERVER` names the wrong host.
        public static let serverUnavailable = Code(rawValue: "server_unavailable")
        /// `printer.queue` names a destination the CUPS server does not have.
        public static let queueMissing = Code(rawValue: "queue_missing")
        /// The queue is stopped (paused, `cupsdisable`): jobs would wait, so none is sent.
        public static let queueStopped = Code(rawValue: "queue_stopped")
        /// The queue refuses new jobs (`cupsreject`).
        public static let queueRejecting = Code(rawValue: "queue_rejecting")
        /// CUPS took the job but the printer did not print it (aborted, cancelled, stopped).
        public static let jobFailed = Code(rawValue: "job_failed")
        /// CUPS did not report the job completed in time; the job was cancelled.
        public static let timeout = Code(rawValue: "timeout")
        /// No queue is set (`printer.queue` is empty), so nothing can be sent to a printer.
        public static let notConfigured = Code(rawValue: "not_configured")
        /// A file of the outbox or of the templates cannot be read or written.
        public static let io = Code(rawValue: "io")
        /// A receipt template (`receipts/58.txt`) has a line the layout does not understand.
        public static let template = Code(rawValue: "template")
    }

    public var code: Code
    /// One line, in English, naming what failed and what fixes it.
    public var message: String
    /// The libcups function that failed, when one did (`cupsCreateDestJob`).
    public var function: String?
    /// The printer queue involved, when known, for a message that names it.
    public var queue: String?

    /// An error with its code, its one-line message and the libcups function, if any.
    public init(_ code: Code, _ message: String, function: String? = nil) {
        self.code = code
        self.message = message
        self.function = function
    }

    public var description: String { message }

    /// 69 printer or CUPS unavailable, 74 I/O, 65 bad input (a broken template); see
    /// docs/printing.md.
    public var exitStatus: ExitStatus {
        switch code {
        case .io: return .io
        case .template: return .badData
        default: return .unavailable
        }
    }

    /// `exitStatus` as the number the process exits with.
    public var exitCode: Int32 { exitStatus.rawValue }
}
