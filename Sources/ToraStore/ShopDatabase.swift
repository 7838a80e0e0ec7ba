import Foundation
import GRDB
import ToraCore

/// The one connection pool of a shop file with its path and clock: what every focused
/// store holds, so each runs its own transactions and stamps them with the shop's time.
struct ShopDatabase: Sendable {
    let pool: DatabasePool
    let path: String
    let clock: ShopClock
}

/// A type that reaches the shop file: `ShopStore` and every focused store over it.
protocol ShopDatabaseAccess: Sendable {
    var database: ShopDatabase { get }
}

extension ShopDatabaseAccess {
    var pool: DatabasePool { database.pool }
    var path: String { database.path }
    var clock: ShopClock { database.clock }

    /// Runs one write transaction, turning SQLite failures into `StoreError`s.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try database.pool.write(updates)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: database.path)
        } catch let error as CoreError {
            throw StoreError(error)
        } catch let error as DecodingError {
            throw StoreError.damaged(error, column: "a stored value", row: database.path)
        }
    }

    /// Runs one read, turning SQLite failures into `StoreError`s.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try database.pool.read(value)
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: database.path)
        } catch let error as DecodingError {
            throw StoreError.damaged(error, column: "a stored value", row: database.path)
        }
    }

    /// The current time and business day in the shop's time zone.
    func moment(_ db: Database) throws -> ShopMoment {
        moment(in: try Settings.timeZone(db))
    }

    /// The current time in `zone`: one reading of the clock serves a whole transaction,
    /// so a sale, its movements and its journal entry carry the same instant.
    func moment(in zone: TimeZone) -> ShopMoment {
        ShopMoment(database.clock.now, in: zone)
    }
}

/// The catalogue: products, their barcodes and categories, search, CSV import and export.
public struct CatalogueStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Sales: open and parked sales, completed sales and their receipts, refunds.
public struct SalesStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Cashier shifts: opening, the drawer's cash, closing.
public struct ShiftStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Members and tiers, with their money: credit, savings and member statements.
public struct MemberStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Stock movements: receiving, adjusting, counting, history and low stock.
public struct StockStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Subsidised goods: programmes, their daily limits per buyer, and what was sold.
public struct SubsidyStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Consigned goods: what each consignor is owed, and settling it.
public struct ConsignmentStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// Users of the shop: staff, their roles and PINs, signing in.
public struct UserStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// The audit journal (docs/audit-journal.md): reading entries, events, verification.
public struct JournalStore: ShopDatabaseAccess {
    let database: ShopDatabase
}

/// The reports' queries: sums of stored amounts per day, shift, product and year.
public struct ReportQueries: ShopDatabaseAccess {
    let database: ShopDatabase
}

extension ShopStore {
    /// The catalogue of this shop.
    public var catalogue: CatalogueStore { CatalogueStore(database: database) }
    /// The sales of this shop.
    public var sales: SalesStore { SalesStore(database: database) }
    /// The cashier shifts of this shop.
    public var shifts: ShiftStore { ShiftStore(database: database) }
    /// The members, their credit and savings.
    public var members: MemberStore { MemberStore(database: database) }
    /// The stock movements of this shop.
    public var stock: StockStore { StockStore(database: database) }
    /// The subsidy programmes and subsidised sales.
    public var subsidy: SubsidyStore { SubsidyStore(database: database) }
    /// The consignors' statements and settlements.
    public var consignment: ConsignmentStore { ConsignmentStore(database: database) }
    /// The shop's users.
    public var users: UserStore { UserStore(database: database) }
    /// The audit journal.
    public var journal: JournalStore { JournalStore(database: database) }
    /// The queries behind the reports.
    public var reports: ReportQueries { ReportQueries(database: database) }
}
