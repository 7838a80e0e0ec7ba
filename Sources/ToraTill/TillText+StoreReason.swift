import ToraCore
import ToraStore

extension StoreError.Reason {
    /// The till's translation key for this refusal, with its values.
    public var tillText: (key: String, values: [String: String]) {
        switch self {
        case .database(let failure, let path, let detail): return (Self.key(of: failure), ["path": path, "detail": detail])
        case .unknownReceipt(let number): return ("error.unknown_receipt", ["value": number])
        case .unknownMember(let number): return ("error.unknown_member", ["value": number])
        case .refundOfRefund(let receipt): return ("store.refund_of_refund", ["receipt": receipt])
        case .unknownRefundLine(let line): return ("refund.unknown_line", ["value": String(line)])
        case .nothingToRefund: return ("refund.nothing", [:])
        case .refundCreditNeedsMember: return ("store.refund_credit_needs_member", [:])
        case .notPaidInFull(let due): return ("sale.due", ["due": due.formatted])
        case .creditNow(let member, let available): return ("store.credit_now", ["member": member, "available": available.formatted])
        case .productGone(let sku): return ("store.product_gone", ["sku": sku])
        case .receiptNumbersUsed(let register, let day): return ("store.receipt_numbers_used", ["register": register, "day": day])
        case .nothingToPark: return ("error.nothing_to_park", [:])
        case .openSaleFirst: return ("store.open_sale_first", [:])
        case .noParkedSale(let number): return ("store.no_parked_sale", ["number": String(number)])
        case .nothingToCancel: return ("error.nothing_to_cancel", [:])
        case .searchTooLong(let max): return ("search.too_long", ["max": String(max)])
        case .shiftOfOther(let register, let cashier): return ("login.shift_of_other", ["register": register, "cashier": cashier])
        case .shiftAlreadyClosed: return ("store.shift_closed", [:])
        case .shiftClosedElsewhere(let register): return ("shift.closed_elsewhere", ["register": register])
        case .noChangeToSave: return ("savings.no_change", [:])
        case .wrongCodeOrPIN: return ("login.failed", [:])
        case .userLocked(let code, let minutes): return ("login.locked", ["code": code, "minutes": String(minutes)])
        case .userDisabled(let code): return ("login.disabled", ["code": code])
        }
    }

    private static func key(of failure: StoreError.DatabaseFailure) -> String {
        switch failure {
        case .busy: return "store.busy"
        case .notADatabase: return "store.not_a_database"
        case .damaged: return "store.damaged"
        case .diskFull: return "store.disk_full"
        case .cannotWrite: return "store.cannot_write"
        case .ioError: return "store.io_error"
        case .constraint: return "store.constraint"
        case .failed: return "store.failed"
        }
    }
}
