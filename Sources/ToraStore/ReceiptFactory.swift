import GRDB
import ToraCore

/// Builds the `Receipt` value of a completed sale or refund from the sale and the shop's
/// settings, inside the transaction that completes it.
enum ReceiptFactory {
    static func header(_ db: Database) throws -> Receipt.Header {
        let pkp = try Settings.value(.taxPKP, db) == "true"
        let npwp = try Settings.value(.shopNPWP, db)
        return Receipt.Header(
            shopName: try Settings.value(.shopName, db), address: try Settings.value(.shopAddress, db),
            phone: try Settings.value(.shopPhone, db), legalNumber: try Settings.value(.shopLegalNumber, db),
            npwp: pkp && !npwp.isEmpty ? npwp : nil)
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
        auditHash: String, _ db: Database
    ) throws -> Receipt {
        let drawer = try Settings.value(.printerDrawer, db) == "true"
        return Receipt(
            kind: .sale, header: try header(db), number: number, issuedAt: issuedAt, register: context.register,
            cashier: context.cashier.name, lines: priced.activeLines.map(line), gross: priced.gross, discounts: priced.discounts,
            total: priced.total, taxes: taxes(priced),
            payments: sale.payments.map { Receipt.PaymentLine(method: $0.method, amount: $0.tendered) },
            change: Money(sale.payments.reduce(0) { $0 + $1.change.rupiah }), rounding: sale.rounding, member: member,
            footer: try Settings.value(.receiptFooter, db), auditHash: auditHash, isCopy: false,
            opensDrawer: drawer && sale.payments.contains { $0.method == .cash })
    }
}
