/// Why a domain rule refused an input: a stable `code` for programs and translations, the
/// field and value a person needs to find the problem, and an English sentence.
///
/// New codes may be added at any time, so callers switch on the codes they know and fall
/// back to `reason` for the rest. A refused input never changes anything: every
/// operation that throws this returns no new value.
public struct CoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the rule that was broken, used to pick a translated message.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let invalidAmount = Code(rawValue: "invalid_amount")
        public static let amountTooLarge = Code(rawValue: "amount_too_large")
        public static let decimalMoney = Code(rawValue: "decimal_money")
        public static let negativeAmount = Code(rawValue: "negative_amount")
        public static let invalidQuantity = Code(rawValue: "invalid_quantity")
        public static let quantityOutOfRange = Code(rawValue: "quantity_out_of_range")
        public static let wholeQuantityRequired = Code(rawValue: "whole_quantity_required")
        public static let invalidBarcode = Code(rawValue: "invalid_barcode")
        public static let badCheckDigit = Code(rawValue: "bad_check_digit")
        public static let reservedScalePrefix = Code(rawValue: "reserved_scale_prefix")
        public static let invalidSKU = Code(rawValue: "invalid_sku")
        public static let invalidField = Code(rawValue: "invalid_field")
        public static let invalidPercent = Code(rawValue: "invalid_percent")
        public static let invalidTaxRate = Code(rawValue: "invalid_tax_rate")
        public static let lineNotFound = Code(rawValue: "line_not_found")
        public static let lineVoided = Code(rawValue: "line_voided")
        public static let notDiscountable = Code(rawValue: "not_discountable")
        public static let discountExceedsLine = Code(rawValue: "discount_exceeds_line")
        public static let fixedAmountLine = Code(rawValue: "fixed_amount_line")
        public static let emptySale = Code(rawValue: "empty_sale")
        public static let alreadyPaid = Code(rawValue: "already_paid")
        public static let saleHasPayments = Code(rawValue: "sale_has_payments")
        public static let tenderExceedsDue = Code(rawValue: "tender_exceeds_due")
        public static let creditNeedsMember = Code(rawValue: "credit_needs_member")
        public static let creditLimitExceeded = Code(rawValue: "credit_limit_exceeded")
        public static let zeroTender = Code(rawValue: "zero_tender")
        public static let refundExceedsSold = Code(rawValue: "refund_exceeds_sold")
        /// Text that is not a number as Indonesians write it.
        public static let invalidNumber = Code(rawValue: "invalid_number")
        /// A dot used as a decimal mark (`1.5`); `details["suggestion"]` is the text with a comma.
        public static let decimalPoint = Code(rawValue: "decimal_point")
        /// More decimals than the value keeps; `details["decimals"]` says how many it may have.
        public static let tooManyDecimals = Code(rawValue: "too_many_decimals")
        /// A cash rounding step other than 0, 50, 100 or 500.
        public static let invalidCashRounding = Code(rawValue: "invalid_cash_rounding")
        public static let repaymentExceedsOwed = Code(rawValue: "repayment_exceeds_owed")
        public static let invalidRepaymentMethod = Code(rawValue: "invalid_repayment_method")
        /// Not the shape of a NIK; `details["why"]` is `digits`, `province` or `birth_date`.
        public static let invalidNIK = Code(rawValue: "invalid_nik")
        /// A price above the ceiling price (HET) of a subsidy programme.
        public static let aboveHET = Code(rawValue: "above_het")
        /// More units than a buyer has left of a programme's limit; `details["remaining"]`.
        public static let subsidyLimit = Code(rawValue: "subsidy_limit")
        /// A programme that needs a named buyer (NIK) before its line.
        public static let nikRequired = Code(rawValue: "nik_required")
        /// A savings withdrawal above the account's balance.
        public static let withdrawalExceedsBalance = Code(rawValue: "withdrawal_exceeds_balance")
        /// Simpanan pokok or wajib withdrawn before membership ends (`details["account"]`).
        public static let savingsLocked = Code(rawValue: "savings_locked")
        /// A savings movement paid "on credit": savings move in cash, QRIS or debit.
        public static let invalidSavingsMethod = Code(rawValue: "invalid_savings_method")
        /// A savings movement of zero or less.
        public static let zeroSavings = Code(rawValue: "zero_savings")
        /// `tabung` of more than the sale's change (`details["change"]`).
        public static let savingsExceedsChange = Code(rawValue: "savings_exceeds_change")

        /// Every code above, so translations can be checked for completeness.
        public static let all: [Code] = [
            .invalidAmount, .amountTooLarge, .decimalMoney, .negativeAmount, .invalidQuantity, .quantityOutOfRange,
            .wholeQuantityRequired, .invalidBarcode, .badCheckDigit, .reservedScalePrefix, .invalidSKU, .invalidField,
            .invalidPercent, .invalidTaxRate, .lineNotFound, .lineVoided, .notDiscountable, .discountExceedsLine,
            .fixedAmountLine, .emptySale, .alreadyPaid, .saleHasPayments, .tenderExceedsDue, .creditNeedsMember,
            .creditLimitExceeded, .zeroTender, .refundExceedsSold, .invalidNumber, .decimalPoint, .tooManyDecimals,
            .invalidCashRounding,
            .repaymentExceedsOwed, .invalidRepaymentMethod,
            .invalidNIK, .aboveHET, .subsidyLimit, .nikRequired,
            .withdrawalExceedsBalance, .savingsLocked, .invalidSavingsMethod, .zeroSavings, .savingsExceedsChange,
        ]
    }

    public var code: Code
    /// The field or column the value was meant for (`price`, `quantity`, `barcode`), if any.
    public var field: String?
    /// The offending value as the person typed it, if any.
    public var value: String?
    /// Named parameters for translated messages (`limit`, `line`, `due`), already formatted.
    public var details: [String: String]
    /// One English sentence saying what is wrong and, where it helps, what is accepted.
    public var reason: String

    public init(
        _ code: Code, field: String? = nil, value: String? = nil,
        details: [String: String] = [:], reason: String
    ) {
        self.code = code
        self.field = field
        self.value = value
        self.details = details
        self.reason = reason
    }

    /// The same error, now naming the field it was found in.
    public func inField(_ name: String) -> CoreError {
        var copy = self
        copy.field = name
        return copy
    }

    public var description: String {
        var text = ""
        if let field { text += "\(field): " }
        text += reason
        return text
    }
}
