import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraStore

extension CatalogueCommand {
    /// `tora catalogue set SKU --price A [--name …] …`: changes one product, journaled like
    /// a change from an import. Amounts and quantities are taken as typed (even `-5`) and
    /// checked by the library, so a refusal says why.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one product: only the options given change.",
            discussion: """
                Example: tora catalogue set KOPI-KPA --price 17.000 --member-price 16.500
                A price of 0 needs --free. An empty --member-price, --consignor or --plu clears it.
                """)
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The product's sku.") var sku: String
        @Option(parsing: .unconditional, help: "Selling price, tax included (12500 or 12.500).") var price: String?
        @Option(help: "The name printed on receipts.") var name: String?
        @Option(name: .customLong("member-price"), parsing: .unconditional, help: "Price for members; empty clears it.")
        var memberPrice: String?
        @Option(parsing: .unconditional, help: "Purchase cost per unit.") var cost: String?
        @Option(help: "Category.") var category: String?
        @Option(help: "pcs, kg or l.") var unit: String?
        @Option(help: "ppn or exempt.") var tax: String?
        @Option(help: "Local product: yes or no.") var local: String?
        @Option(help: "Who made it, where.") var origin: String?
        @Option(help: "The UMKM that consigns it; empty clears it.") var consignor: String?
        @Option(name: .customLong("consignor-price"), parsing: .unconditional, help: "What the shop pays the consignor per unit sold.")
        var consignorPrice: String?
        @Option(help: "5-digit PLU for scale labels; empty clears it.") var plu: String?
        @Option(name: .customLong("reorder-point"), parsing: .unconditional, help: "Reorder at or below this stock.")
        var reorderPoint: String?
        @Option(help: "Discountable: yes or no.") var discountable: String?
        @Option(help: "For sale: yes or no.") var active: String?
        @Option(help: "The subsidy programme (see `tora subsidy list`); empty clears it.") var subsidy: String?
        @Option(help: "The product's barcodes, replacing the ones it has; repeat for several.") var barcode: [String] = []
        @Flag(help: "Allow a price of 0 (the product is given away).") var free = false

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let (before, after) = try store.catalogue.changeProduct(sku: sku, free: free, actor: actor) { product in
                    try apply(to: &product)
                }
                guard before != after else {
                    print("\(after.sku): nothing changed")
                    return
                }
                print("changed \(after.sku): \(after.name) \(after.price.formatted)")
            }
        }

        func apply(to product: inout Product) throws {
            if let name { product.name = name.trimmingSpaces() }
            if let unit { product.unit = try MeasureUnit.parse(unit) }
            if let price { product.price = try Money.parse(price, field: "price") }
            if let memberPrice {
                product.memberPrice = memberPrice.trimmingSpaces().isEmpty ? nil : try Money.parse(memberPrice, field: "member-price")
            }
            if let cost { product.cost = try Money.parse(cost, field: "cost") }
            if let category { product.category = category.trimmingSpaces().lowercased() }
            if let tax { product.tax = try TaxClass.parse(tax) }
            if let local { product.isLocal = try Self.yesNo(local, "local") }
            if let origin { product.origin = origin.trimmingSpaces() }
            if let consignor { product.consignor = consignor.trimmingSpaces().isEmpty ? nil : consignor.trimmingSpaces() }
            if let consignorPrice {
                product.consignorPrice =
                    consignorPrice.trimmingSpaces().isEmpty ? nil : try Money.parse(consignorPrice, field: "consignor-price")
            }
            if let plu { product.plu = plu.trimmingSpaces().isEmpty ? nil : plu.trimmingSpaces() }
            if let reorderPoint {
                product.reorderPoint = try Quantity.parse(reorderPoint, unit: product.unit, purpose: .level, field: "reorder-point")
            }
            if let discountable { product.isDiscountable = try Self.yesNo(discountable, "discountable") }
            if let active { product.isActive = try Self.yesNo(active, "active") }
            if let subsidy { product.subsidy = subsidy.trimmingSpaces().isEmpty ? nil : subsidy.trimmingSpaces().uppercased() }
            if !barcode.isEmpty { product.barcodes = barcode.map { $0.trimmingSpaces() }.filter { !$0.isEmpty } }
        }

        static func yesNo(_ text: String, _ field: String) throws -> Bool {
            guard let value = parseYesNo(text) else {
                throw CoreError(.invalidField, field: field, value: text, reason: "'\(text)' is not yes or no (yes/no/ya/tidak)")
            }
            return value
        }
    }
}
