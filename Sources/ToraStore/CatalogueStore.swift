import GRDB
import ToraCore

/// A product as the shop holds it: the catalogue value plus its row id and stock on hand.
public struct StockedProduct: Sendable, Hashable, FetchableRecord {
    public let id: Int64
    public let product: Product
    /// Σ of the product's stock movements, in thousandths of its unit; may be negative.
    public let onHand: Quantity
}

extension StockedProduct {
    /// Selects every column `init(row:)` reads; `p` is the products table.
    static let selection = """
        p.*, c.name AS category_name,
        (SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes WHERE product_id = p.id ORDER BY position, code)) AS barcode_list
        """
    static let from = "products p JOIN categories c ON c.id = p.category_id"

    public init(row: Row) {
        let barcodeList: String? = row["barcode_list"]
        let unit = MeasureUnit(rawValue: row["unit"]) ?? .pcs
        let consignorPrice: Int64? = row["consignor_price"]
        let memberPrice: Int64? = row["member_price"]
        id = row["id"]
        onHand = Quantity(thousandths: row["on_hand"])
        product = Product(
            sku: row["sku"],
            barcodes: barcodeList.map { $0.split(separator: "|").map(String.init) } ?? [],
            name: row["name"],
            category: row["category_name"],
            unit: unit,
            price: Money(row["price"]),
            memberPrice: memberPrice.map(Money.init),
            cost: Money(row["cost"]),
            tax: TaxClass(rawValue: row["tax"]) ?? .ppn,
            isLocal: row["local"],
            origin: row["origin"],
            consignor: row["consignor"],
            consignorPrice: consignorPrice.map(Money.init),
            plu: row["plu"],
            reorderPoint: Quantity(thousandths: row["reorder_point"]),
            isDiscountable: row["discountable"],
            isActive: row["active"], subsidy: row["subsidy"])
    }

    /// One product by a fixed condition (a literal with `?` placeholders): the statement is
    /// compiled once per connection, since compiling it cost more than running it.
    static func fetchOne(_ db: Database, where condition: StaticString, _ arguments: StatementArguments) throws -> StockedProduct? {
        try fetchOne(db.cachedStatement(sql: "SELECT \(selection) FROM \(from) WHERE \(condition) LIMIT 1"), arguments: arguments)
    }

    /// The products `tail` (a `WHERE` and or `ORDER BY` over `p`, or nothing) selects.
    static func fetchAll(_ db: Database, tail: String, _ arguments: StatementArguments = []) throws -> [StockedProduct] {
        try fetchAll(db, sql: "SELECT \(selection) FROM \(from) \(tail)", arguments: arguments)
    }
}

extension CatalogueStore {
    /// The product with this sku (any case), active or not.
    public func product(sku: String) throws -> StockedProduct? {
        try read { db in try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku]) }
    }

    /// The product a till line names: a barcode (UPC-A and EAN-13 with a leading zero
    /// are the same code), else a sku. Inactive products are found too; the till decides.
    public func product(code: String) throws -> StockedProduct? {
        try read { db in try Self.product(code: code, db) }
    }

    static func product(code: String, _ db: Database) throws -> StockedProduct? {
        var codes = [code]
        if code.count == 12, code.allSatisfy(\.isASCIIDigit) { codes.append("0" + code) }
        if code.count == 13, code.hasPrefix("0"), code.allSatisfy(\.isASCIIDigit) { codes.append(String(code.dropFirst())) }
        for candidate in codes {
            if let found = try StockedProduct.fetchOne(
                db, where: "p.id = (SELECT product_id FROM barcodes WHERE code = ?)", [candidate])
            {
                return found
            }
        }
        return try StockedProduct.fetchOne(db, where: "p.sku = ?", [code])
    }

    /// The product carrying this 5-digit PLU (scale labels).
    public func product(plu: String) throws -> StockedProduct? {
        try read { db in try StockedProduct.fetchOne(db, where: "p.plu = ?", [plu]) }
    }

    /// The catalogue in the order a person browses it: active local products first, then
    /// by category and name. Inactive products only when asked for.
    public func products(includeInactive: Bool = false, category: String? = nil, limit: Int? = nil) throws -> [StockedProduct] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if !includeInactive { conditions.append("p.active = 1") }
            if let category {
                conditions.append("c.name = ?")
                _ = arguments.append(contentsOf: [category])
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limitClause = limit.map { " LIMIT \($0)" } ?? ""
            return try StockedProduct.fetchAll(
                db,
                tail: "\(filter) ORDER BY p.active DESC, p.local DESC, c.name COLLATE NOCASE, p.name COLLATE NOCASE, p.sku\(limitClause)",
                arguments)
        }
    }

    /// Adds one new product (refused when its sku, a barcode or its PLU is taken).
    public func addProduct(_ product: Product, openingStock: Quantity? = nil, actor: String) throws {
        let problems = product.problems()
        if let first = problems.first { throw StoreError(first) }
        try write { db in
            if try StockedProduct.fetchOne(db, where: "p.sku = ?", [product.sku]) != nil {
                throw StoreError(.duplicate, "sku \(product.sku) already exists; use `tora catalogue import` to change it")
            }
            try Self.checkOwnership(of: product, db)
            if let first = try SubsidyStore.subsidyProblems(product, db).first { throw StoreError(first) }
            let id = try Self.insert(product, db, store: self)
            try AuditJournal.append(db, store: self, kind: .productCreated, actor: actor, payload: Self.auditFields(product))
            if let openingStock, openingStock.thousandths != 0 {
                try StockStore(database: database).recordMovement(
                    StockChange(
                        productID: id, sku: product.sku, kind: .count, quantity: openingStock, reason: "opening stock", actor: actor), db)
            }
        }
    }

    /// Refuses a product whose barcodes or PLU belong to another product.
    static func checkOwnership(of product: Product, _ db: Database) throws {
        for code in product.barcodes {
            if let owner = try String.fetchOne(
                db, sql: "SELECT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?", arguments: [code]),
                owner.lowercased() != product.sku.lowercased()
            {
                throw StoreError(.duplicate, "barcode: \(code) already belongs to \(owner)")
            }
        }
        if let plu = product.plu,
            let owner = try String.fetchOne(db, sql: "SELECT sku FROM products WHERE plu = ?", arguments: [plu]),
            owner.lowercased() != product.sku.lowercased()
        {
            throw StoreError(.duplicate, "plu: \(plu) already belongs to \(owner)")
        }
    }

    static func categoryID(_ name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM categories WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO categories(name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }

    static func columnValues(_ product: Product, _ db: Database) throws -> StatementArguments {
        [
            product.sku, product.name, try categoryID(product.category, db), product.unit.rawValue, product.price.rupiah,
            product.memberPrice?.rupiah, product.cost.rupiah, product.tax.rawValue, product.isLocal, product.origin,
            product.consignor, product.consignorPrice?.rupiah, product.plu, product.reorderPoint.thousandths,
            product.isDiscountable, product.isActive, product.subsidy,
        ]
    }

    static let productColumns =
        "sku, name, category_id, unit, price, member_price, cost, tax, local, origin, consignor, consignor_price, plu, reorder_point, discountable, active, subsidy"

    @discardableResult
    static func insert(_ product: Product, _ db: Database, store: some ShopDatabaseAccess) throws -> Int64 {
        let now = Timestamp.format(store.clock.now)
        var arguments = try columnValues(product, db)
        _ = arguments.append(contentsOf: [now, now])
        try db.execute(
            sql:
                "INSERT INTO products(\(productColumns), created_at, updated_at) VALUES (\(Array(repeating: "?", count: 19).joined(separator: ", ")))",
            arguments: arguments)
        let id = db.lastInsertedRowID
        try replaceBarcodes(of: id, with: product.barcodes, db)
        return id
    }

    static func update(_ id: Int64, to product: Product, _ db: Database, store: some ShopDatabaseAccess) throws {
        var arguments = try columnValues(product, db)
        _ = arguments.append(contentsOf: [Timestamp.format(store.clock.now), id])
        let assignments = productColumns.split(separator: ",").map { "\(String($0).trimmingSpaces()) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE products SET \(assignments), updated_at = ? WHERE id = ?", arguments: arguments)
        try replaceBarcodes(of: id, with: product.barcodes, db)
    }

    static func replaceBarcodes(of id: Int64, with codes: [String], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM barcodes WHERE product_id = ?", arguments: [id])
        for (position, code) in codes.enumerated() {
            try db.execute(sql: "INSERT INTO barcodes(code, product_id, position) VALUES (?, ?, ?)", arguments: [code, id, position])
        }
    }

    /// The product's fields as the audit journal records them.
    static func auditFields(_ product: Product) -> [String: JSONValue] {
        [
            "sku": .string(product.sku), "name": .string(product.name), "category": .string(product.category),
            "unit": .string(product.unit.rawValue), "price": .int(product.price.rupiah), "member_price": .money(product.memberPrice),
            "cost": .int(product.cost.rupiah), "tax": .string(product.tax.rawValue), "local": .bool(product.isLocal),
            "origin": .string(product.origin), "consignor": .optional(product.consignor),
            "consignor_price": .money(product.consignorPrice), "plu": .optional(product.plu),
            "barcodes": .array(product.barcodes.map(JSONValue.string)), "reorder_point": .int(product.reorderPoint.thousandths),
            "discountable": .bool(product.isDiscountable), "active": .bool(product.isActive),
        ].merging(product.subsidy.map { ["subsidy": .string($0)] } ?? [:]) { $1 }
    }

    /// The fields that differ between two versions, as `{field: [old, new]}`.
    static func changedFields(from old: Product, to new: Product) -> [String: JSONValue] {
        let before = auditFields(old)
        let after = auditFields(new)
        var changes: [String: JSONValue] = [:]
        for (key, value) in after where before[key] != value {
            changes[key] = .array([before[key] ?? .null, value])
        }
        // A field only present when set (the programme) may also be cleared.
        for (key, value) in before where after[key] == nil {
            changes[key] = .array([value, .null])
        }
        return changes
    }

    /// Counts for a summary line: products, active, local, consigned, weighed, categories.
    public func catalogueSummary() throws -> CatalogueSummary {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS products, coalesce(sum(active), 0) AS active, coalesce(sum(local AND active), 0) AS local,
                           coalesce(sum(consignor IS NOT NULL AND active), 0) AS consigned, coalesce(sum(unit <> 'pcs' AND active), 0) AS measured,
                           (SELECT count(*) FROM categories) AS categories, (SELECT count(*) FROM members WHERE active = 1) AS members
                    FROM products
                    """)
            return CatalogueSummary(
                products: row?["products"] ?? 0, active: row?["active"] ?? 0, local: row?["local"] ?? 0,
                consigned: row?["consigned"] ?? 0, measured: row?["measured"] ?? 0, categories: row?["categories"] ?? 0,
                members: row?["members"] ?? 0)
        }
    }
}

/// How big the shop's catalogue is, for the line `tora demo` and `catalogue list` print.
public struct CatalogueSummary: Sendable, Hashable {
    public let products: Int
    public let active: Int
    public let local: Int
    public let consigned: Int
    public let measured: Int
    public let categories: Int
    public let members: Int
}

extension CatalogueStore {
    /// The first active local product (by name) of a category sold in the same unit, to
    /// suggest instead of a non-local one: rice by the kilogram is no alternative to a
    /// packet of noodles (docs/till.md, "local products first").
    public func localAlternative(category: String, unit: MeasureUnit, excluding sku: String) throws -> StockedProduct? {
        try read { db in
            try StockedProduct.fetchOne(
                db, where: "c.name = ? AND p.unit = ? AND p.local = 1 AND p.active = 1 AND p.sku <> ? ORDER BY p.name",
                [category, unit.rawValue, sku])
        }
    }
}
