import GRDB
import ToraCore

/// Builds the `Receipt` value of a completed sale or refund from the sale and the shop's
/// settings, inside the transaction that completes it.
enum ReceiptFactory {
    static func header(_ settings: SettingsSnapshot) -> Receipt.Header {
        let npwp = settings.value(.shopNPWP)
        return Receipt.Header(
            shopName: settings.value(.shopName), address: settings.value(.shopAddress), phone: settings.value(.shopPhone),
            legalNumber: settings.value(.shopLegalNumber), npwp: settings.flag(.taxPKP) && !npwp.isEmpty ? npwp : nil)
    }

    static func saleReceipt(
        number: String, sale: Sale, priced: PricedSale, context: TillContext, issuedAt: String, member: Receipt.MemberLine?,
        auditHash: String, settings: SettingsSnapshot
    ) -> Receipt {
        var receipt = Receipt(
            kind: .sale, header: header(settings), number: number, issuedAt: issuedAt, register: context.register.text,
            cashier: context.cashier.name, lines: priced.activeLines.map(Receipt.Line.init(priced:)), gross: priced.gross,
            discounts: priced.discounts,
            total: priced.total, taxes: Receipt.taxLines(priced.taxes),
            payments: sale.payments.map { Receipt.PaymentLine(method: $0.method, amount: $0.tendered) },
            change: Receipt.change(of: sale.payments), rounding: sale.rounding, member: member,
            footer: settings.value(.receiptFooter), auditHash: auditHash, isCopy: false,
            opensDrawer: settings.flag(.printerDrawer) && sale.payments.contains { $0.method == .cash })
        if sale.activeLines.contains(where: { $0.item.subsidy != nil }) { receipt.buyerNIK = sale.buyer?.masked }
        receipt.hubURL = settings.hubURL
        return receipt
    }
}
