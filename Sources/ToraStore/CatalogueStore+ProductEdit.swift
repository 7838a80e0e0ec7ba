import GRDB
import ToraCore

extension CatalogueStore {
    /// Changes one product (`tora catalogue set`): `edit` changes the value, the result is
    /// checked as an import row is (the product's own rules, barcodes and PLU not taken by
    /// another product) and journaled as `product.changed` with the fields that differ,
    /// like a change made by a catalogue import. Returns the product before and after;
    /// nothing is written or journaled when nothing changed.
    ///
    /// A price of zero gives the product away, so it is refused unless `free` is set.
    @discardableResult
    public func changeProduct(
        sku: String, free: Bool = false, actor: String, _ edit: (inout Product) throws -> Void
    ) throws -> (before: Product, after: Product) {
        try write { db in
            guard let existing = try StockedProduct.fetchOne(db, where: "p.sku = ?", [sku]) else {
                throw StoreError(.notFound, "no product with sku '\(sku)'; add it with `tora catalogue add` or an import")
            }
            var product = existing.product
            try edit(&product)
            if product.price.isZero && !free && product.price != existing.product.price {
                throw StoreError(
                    .invalidInput, "price: a price of Rp0 gives \(product.sku) away; add --free if that is what you mean")
            }
            if let first = product.problems().first { throw StoreError(first) }
            guard product != existing.product else { return (existing.product, product) }
            try Self.checkOwnership(of: product, db)
            if let first = try SubsidyStore.subsidyProblems(product, db).first { throw StoreError(first) }
            try Self.update(existing.id, to: product, db, store: self)
            try AuditJournal.append(
                db, store: self, kind: .productChanged, actor: actor,
                payload: ["sku": .string(product.sku), "changes": .object(Self.changedFields(from: existing.product, to: product))])
            return (existing.product, product)
        }
    }
}
