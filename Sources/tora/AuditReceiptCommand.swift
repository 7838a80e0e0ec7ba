import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraStore

extension AuditCommand {
    /// `tora audit receipt`: whether a printed receipt sits in the shop's verified journal.
    struct ReceiptCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receipt",
            abstract: "Check one receipt against the books: is its journal entry in the verified chain? Exit 65 when not.",
            discussion: """
                Give the receipt number printed on it (01-20261129-0001) or the 64 hex digits of its QR code. Shows the \
                receipt's day, register and total and its journal entry, and checks the whole journal (chain and books), \
                as `tora audit verify` does. No member name or NIK is shown.
                """)
        @OptionGroup var shop: ShopOptions
        @Argument(
            help: ArgumentHelp("The receipt number, or its QR code's text (the hash, or <hub URL>/r/<hash>).", valueName: "receipt-no|hash")
        )
        var receipt: String

        func run() throws {
            try reportingErrors {
                // A joined shop's QR holds the hub's page of the receipt: the hash ends it.
                let key = receipt.contains("/r/") ? String(receipt.split(separator: "/").last ?? "") : receipt
                guard let check = try shop.open().checkReceipt(key) else {
                    throw StoreError(.notFound, "no receipt '\(receipt)' in this shop's books (a receipt number or its QR hash)")
                }
                print(
                    """
                    receipt        \(check.receipt) (\(check.kind))
                    business day   \(check.businessDay)
                    register       \(check.register ?? "-")
                    total          \(check.total.formatted)
                    journal entry  \(check.entry.seq) \(check.entry.hash)
                    """)
                if let problem = check.problem {
                    throw StoreError(.tampered, "receipt \(check.receipt) is NOT vouched for by the books: \(problem)")
                }
                print("verified       yes: the entry is in the unbroken journal and the books match it")
            }
        }
    }
}
