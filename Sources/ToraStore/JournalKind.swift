/// What an audit journal entry records (docs/audit-journal.md): the `kind` column, as a
/// type so a misspelt kind does not compile. The stored text is `rawValue`, unchanged.
public struct JournalKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

extension JournalKind {
    // The shop and its people.
    public static let shopInitialized = JournalKind(rawValue: "shop.initialized")
    public static let demoCreated = JournalKind(rawValue: "demo.created")
    public static let settingsChanged = JournalKind(rawValue: "settings.changed")
    public static let userCreated = JournalKind(rawValue: "user.created")
    public static let userEnabled = JournalKind(rawValue: "user.enabled")
    public static let userDisabled = JournalKind(rawValue: "user.disabled")
    public static let userUnlocked = JournalKind(rawValue: "user.unlocked")
    public static let userPinChanged = JournalKind(rawValue: "user.pin_changed")
    public static let userPinReset = JournalKind(rawValue: "user.pin_reset")
    public static let loginFailed = JournalKind(rawValue: "login.failed")

    // The catalogue, members and tiers.
    public static let productCreated = JournalKind(rawValue: "product.created")
    public static let productChanged = JournalKind(rawValue: "product.changed")
    public static let memberCreated = JournalKind(rawValue: "member.created")
    public static let memberChanged = JournalKind(rawValue: "member.changed")
    public static let tierCreated = JournalKind(rawValue: "tier.created")
    public static let tierChanged = JournalKind(rawValue: "tier.changed")

    // The till: shifts, sales, refunds, events.
    public static let shiftOpened = JournalKind(rawValue: "shift.opened")
    public static let shiftClosed = JournalKind(rawValue: "shift.closed")
    public static let drawerOpened = JournalKind(rawValue: "drawer.opened")
    public static let saleLineVoided = JournalKind(rawValue: "sale.line_voided")
    public static let saleDiscounted = JournalKind(rawValue: "sale.discounted")
    public static let salePriceOverridden = JournalKind(rawValue: "sale.price_overridden")
    public static let saleBuyerNamed = JournalKind(rawValue: "sale.buyer_named")
    public static let saleParked = JournalKind(rawValue: "sale.parked")
    public static let saleResumed = JournalKind(rawValue: "sale.resumed")
    public static let saleCancelled = JournalKind(rawValue: "sale.cancelled")
    public static let saleCompleted = JournalKind(rawValue: "sale.completed")
    public static let refundCompleted = JournalKind(rawValue: "refund.completed")
    public static let override = JournalKind(rawValue: "override")
    public static let receiptReprinted = JournalKind(rawValue: "receipt.reprinted")

    // Members' money.
    public static let creditRepaid = JournalKind(rawValue: "credit.repaid")
    public static let savingsDeposited = JournalKind(rawValue: "savings.deposited")
    public static let savingsWithdrawn = JournalKind(rawValue: "savings.withdrawn")

    // Stock, consignment and subsidy.
    /// A stock movement of `kind` written on its own (`stock.receive`, `stock.adjust`,
    /// `stock.count`); a sale's or refund's movements are in that sale's entry.
    public static func stock(_ kind: MovementKind) -> JournalKind { JournalKind(rawValue: "stock.\(kind.rawValue)") }
    public static let consignmentSettled = JournalKind(rawValue: "consignment.settled")
    public static let subsidyProgrammeSet = JournalKind(rawValue: "subsidy.programme_set")
    public static let subsidyRefused = JournalKind(rawValue: "subsidy.refused")
    public static let subsidyFullNIKRead = JournalKind(rawValue: "subsidy.full_nik_read")

    // The cooperative hub.
    public static let hubJoined = JournalKind(rawValue: "hub.joined")
    public static let hubRekeyed = JournalKind(rawValue: "hub.rekeyed")
    public static let hubDataApplied = JournalKind(rawValue: "hub.data_applied")
    public static let hubSubsidyUseApplied = JournalKind(rawValue: "hub.subsidy_use_applied")
    public static let hubSavingsApplied = JournalKind(rawValue: "hub.savings_applied")
}
