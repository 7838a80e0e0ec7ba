import ToraCore

extension StoreError {
    /// Why the store refused, as the facts of the case: a front end words it in its own
    /// language (the till maps each reason to a key of its translations); the store
    /// knows no front end's words. `message` stays the English sentence for the log.
    public enum Reason: Sendable, Hashable {
        /// SQLite failed in a way a shop can act on (full disk, busy, damaged file).
        case database(DatabaseFailure, path: String, detail: String)
        case unknownReceipt(String)
        case unknownMember(String)
        case refundOfRefund(receipt: String)
        case unknownRefundLine(Int)
        case nothingToRefund
        case refundCreditNeedsMember
        case notPaidInFull(due: Money)
        case creditNow(member: String, available: Money)
        case productGone(sku: String)
        case receiptNumbersUsed(register: String, day: String)
        case nothingToPark
        case openSaleFirst
        case noParkedSale(Int64)
        case nothingToCancel
        case searchTooLong(maxCharacters: Int)
        case shiftOfOther(register: String, cashier: String)
        case shiftAlreadyClosed
        case shiftClosedElsewhere(register: String)
        case noChangeToSave
        case wrongCodeOrPIN
        case userLocked(code: String, minutes: Int)
        case userDisabled(code: String)
    }

    /// The kinds of SQLite failure a person can do something about.
    public enum DatabaseFailure: Sendable, Hashable {
        case busy, notADatabase, damaged, diskFull, cannotWrite, ioError, constraint, failed
    }

    /// The same error, carrying why in facts a front end can word.
    func because(_ reason: Reason) -> StoreError {
        var copy = self
        copy.reason = reason
        return copy
    }
}
