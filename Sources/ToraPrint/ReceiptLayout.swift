import ToraCore

/// Lays out a `Receipt` for one paper width with a template (docs/printing.md): pure, no I/O.
///
/// Every text is first put into the printer's code page (`CodePage.printable`), so one
/// character is one column; long texts wrap at spaces, and an amount is never cut — it
/// moves to its own line instead. No line is wider than the paper, double-width text
/// counting double.
public struct ReceiptLayout: Sendable {
    public let paper: PaperWidth
    public let codePage: CodePage
    public let template: ReceiptTemplate

    /// A layout with `template`, or the built-in one for the paper when nil.
    public init(paper: PaperWidth, codePage: CodePage = .pc437, template: ReceiptTemplate? = nil) {
        self.paper = paper
        self.codePage = codePage
        self.template = template ?? .builtIn(paper)
    }

    /// The receipt laid out: lines, barcode, QR code and cut, in the template's order.
    public func document(for receipt: Receipt) -> ReceiptDocument {
        var page = PageComposer(columns: paper.columns, codePage: codePage)
        let values = placeholderValues(receipt)
        for entry in template.entries where entry.guards.allSatisfy({ holds($0, receipt) }) {
            switch entry.directive {
            case .text(let content, let alignment, let style):
                guard let text = filled(content, values) else { continue }
                page.wrapped(text, alignment: alignment, style: style)
            case .pair(let label, let value, let style):
                guard let label = filled(label, values), let value = filled(value, values) else { continue }
                page.pair(label, value, style: style)
            case .rule(let character):
                page.rule(character)
            case .blank(let count):
                for _ in 0..<count { page.wrapped("", alignment: .left, style: .plain) }
            case .lines:
                for line in receipt.lines { itemLines(line, into: &page) }
            case .taxes:
                for tax in receipt.taxes {
                    let rate = "\(tax.rate.description)%"
                    page.pair(receipt.taxes.count > 1 ? "DPP \(rate)" : "DPP", tax.dpp.formatted, style: .plain)
                    page.pair("PPN \(rate)", tax.tax.formatted, style: .plain)
                }
            case .payments:
                for payment in receipt.payments {
                    page.pair(Self.label(payment.method), payment.amount.formatted, style: .plain)
                }
            case .barcode(let moduleWidth):
                page.blocks.append(.barcode(receipt.number, moduleWidth: moduleWidth))
            case .qrCode(let moduleSize):
                page.blocks.append(.qrCode(receipt.qrText, moduleSize: moduleSize))
            case .cut:
                page.blocks.append(.cut)
            }
        }
        return ReceiptDocument(columns: paper.columns, blocks: page.blocks, opensDrawer: receipt.opensDrawer)
    }

    /// The name of a tender on the receipt, in Indonesian.
    public static func label(_ method: TenderMethod) -> String {
        switch method {
        case .cash: return "Tunai"
        case .qris: return "QRIS"
        case .debit: return "Debit"
        case .credit: return "Kredit"
        }
    }

    private func itemLines(_ line: Receipt.Line, into page: inout PageComposer) {
        page.wrapped((line.isLocal ? "* " : "") + line.name, alignment: .left, style: .plain)
        let quantity = line.unit == .pcs ? line.quantity : "\(line.quantity) \(line.unit.rawValue)"
        page.pair("  \(quantity) x \(line.unitPrice.formattedPlain)", line.amount.formattedPlain, style: .plain)
        if !line.discount.isZero {
            page.pair("  " + (line.discountLabel ?? "Diskon"), Money(-line.discount.rupiah).formattedPlain, style: .plain)
        }
    }

    private func holds(_ guarded: ReceiptTemplate.Guard, _ receipt: Receipt) -> Bool {
        let value: Bool
        switch guarded.condition {
        // A repayment slip prints as a sale of one line (its TOTAL is the amount repaid).
        case .sale: value = receipt.kind != .refund
        case .refund: value = receipt.kind == .refund
        case .copy: value = receipt.isCopy
        case .member: value = receipt.member != nil
        case .pkp: value = !receipt.taxes.isEmpty
        case .local: value = receipt.lines.contains { $0.isLocal }
        case .discount: value = !receipt.discounts.isZero
        }
        return value == guarded.expected
    }

    /// Every placeholder's text; an empty text leaves out the lines that use it.
    func placeholderValues(_ receipt: Receipt) -> [String: String] {
        func optional(_ money: Money, negated: Bool = false) -> String {
            money.isZero ? "" : Money(negated ? -money.rupiah : money.rupiah).formatted
        }
        return [
            "shop.name": receipt.header.shopName,
            "shop.address": receipt.header.address,
            "shop.phone": receipt.header.phone,
            "shop.legal_number": receipt.header.legalNumber,
            "shop.npwp": receipt.header.npwp ?? "",
            "receipt.number": receipt.number,
            "receipt.refund_of": receipt.refundOf ?? "",
            "receipt.date": receipt.issuedAt,
            "receipt.register": receipt.register,
            "receipt.cashier": receipt.cashier,
            "member.number": receipt.member?.number ?? "",
            "member.name": receipt.member?.name ?? "",
            "member.purchases": receipt.member.map { $0.purchasesThisYear.formatted } ?? "",
            "buyer.nik": receipt.buyerNIK ?? "",
            "gross": receipt.gross.formatted,
            "discounts": optional(receipt.discounts, negated: true),
            "total": receipt.total.formatted,
            "change": optional(receipt.change),
            "rounding": optional(receipt.rounding, negated: true),
            // What the customer then owes, right under the rounding, so that tendered − due
            // = change can be checked by eye; empty (left out) when nothing was rounded.
            "due": receipt.rounding.isZero ? "" : Money(receipt.total.rupiah - receipt.rounding.rupiah).formatted,
            "footer": receipt.footer,
        ]
    }

    /// `text` with its placeholders replaced, or nil when one of them is empty.
    func filled(_ text: String, _ values: [String: String]) -> String? {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let value = values[String(rest[rest.index(after: open)..<close])]?.trimmingSpaces() ?? ""
            if value.isEmpty { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
