import ToraCore
import ToraPrint

/// What the till asks next: a prompt, and whether the answer must not be echoed (a PIN).
public struct TillPrompt: Sendable, Hashable {
    public let text: String
    public let isSecret: Bool

    public init(_ text: String, secret: Bool = false) {
        self.text = text
        self.isSecret = secret
    }
}

/// The till's answer to one line: what to show, what to ask next, and whether the
/// session has ended (`quit`, a closed shift).
public struct TillReply: Sendable, Hashable {
    public var lines: [String]
    public var prompt: TillPrompt
    public var isFinished: Bool

    public init(lines: [String] = [], prompt: TillPrompt, isFinished: Bool = false) {
        self.lines = lines
        self.prompt = prompt
        self.isFinished = isFinished
    }
}

/// How a receipt left the till.
public enum ReceiptDelivery: Sendable, Hashable {
    /// Printed and confirmed by the printer's queue.
    case printed
    /// Kept in the outbox (no queue set, or the printer failed: `reason`), with its text.
    case kept(reason: PrintError?, text: String)
    /// Neither printed nor kept: the printer failed (`reason`) and so did the outbox.
    case lost(reason: PrintError, outbox: PrintError, text: String)
}

/// Where completed receipts go: a CUPS queue, the outbox, a test's list. Never throws: a
/// printer fault never costs a sale, it only changes what the till says.
public protocol ReceiptSink: Sendable {
    func deliver(_ receipt: Receipt) -> ReceiptDelivery
    /// Opens the cash drawer without a receipt (`drawer`); returns why not, if it could not.
    func openDrawer() -> PrintError?
}
