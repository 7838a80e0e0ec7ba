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

    static func discountLabel(_ source: DiscountSource) -> String? {
        switch source {
        case .none: return nil
        case .tier(let pct): return "Diskon anggota \(pct)%"
        case .manualPercent(let pct): return "Diskon \(pct)%"
        case .manualAmount: return "Diskon"
        }
    }

    static func line(_ priced: PricedLine) -> Receipt.Line {
        let item = priced.line.item
        return Receipt.Line(
            name: item.name, quantity: priced.line.quantity.formatted(item.unit), unit: item.unit, unitPrice: priced.unitPrice,
            amount: priced.amount, discount: priced.discount, discountLabel: discountLabel(priced.discountSource), isLocal: item.isLocal)
    }

    static func taxes(_ priced: PricedSale) -> [Receipt.TaxLine] {
        priced.taxes.map { Receipt.TaxLine(rate: $0.rate, dpp: $0.dpp, tax: $0.tax) }
    }

    static func saleReceipt(
        number: String, sale: Sale, priced: PricedSale, context: TillContext, issuedAt: String, member: Receipt.MemberLine?,
        auditHash: String, settings: SettingsSnapshot
    ) -> Receipt {
        var receipt = Receipt(
            kind: .sale, header: header(settings), number: number, issuedAt: issuedAt, register: context.register,
            cashier: context.cashier.name, lines: priced.activeLines.map(line), gross: priced.gross, discounts: priced.discounts,
            total: priced.total, taxes: taxes(priced),
            payments: sale.payments.map { Receipt.PaymentLine(method: $0.method, amount: $0.tendered) },
            change: Money(sale.payments.reduce(0) { $0 + $1.change.rupiah }), rounding: sale.rounding, member: member,
            footer: settings.value(.receiptFooter), auditHash: auditHash, isCopy: false,
            opensDrawer: settings.flag(.printerDrawer) && sale.payments.contains { $0.method == .cash })
        if sale.activeLines.contains(where: { $0.item.subsidy != nil }) { receipt.buyerNIK = sale.buyer?.masked }
        return receipt
    }
}
