import ToraCore
import ToraStore

extension TillSession {
    /// One line suggesting an active local product of the same category and unit, for a
    /// non-local product; at most once per category in a sale (docs/till.md).
    mutating func localHint(for product: Product) throws -> String? {
        guard !product.isLocal, !hintedCategories.contains(product.category.lowercased()) else { return nil }
        guard let local = try store.localAlternative(category: product.category, unit: product.unit, excluding: product.sku) else {
            return nil
        }
        hintedCategories.insert(product.category.lowercased())
        let unit = local.product.unit.isMeasured ? "/\(local.product.unit.rawValue)" : ""
        return t("sale.local_hint", ["name": local.product.name, "price": local.product.price.formatted + unit])
    }
}
