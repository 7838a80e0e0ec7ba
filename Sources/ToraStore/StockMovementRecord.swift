import GRDB
import ToraCore

/// One row of `stock_movements`: a change of one product's on-hand, which a trigger adds
/// to `products.on_hand` in the same transaction.
struct StockMovementRecord: FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "stock_movements"

    var id: Int64?
    var productID: Int64
    var at: String
    var businessDay: String
    var kind: MovementKind
    var quantity: Quantity
    var unitCost: Money?
    var reason: String?
    var party: String?
    var reference: String?
    var actor: String

    enum Columns {
        static let id = Column("id")
        static let productID = Column("product_id")
        static let at = Column("at")
        static let businessDay = Column("business_day")
        static let kind = Column("kind")
        static let quantity = Column("quantity")
        static let unitCost = Column("unit_cost")
        static let reason = Column("reason")
        static let party = Column("party")
        static let reference = Column("reference")
        static let actor = Column("actor")
    }

    /// The movement `change` asks for, at `moment`.
    init(_ change: StockChange, at moment: ShopMoment) {
        id = nil
        productID = change.productID
        at = moment.at
        businessDay = moment.day
        kind = change.kind
        quantity = change.quantity
        unitCost = change.unitCost
        reason = change.reason
        party = change.party
        reference = change.reference
        actor = change.actor
    }

    init(row: Row) throws {
        let kindText: String = row[Columns.kind]
        guard let kind = MovementKind(rawValue: kindText) else {
            throw StoreError(.damaged, "stock movement \(row[Columns.id] as Int64? ?? 0) has an unknown kind '\(kindText)'")
        }
        id = row[Columns.id]
        productID = row[Columns.productID]
        at = row[Columns.at]
        businessDay = row[Columns.businessDay]
        self.kind = kind
        quantity = Quantity(thousandths: row[Columns.quantity])
        unitCost = (row[Columns.unitCost] as Int64?).map(Money.init)
        reason = row[Columns.reason]
        party = row[Columns.party]
        reference = row[Columns.reference]
        actor = row[Columns.actor]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.productID] = productID
        container[Columns.at] = at
        container[Columns.businessDay] = businessDay
        container[Columns.kind] = kind.rawValue
        container[Columns.quantity] = quantity.thousandths
        container[Columns.unitCost] = unitCost?.rupiah
        container[Columns.reason] = reason
        container[Columns.party] = party
        container[Columns.reference] = reference
        container[Columns.actor] = actor
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stock change to record: what `StockStore.recordMovement` takes, one value instead
/// of a dozen arguments. `sku` and `register` go to the journal entry, not the row.
struct StockChange: Sendable {
    var productID: Int64
    var sku: String
    var kind: MovementKind
    var quantity: Quantity
    var unitCost: Money? = nil
    var reason: String? = nil
    var party: String? = nil
    var reference: String? = nil
    var actor: String
    var register: String? = nil
}
