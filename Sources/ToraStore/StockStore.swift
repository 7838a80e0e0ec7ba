import Foundation
import GRDB
import ToraCore

/// The kinds of stock movement (docs/catalogue-and-stock.md).
public enum MovementKind: String, Sendable, Hashable, CaseIterable {
    case receive, sale, refund, adjust, count
}

/// Why stock was adjusted by hand, and which way it moves.
public enum AdjustReason: String, Sendable, Hashable, CaseIterable {
    case damaged, expired, lost, found

    /// `damaged/rusak`, `expired/kedaluwarsa/kadaluarsa`, `lost/hilang`, `found/ditemukan`.
    public static func parse(_ text: String) -> AdjustReason? {
        switch text.trimmingSpaces().lowercased() {
        case "damaged", "rusak": return .damaged
        case "expired", "kedaluwarsa", "kadaluarsa", "kadaluwarsa": return .expired
        case "lost", "hilang": return .lost
        case "found", "ditemukan": return .found
        default: return nil
        }
    }

    /// Damaged, expired and lost goods leave the shelf; found goods come back.
    public var addsStock: Bool { self == .found }
}

/// One row of the stock ledger, with the running level after it.
public struct StockMovement: Sendable, Hashable {
    public let id: Int64
    public let at: String
    public let businessDay: String
    public let kind: MovementKind
    public let quantity: Quantity
    public let unitCost: Money?
    public let reason: String?
    public let party: String?
    public let reference: String?
    public let actor: String
    /// On-hand just after this movement.
    public let balance: Quantity
}

/// A product at or below its reorder point, with its recent pace of sales.
public struct LowStockLine: Sendable, Hashable {
    public let product: StockedProduct
    /// Units sold net of refunds over the window, per day (thousandths of the unit).
    public let averageDailySales: Quantity
    /// On-hand ÷ average daily sales, in whole days; nil when nothing sold.
    public let daysOfCover: Int64?
}

extension StockStore {
    /// Inserts one movement; the on-hand column follows by trigger in the same
    /// transaction. Every movement is journaled.
    @discardableResult
    func recordMovement(_ change: StockChange, journal: Bool = true, at given: ShopMoment? = nil, _ db: Database) throws -> Int64 {
        let moment = try given ?? moment(db)
        var movement = StockMovementRecord(change, at: moment)
        try movement.insert(db)
        let id = movement.id ?? db.lastInsertedRowID
        // Sales and refunds journal their movements in their own entry, line by line.
        guard journal else { return id }
        try AuditJournal.append(
            db, store: self, kind: .stock(change.kind), actor: change.actor, register: change.register.flatMap(RegisterID.init),
            payload: [
                "movement": .int(id), "sku": .string(change.sku), "quantity": .int(change.quantity.thousandths),
                "unit_cost": .money(change.unitCost), "reason": .optional(change.reason), "party": .optional(change.party),
                "reference": .optional(change.reference),
            ], at: moment)
        return id
    }

    private func requireProduct(_ sku: String, _ db: Database) throws -> StockedProduct {
        guard let found = try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku]) else {
            throw StoreError(.notFound, "sku: no product with sku '\(sku)'; see `tora catalogue search`")
        }
        return found
    }

    /// Goods received from a supplier or consignor. With a cost, the product's cost
    /// becomes that last purchase cost. Returns the new on-hand.
    @discardableResult
    public func receive(sku: String, quantity text: String, cost: Money?, supplier: String?, actor: String) throws -> Quantity {
        try write { db in
            let stocked = try self.requireProduct(sku, db)
            let quantity = try Quantity.parse(text, unit: stocked.product.unit, purpose: .stock(allowNegative: false))
            if let cost {
                guard !cost.isNegative else { throw StoreError(.invalidInput, "cost: must be zero or more") }
                if cost != stocked.product.cost {
                    try db.execute(sql: "UPDATE products SET cost = ? WHERE id = ?", arguments: [cost.rupiah, stocked.id])
                    try AuditJournal.append(
                        db, store: self, kind: .productChanged, actor: actor,
                        payload: [
                            "sku": .string(stocked.product.sku),
                            "changes": .object(["cost": .array([.int(stocked.product.cost.rupiah), .int(cost.rupiah)])]),
                        ])
                }
            }
            try recordMovement(
                StockChange(
                    productID: stocked.id, sku: stocked.product.sku, kind: .receive, quantity: quantity,
                    unitCost: cost ?? stocked.product.cost, party: supplier ?? stocked.product.consignor, actor: actor), db)
            return stocked.onHand + quantity
        }
    }

    /// A correction with a reason. The reason decides the direction (damaged, expired
    /// and lost remove; found adds); a sign on the quantity must agree with it.
    @discardableResult
    public func adjust(sku: String, quantity text: String, reason: AdjustReason, note: String?, actor: String) throws -> Quantity {
        try write { db in
            let stocked = try self.requireProduct(sku, db)
            let given = try Quantity.parse(text, unit: stocked.product.unit, purpose: .stock(allowNegative: true))
            guard given.thousandths != 0 else { throw StoreError(.invalidInput, "quantity: an adjustment of zero changes nothing") }
            if given.isNegative && reason.addsStock || !given.isNegative && text.trimmingSpaces().hasPrefix("+") && !reason.addsStock {
                throw StoreError(
                    .invalidInput,
                    "quantity: '\(text)' goes the wrong way for '\(reason.rawValue)' (\(reason.addsStock ? "found adds stock" : "\(reason.rawValue) removes stock"))"
                )
            }
            let magnitude = Quantity(thousandths: abs(given.thousandths))
            let signed = reason.addsStock ? magnitude : -magnitude
            try recordMovement(
                StockChange(
                    productID: stocked.id, sku: stocked.product.sku, kind: .adjust, quantity: signed,
                    reason: [reason.rawValue, note].compactMap { $0 }.joined(separator: ": "), actor: actor), db)
            return stocked.onHand + signed
        }
    }

    /// A stock count (stock opname): sets the level to what was counted by recording the
    /// difference. Returns (before, counted).
    @discardableResult
    public func count(sku: String, counted text: String, actor: String) throws -> (before: Quantity, counted: Quantity) {
        try write { db in
            let stocked = try self.requireProduct(sku, db)
            let counted = try Quantity.counted(text, unit: stocked.product.unit, field: "counted")
            try recordMovement(
                StockChange(
                    productID: stocked.id, sku: stocked.product.sku, kind: .count, quantity: counted - stocked.onHand,
                    reason: "counted \(counted.formatted(stocked.product.unit))", actor: actor), db)
            return (stocked.onHand, counted)
        }
    }

    /// Counts from a CSV file with columns `sku,counted`, all or nothing. Returns how many
    /// products were counted and how many of them changed level.
    public func importCounts(path: String, actor: String) throws -> (counted: Int, changed: Int) {
        let table = try CSVTable.parse(try CSVImport.readFile(path), name: path)
        var csv = try CSVImport(
            table, name: path, known: ["sku", "counted"], required: ["sku", "counted"],
            aliases: ["kode": "sku", "stok": "counted", "jumlah": "counted", "terhitung": "counted", "hitung": "counted"])
        return try write { db in
            var seen: [String: Int] = [:]
            var counts: [(StockedProduct, Quantity)] = []
            for record in table.records {
                let sku = csv.cell("sku", record) ?? ""
                guard let stocked = try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku]) else {
                    csv.report(record.line, "sku", "no product with sku '\(sku)'")
                    continue
                }
                if let earlier = seen[sku.lowercased()] {
                    csv.report(record.line, "sku", "\(sku) is already counted on line \(earlier)")
                    continue
                }
                seen[sku.lowercased()] = record.line
                let text = csv.cell("counted", record) ?? ""
                if let counted = csv.read(
                    record.line, "counted",
                    { () throws(CoreError) in
                        try Quantity.counted(text, unit: stocked.product.unit, field: "counted")
                    })
                {
                    counts.append((stocked, counted))
                }
            }
            guard csv.problems.isEmpty else { throw csv.failure() }
            var changed = 0
            for (stocked, counted) in counts {
                let difference = counted - stocked.onHand
                if difference.thousandths != 0 { changed += 1 }
                try recordMovement(
                    StockChange(
                        productID: stocked.id, sku: stocked.product.sku, kind: .count, quantity: difference,
                        reason: "counted \(counted.formatted(stocked.product.unit))", reference: path, actor: actor), db)
            }
            return (counts.count, changed)
        }
    }

    /// Every movement of a product, oldest first, with the running balance.
    public func stockHistory(sku: String, limit: Int = 1000) throws -> (product: StockedProduct, movements: [StockMovement]) {
        try read { db in
            guard let stocked = try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku]) else {
                throw StoreError(.notFound, "sku: no product with sku '\(sku)'")
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT m.*, sum(quantity) OVER (ORDER BY id) AS balance FROM stock_movements m WHERE product_id = ?
                    ) ORDER BY id DESC LIMIT ?
                    """,
                arguments: [stocked.id, limit])
            let movements = rows.reversed().map { row in
                let unitCost: Int64? = row["unit_cost"]
                return StockMovement(
                    id: row["id"], at: row["at"], businessDay: row["business_day"], kind: MovementKind(rawValue: row["kind"]) ?? .adjust,
                    quantity: Quantity(thousandths: row["quantity"]), unitCost: unitCost.map(Money.init), reason: row["reason"],
                    party: row["party"], reference: row["reference"], actor: row["actor"], balance: Quantity(thousandths: row["balance"]))
            }
            return (stocked, movements)
        }
    }

    /// Active products at or below their reorder point (negative stock included), with
    /// average daily sales over the last `days` business days and days of cover.
    public func lowStock(days: Int = 28) throws -> [LowStockLine] {
        try read { db in
            let zone = try Settings.timeZone(db)
            let today = Timestamp.businessDay(of: self.clock.now, in: zone)
            let start = Timestamp.businessDay(of: self.clock.now.addingTimeInterval(-Double(days - 1) * 86_400), in: zone)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(StockedProduct.selection),
                        coalesce((SELECT -sum(m.quantity) FROM stock_movements m
                                  WHERE m.product_id = p.id AND m.kind IN ('sale', 'refund') AND m.business_day BETWEEN ? AND ?), 0) AS sold
                    FROM \(StockedProduct.from)
                    WHERE p.active = 1 AND p.on_hand <= p.reorder_point
                    ORDER BY p.on_hand - p.reorder_point, p.name COLLATE NOCASE
                    """,
                arguments: [start, today])
            return rows.map { row in
                let stocked = StockedProduct(row: row)
                let sold: Int64 = row["sold"]
                let perDay = roundHalfUp(max(sold, 0), dividedBy: Int64(days))
                let cover: Int64? = perDay > 0 ? max(stocked.onHand.thousandths, 0) / perDay : nil
                return LowStockLine(product: stocked, averageDailySales: Quantity(thousandths: perDay), daysOfCover: cover)
            }
        }
    }

    /// Checks that every product's cached on-hand equals the sum of its movements; returns
    /// the skus that differ (empty when the ledger and the cache agree).
    public func stockLedgerMismatches() throws -> [String] {
        try read { db in
            // One pass over the ledger in table order, summed here: a sum per product
            // through the product index read the ledger in random order (38 s for 10
            // million movements; this is a few seconds).
            var sums: [Int64: Int64] = [:]
            let movements = try Row.fetchCursor(db, sql: "SELECT product_id, quantity FROM stock_movements")
            while let movement = try movements.next() {
                sums[movement[0], default: 0] += movement[1] as Int64
            }
            var mismatches: [String] = []
            let products = try Row.fetchCursor(db, sql: "SELECT id, sku, on_hand FROM products ORDER BY id")
            while let product = try products.next() {
                if (product[2] as Int64) != sums[product[0], default: 0] { mismatches.append(product[1]) }
            }
            return mismatches
        }
    }
}

extension Quantity {
    /// A counted level (stock opname, a `stock` cell): zero or more, refused with a plain
    /// reason when negative, since nobody counts fewer than nothing on a shelf.
    static func counted(_ text: String, unit: MeasureUnit, field: String) throws(CoreError) -> Quantity {
        if text.trimmingSpaces().hasPrefix("-") {
            throw CoreError(
                .quantityOutOfRange, field: field, value: text, details: ["min": "0", "max": "9.999.999"],
                reason: "'\(text.trimmingSpaces())' is negative; a count is zero or more (count what is on the shelf)")
        }
        return try Quantity.parse(text, unit: unit, purpose: .level, field: field)
    }
}
