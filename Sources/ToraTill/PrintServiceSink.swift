import ToraCore
import ToraPrint

/// The till's receipts through the printing module: a CUPS queue when `printer.queue` is
/// set, else the outbox with the text shown on the terminal. A printer fault becomes one
/// line; the receipt waits in the outbox for `reprint` or `tora printer retry`.
public struct PrintServiceSink: ReceiptSink {
    let service: ReceiptPrintService

    public init(service: ReceiptPrintService) {
        self.service = service
    }

    public func deliver(_ receipt: Receipt) -> ReceiptDelivery {
        let outcome = service.deliver(receipt)
        switch outcome.status {
        case .printed:
            return .printed
        case .kept(let reason):
            return .kept(reason: reason.map(naming), text: outcome.receipt.text)
        case .notKept(let reason, let outboxError):
            return .lost(reason: naming(reason), outbox: outboxError, text: outcome.receipt.text)
        }
    }

    public func openDrawer() -> PrintError? {
        guard service.queue != nil else { return nil }
        do {
            try service.openDrawer()
            return nil
        } catch {
            return naming(error)
        }
    }

    /// The fault with the queue it concerns, so the till's message can name the printer.
    func naming(_ error: PrintError) -> PrintError {
        var named = error
        if named.queue == nil { named.queue = service.queue }
        return named
    }
}
