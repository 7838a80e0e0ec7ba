import GRDB
import ToraCore

/// What a catalogue import did (or, with `--dry-run`, would do).
public struct CatalogueImportReport: Sendable, Hashable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows whose `stock` cell recorded a count that changed the level.
    public var stockCounts = 0
    public var isDryRun = false
}

/// The catalogue's CSV columns (docs/csv-import.md), in the order `catalogue export`
/// writes them, and the Indonesian names a file may use instead.
enum CatalogueColumns {
    static let all = [
        "sku", "barcode", "name", "category", "unit", "price", "member_price", "cost", "tax", "local", "origin", "consignor",
        "consignor_price", "plu", "stock", "reorder_point", "discountable", "active", "subsidy",
    ]
    /// Only the sku: a row for an existing product changes the columns it has; a new
    /// product's row needs a name and a price (checked per row).
    static let required = ["sku"]
    /// Folded Indonesian (and a few English) header names -> the column they mean.
    static let aliases: [String: String] = [
        "kode": "sku", "kode_barang": "sku", "barcodes": "barcode", "barkode": "barcode", "kode_batang": "barcode",
        "nama": "name", "nama_barang": "name", "kategori": "category", "satuan": "unit", "harga": "price",
        "harga_jual": "price", "harga_anggota": "member_price", "modal": "cost", "harga_pokok": "cost",
        "harga_beli": "cost", "pajak": "tax", "lokal": "local", "produk_lokal": "local", "asal": "origin",
        "penitip": "consignor", "harga_penitip": "consignor_price", "harga_titip": "consignor_price", "stok": "stock",
        "titik_pesan": "reorder_point", "batas_stok": "reorder_point", "bisa_diskon": "discountable", "diskon": "discountable",
        "aktif": "active", "subsidi": "subsidy", "program": "subsidy", "program_subsidi": "subsidy",
    ]
}

extension CatalogueStore {
    /// Imports a catalogue CSV (docs/csv-import.md): rows upsert by sku; only the columns present
    /// change an existing product; a `stock` cell records a stock count. All or nothing:
    /// any bad row and nothing is written, every problem listed as `line N: column: reason`.
    public func importCatalogue(path: String, dryRun: Bool, actor: String) throws -> CatalogueImportReport {
        let table = try CSVTable.parse(try CSVImport.readFile(path), name: path)
        return try importCatalogue(table, name: path, dryRun: dryRun, actor: actor)
    }

    func importCatalogue(_ table: CSVTable, name: String, dryRun: Bool, actor: String) throws -> CatalogueImportReport {
        var csv = try CSVImport(
            table, name: name, known: CatalogueColumns.all, required: CatalogueColumns.required, aliases: CatalogueColumns.aliases)
        do {
            return try pool.writeWithoutTransaction { db in
                var report = CatalogueImportReport(isDryRun: dryRun)
                try db.inTransaction(.immediate) {
                    report = try self.applyCatalogue(table, csv: &csv, dryRun: dryRun, actor: actor, db)
                    return csv.problems.isEmpty && !dryRun ? .commit : .rollback
                }
                if !csv.problems.isEmpty { throw csv.failure() }
                return report
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: self.path)
        }
    }

    /// Over 60 lines on purpose: one pass over the file's rows, each column checked in turn
    /// so every problem of every line is reported at once.
    private func applyCatalogue(
        _ table: CSVTable, csv: inout CSVImport, dryRun: Bool, actor: String, _ db: Database
    ) throws -> CatalogueImportReport {
        var report = CatalogueImportReport(isDryRun: dryRun)
        // Barcodes and PLUs the file gives each sku, so a code may move between products.
        var barcodeClaims: [String: (sku: String, line: Int)] = [:]
        var pluClaims: [String: (sku: String, line: Int)] = [:]
        var fileBarcodes: [String: Set<String>] = [:]
        var skuLines: [String: Int] = [:]
        for record in table.records {
            let sku = (csv.cell("sku", record) ?? "").lowercased()
            if csv.has("barcode") {
                fileBarcodes[sku] = Set(Self.splitBarcodes(csv.cell("barcode", record) ?? ""))
            }
        }

        for record in table.records {
            let line = record.line
            let problemsBefore = csv.problems.count
            let sku = csv.cell("sku", record) ?? ""
            if sku.isEmpty {
                csv.report(line, "sku", "a sku is required")
                continue
            }
            if let earlier = skuLines[sku.lowercased()] {
                csv.report(line, "sku", "\(sku) is already on line \(earlier); each sku once per file")
                continue
            }
            skuLines[sku.lowercased()] = line
            let existing = try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku])
            var product = existing?.product ?? Product(sku: sku, name: "", price: .zero)
            Self.apply(record, csv: &csv, to: &product, line: line, isNew: existing == nil)
            for problem in product.problems() {
                // Cells that failed to parse were reported already; report rule breaks once.
                let field = problem.field ?? "row"
                if existing == nil, (field == "name" && !csv.has("name")) || (field == "price" && !csv.has("price")) { continue }
                if !csv.hasReported(line, field, problem.reason) { csv.report(line, field, problem.reason) }
            }
            for problem in try SubsidyStore.subsidyProblems(product, db) {
                csv.report(line, problem.field ?? "subsidy", problem.reason)
            }
            // Codes shared with other rows of the file or other products of the shop.
            for code in product.barcodes {
                if let claim = barcodeClaims[code], claim.sku.lowercased() != sku.lowercased() {
                    csv.report(line, "barcode", "\(code) is also given to \(claim.sku) on line \(claim.line)")
                    continue
                }
                barcodeClaims[code] = (sku, line)
                if let owner = try String.fetchOne(
                    db, sql: "SELECT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?", arguments: [code]),
                    owner.lowercased() != sku.lowercased()
                {
                    if let released = fileBarcodes[owner.lowercased()], !released.contains(code) {
                        try db.execute(sql: "DELETE FROM barcodes WHERE code = ?", arguments: [code])
                    } else {
                        csv.report(line, "barcode", "\(code) already belongs to \(owner)")
                    }
                }
            }
            if let plu = product.plu {
                if let claim = pluClaims[plu] {
                    csv.report(line, "plu", "\(plu) is also given to \(claim.sku) on line \(claim.line)")
                } else {
                    pluClaims[plu] = (sku, line)
                    if let owner = try String.fetchOne(db, sql: "SELECT sku FROM products WHERE plu = ?", arguments: [plu]),
                        owner.lowercased() != sku.lowercased()
                    {
                        csv.report(line, "plu", "\(plu) already belongs to \(owner)")
                    }
                }
            }
            var counted: Quantity?
            if let stockText = csv.cell("stock", record), !stockText.isEmpty {
                counted = csv.read(line, "stock") { () throws(CoreError) in
                    try Quantity.counted(stockText, unit: product.unit, field: "stock")
                }
            }
            guard csv.problems.count == problemsBefore else { continue }

            let id: Int64
            if let existing {
                if existing.product == product {
                    report.unchanged += 1
                } else {
                    // A PLU moving to this product must leave its old one first.
                    if let plu = product.plu {
                        try db.execute(sql: "UPDATE products SET plu = NULL WHERE plu = ? AND id <> ?", arguments: [plu, existing.id])
                    }
                    try Self.update(existing.id, to: product, db, store: self)
                    try AuditJournal.append(
                        db, store: self, kind: .productChanged, actor: actor,
                        payload: ["sku": .string(product.sku), "changes": .object(Self.changedFields(from: existing.product, to: product))])
                    report.updated += 1
                }
                id = existing.id
            } else {
                if let plu = product.plu { try db.execute(sql: "UPDATE products SET plu = NULL WHERE plu = ?", arguments: [plu]) }
                id = try Self.insert(product, db, store: self)
                try AuditJournal.append(db, store: self, kind: .productCreated, actor: actor, payload: Self.auditFields(product))
                report.created += 1
            }
            if let counted {
                let onHand = existing?.onHand ?? .zero
                let difference = counted - onHand
                if difference.thousandths != 0 {
                    try StockStore(database: database).recordMovement(
                        StockChange(
                            productID: id, sku: product.sku, kind: .count, quantity: difference,
                            reason: "counted \(counted.formatted(product.unit))", reference: "catalogue import", actor: actor), db)
                    report.stockCounts += 1
                }
            }
        }
        return report
    }

    static func splitBarcodes(_ text: String) -> [String] {
        text.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Applies the cells present in `record` to `product`; empty cells mean "none" (or the
    /// default for a new product), absent columns leave an existing product as it is.
    static func apply(_ record: CSVTable.Record, csv: inout CSVImport, to product: inout Product, line: Int, isNew: Bool) {
        if isNew {
            if !csv.has("name") { csv.report(line, "name", "a new product needs a name; the file has no name column") }
            if !csv.has("price") { csv.report(line, "price", "a new product needs a price; the file has no price column") }
        }
        if let name = csv.cell("name", record) { product.name = name }
        if let unitText = csv.cell("unit", record) {
            if let unit = csv.read(line, "unit", { () throws(CoreError) in try MeasureUnit.parse(unitText) }) { product.unit = unit }
        }
        if let price = csv.cell("price", record) {
            if price.isEmpty {
                csv.report(line, "price", "a price is required")
            } else if let value = csv.money(line, "price", price) {
                product.price = value
            }
        }
        if let codes = csv.cell("barcode", record) { product.barcodes = splitBarcodes(codes) }
        if let category = csv.cell("category", record) {
            product.category = category.isEmpty ? Product.defaultCategory : category.lowercased()
        }
        if let text = csv.cell("member_price", record) {
            product.memberPrice = text.isEmpty ? nil : csv.money(line, "member_price", text)
        }
        if let text = csv.cell("cost", record) {
            product.cost = text.isEmpty ? .zero : csv.money(line, "cost", text) ?? product.cost
        }
        if let text = csv.cell("tax", record) {
            if let tax = csv.read(line, "tax", { () throws(CoreError) in try TaxClass.parse(text) }) { product.tax = tax }
        }
        if let text = csv.cell("local", record) { product.isLocal = csv.flag(line, "local", text, fallback: false) }
        if let text = csv.cell("origin", record) { product.origin = text }
        if let text = csv.cell("consignor", record) { product.consignor = text.isEmpty ? nil : text }
        if let text = csv.cell("consignor_price", record) {
            product.consignorPrice = text.isEmpty ? nil : csv.money(line, "consignor_price", text)
        }
        if let text = csv.cell("plu", record) { product.plu = text.isEmpty ? nil : text }
        if let text = csv.cell("reorder_point", record) {
            let unit = product.unit
            product.reorderPoint =
                text.isEmpty
                ? .zero
                : csv.read(line, "reorder_point") { () throws(CoreError) in
                    try Quantity.parse(text, unit: unit, purpose: .level, field: "reorder_point")
                } ?? .zero
        }
        if let text = csv.cell("discountable", record) { product.isDiscountable = csv.flag(line, "discountable", text, fallback: true) }
        if let text = csv.cell("active", record) { product.isActive = csv.flag(line, "active", text, fallback: true) }
        if let text = csv.cell("subsidy", record) { product.subsidy = text.isEmpty ? nil : text.uppercased() }
    }

    /// The whole catalogue (inactive products too) in the import format, sorted by sku,
    /// with today's on-hand in `stock`: importing it back changes nothing. Quantities have
    /// a decimal comma (`12,5` kg); a stock below zero is left empty, since a count is
    /// never negative. `excel` writes for Indonesian Excel: a UTF-8 BOM and `;` between
    /// fields, so the sheet opens in columns with its numbers read as numbers.
    public func exportCatalogue(excel: Bool = false) throws -> String {
        let products = try read { db in try StockedProduct.fetchAll(db, tail: "ORDER BY p.sku COLLATE NOCASE") }
        let delimiter: Character = excel ? ";" : ","
        var text = (excel ? "\u{FEFF}" : "") + CSVWriter.line(CatalogueColumns.all, delimiter: delimiter)
        for stocked in products {
            let p = stocked.product
            text += CSVWriter.line(
                [
                    p.sku, p.barcodes.joined(separator: "|"), p.name, p.category, p.unit.rawValue, String(p.price.rupiah),
                    p.memberPrice.map { String($0.rupiah) } ?? "", String(p.cost.rupiah), p.tax.rawValue, p.isLocal ? "yes" : "no",
                    p.origin, p.consignor ?? "", p.consignorPrice.map { String($0.rupiah) } ?? "", p.plu ?? "",
                    stocked.onHand.isNegative ? "" : stocked.onHand.formatted(p.unit), p.reorderPoint.formatted(p.unit),
                    p.isDiscountable ? "yes" : "no", p.isActive ? "yes" : "no", p.subsidy ?? "",
                ], delimiter: delimiter)
        }
        return text
    }
}
