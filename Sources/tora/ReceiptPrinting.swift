import ToraCore
import ToraStore
import ToraTill

/// Chooses where the till's receipts go from the shop's settings.
enum ReceiptPrinting {
    static func sink(for store: ShopStore) throws -> any ReceiptSink {
        TerminalReceiptSink()
    }
}

/// Shows a receipt's essentials on the terminal; the ESC/POS printing path replaces this.
struct TerminalReceiptSink: ReceiptSink {
    func deliver(_ receipt: Receipt) -> ReceiptDelivery {
        .kept(reason: nil, text: "[\(receipt.isCopy ? "SALINAN " : "")\(receipt.number) \(receipt.total.formatted)]")
    }

    func openDrawer() -> String? { nil }
}
