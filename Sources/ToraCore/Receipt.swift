/// A receipt as a value (docs/printing.md): everything a printed receipt shows, already decided —
/// texts, amounts, who and when — so laying it out needs no database and no clock.
///
/// The till builds one from a completed sale or refund; the printing module lays it out
/// for 32 or 48 columns and encodes it as ESC/POS.
public struct Receipt: Sendable, Hashable, Codable {
    /// A sale, a refund against an earlier receipt, or a member's credit repayment slip
    /// (one line, the amount repaid; printed like a sale).
    public enum Kind: String, Sendable, Hashable, Codable {
        case sale
        case refund
        case repayment
        /// A savings deposit or withdrawal slip (docs/savings.md).
        case savings
    }

    /// The shop's texts from settings (`shop.*`); NPWP only when the shop is PKP.
    public struct Header: Sendable, Hashable, Codable {
        public var shopName: String
        public var address: String
        public var phone: String
        public var legalNumber: String
        public var npwp: String?

        public init(shopName: String, address: String = "", phone: String = "", legalNumber: String = "", npwp: String? = nil) {
            self.shopName = shopName
            self.address = address
            self.phone = phone
            self.legalNumber = legalNumber
            self.npwp = npwp
        }
    }

    /// One sold (or refunded) line. Voided lines are not on receipts.
    public struct Line: Sendable, Hashable, Codable {
        public var name: String
        /// The quantity as printed: `2`, `1,255` (the unit follows in `unit`).
        public var quantity: String
        public var unit: MeasureUnit
        public var unitPrice: Money
        /// round-half-up(unit price × quantity), or a scale label's amount.
        public var amount: Money
        /// The line's discount (tier or manual); zero when none.
        public var discount: Money
        /// What the discount was, e.g. `Diskon anggota 5%`; nil when none.
        public var discountLabel: String?
        /// Made by a member or a village UMKM: printed with `*`.
        public var isLocal: Bool

        public init(
            name: String, quantity: String, unit: MeasureUnit, unitPrice: Money, amount: Money, discount: Money = .zero,
            discountLabel: String? = nil, isLocal: Bool = false
        ) {
            self.name = name
            self.quantity = quantity
            self.unit = unit
            self.unitPrice = unitPrice
            self.amount = amount
            self.discount = discount
            self.discountLabel = discountLabel
            self.isLocal = isLocal
        }
    }

    /// PPN of one rate: the DPP (base without tax) and the tax contained in the total.
    public struct TaxLine: Sendable, Hashable, Codable {
        public var rate: TaxRate
        public var dpp: Money
        public var tax: Money

        public init(rate: TaxRate, dpp: Money, tax: Money) {
            self.rate = rate
            self.dpp = dpp
            self.tax = tax
        }
    }

    /// One tender as handed over: for cash, the note given (change is separate).
    public struct PaymentLine: Sendable, Hashable, Codable {
        public var method: TenderMethod
        public var amount: Money

        public init(method: TenderMethod, amount: Money) {
            self.method = method
            self.amount = amount
        }
    }

    /// The member on the sale, with their purchases this year so far (docs/catalogue-and-stock.md).
    public struct MemberLine: Sendable, Hashable, Codable {
        public var number: String
        public var name: String
        public var purchasesThisYear: Money

        public init(number: String, name: String, purchasesThisYear: Money) {
            self.number = number
            self.name = name
            self.purchasesThisYear = purchasesThisYear
        }
    }

    public var kind: Kind
    public var header: Header
    /// `RR-YYYYMMDD-NNNN`.
    public var number: String
    /// For a refund: the receipt it refunds.
    public var refundOf: String?
    /// Local date and time as printed: `2026-11-29 09:30`.
    public var issuedAt: String
    public var register: String
    public var cashier: String
    public var lines: [Line]
    /// Σ line amounts (before discounts).
    public var gross: Money
    /// Σ line discounts.
    public var discounts: Money
    /// What the customer pays (or, for a refund, is paid back).
    public var total: Money
    /// Empty unless the shop is PKP.
    public var taxes: [TaxLine]
    public var payments: [PaymentLine]
    public var change: Money
    /// Cash forgiven by cash rounding.
    public var rounding: Money
    public var member: MemberLine?
    /// The buyer of subsidised goods, masked (`3201********0001`): never the full NIK.
    public var buyerNIK: String?
    public var footer: String
    /// The SHA-256 of the sale's audit journal entry, printed as a QR code.
    public var auditHash: String
    /// The hub the shop joined, when it had (docs/hub.md): the QR code then holds the hub's
    /// public page of this receipt, `<hub URL>/r/<hash>`, instead of the bare hash.
    public var hubURL: String?
    /// A reprint: marked COPY / SALINAN.
    public var isCopy: Bool
    /// Open the cash drawer when printing (a cash payment with `printer.drawer` on).
    public var opensDrawer: Bool

    public init(
        kind: Kind = .sale, header: Header, number: String, refundOf: String? = nil, issuedAt: String, register: String,
        cashier: String, lines: [Line], gross: Money, discounts: Money, total: Money, taxes: [TaxLine] = [],
        payments: [PaymentLine], change: Money = .zero, rounding: Money = .zero, member: MemberLine? = nil, footer: String = "",
        auditHash: String, isCopy: Bool = false, opensDrawer: Bool = false
    ) {
        self.kind = kind
        self.header = header
        self.number = number
        self.refundOf = refundOf
        self.issuedAt = issuedAt
        self.register = register
        self.cashier = cashier
        self.lines = lines
        self.gross = gross
        self.discounts = discounts
        self.total = total
        self.taxes = taxes
        self.payments = payments
        self.change = change
        self.rounding = rounding
        self.member = member
        self.footer = footer
        self.auditHash = auditHash
        self.isCopy = isCopy
        self.opensDrawer = opensDrawer
    }
}

extension Receipt {
    /// What the QR code holds: `<hub URL>/r/<hash>` once the shop joined a hub, else the
    /// audit hash alone.
    public var qrText: String {
        guard let hubURL, !hubURL.isEmpty else { return auditHash }
        let base = hubURL.hasSuffix("/") ? String(hubURL.dropLast()) : hubURL
        return "\(base)/r/\(auditHash)"
    }
}
