import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "The shop's products: import and export CSV, list, search, add, show.",
        subcommands: [Import.self, Export.self, List.self, Search.self, Add.self, Set.self, Show.self],
        aliases: ["catalog", "katalog"])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import products from CSV (upsert by sku; all rows or none).",
            discussion: """
                UTF-8, or Windows-1252 as Indonesian Excel saves "CSV (dipisahkan koma)". Columns \
                (header, any case, ',' or ';', English or Indonesian: nama, harga, harga_anggota, \
                barkode, kategori, satuan, stok, modal, pajak, lokal, asal, penitip, aktif): sku \
                required; name and price for a new product; barcode (several separated by |), \
                category, unit, member_price, cost, tax, local, origin, consignor, consignor_price, \
                plu, stock, reorder_point, discountable, active. A row for an existing sku changes \
                only the columns the file has. Money like 12500, 12.500, Rp 12.500, 12.500,00 or \
                12.500,-. A bad row stops the whole import; every problem is listed as \
                'line N: column: reason' and the exit code is 65.
                """)
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check the file and report; write nothing.") var dryRun = false

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let report = try store.catalogue.importCatalogue(path: file, dryRun: dryRun, actor: actor)
                let verb = report.isDryRun ? "would be" : "were"
                print(
                    "\(file): \(report.created) products \(verb) created, \(report.updated) updated, \(report.unchanged) unchanged; \(counted(report.stockCounts, "stock count")) recorded\(report.isDryRun ? " (dry run: nothing written)" : "")"
                )
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the whole catalogue as CSV (the import format).")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The file to write; standard output when omitted.") var file: String?
        @Flag(help: "For Indonesian Excel: ';' between fields and a UTF-8 byte-order mark.") var excel = false

        func run() throws {
            try reportingErrors { try writeOutput(try shop.open().catalogue.exportCatalogue(excel: excel), to: file) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List products, local products first (* marks local).")
        @OptionGroup var shop: ShopOptions
        @Flag(help: "Include inactive products.") var all = false
        @Option(help: "Only this category.") var category: String?

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let products = try store.catalogue.products(includeInactive: all, category: category?.lowercased())
                print(ProductTable.render(products.map { ($0, nil) }), terminator: "")
                print(counted(products.count, "product"))
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search names, skus, barcodes, categories and origins; local products first.")
        @OptionGroup var shop: ShopOptions
        @Argument(parsing: .remaining, help: "Words to look for.") var words: [String]
        @Option(help: "At most this many results.") var limit = 20
        @Flag(help: "Include inactive products.") var all = false

        func validate() throws {
            guard !words.isEmpty else { throw ValidationError("give the words to search for") }
            guard (1...500).contains(limit) else { throw ValidationError("--limit must be 1 to 500") }
        }

        func run() throws {
            try reportingErrors {
                let hits = try shop.open().catalogue.search(words.joined(separator: " "), limit: limit, includeInactive: all)
                if hits.isEmpty {
                    print("no product matches '\(words.joined(separator: " "))'")
                    return
                }
                print(ProductTable.render(hits.enumerated().map { ($1.product, $0 + 1) }), terminator: "")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add one product.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "Unique code: 1–32 letters, digits, '-' or '_'.") var sku: String
        @Option(help: "The name printed on receipts.") var name: String
        @Option(help: "Selling price, tax included (12500 or 12.500).", transform: Money.argument) var price: Money
        @Option(help: "A barcode; repeat for several.") var barcode: [String] = []
        @Option(help: "Category.") var category = Product.defaultCategory
        @Option(help: "pcs, kg or l.") var unit = "pcs"
        @Option(name: .customLong("member-price"), help: "Price for members.", transform: Money.argument) var memberPrice: Money?
        @Option(help: "Purchase cost per unit.", transform: Money.argument) var cost = Money.zero
        @Option(help: "ppn or exempt.") var tax = "ppn"
        @Flag(help: "Made by a member, a UMKM of the village or the region.") var local = false
        @Option(help: "Who made it, where.") var origin = ""
        @Option(help: "The UMKM that consigns it (titip jual).") var consignor: String?
        @Option(name: .customLong("consignor-price"), help: "What the shop pays the consignor per unit sold.", transform: Money.argument)
        var consignorPrice: Money?
        @Option(help: "5-digit PLU for scale labels.") var plu: String?
        @Option(name: .customLong("reorder-point"), help: "Reorder at or below this stock.") var reorderPoint = "0"
        @Flag(name: .customLong("not-discountable"), help: "Never discounted.") var notDiscountable = false
        @Option(help: "Opening stock, recorded as a stock count.") var stock: String?
        @Flag(help: "Allow a price of 0 (the product is given away).") var free = false

        func run() throws {
            try reportingErrors {
                if price.isZero && !free {
                    throw StoreError(.invalidInput, "price: a price of Rp0 gives \(sku) away; add --free if that is what you mean")
                }
                let unit = try MeasureUnit.parse(self.unit)
                let product = Product(
                    sku: sku, barcodes: barcode, name: name, category: category.lowercased(), unit: unit, price: price,
                    memberPrice: memberPrice, cost: cost, tax: try TaxClass.parse(tax), isLocal: local, origin: origin,
                    consignor: consignor, consignorPrice: consignorPrice, plu: plu,
                    reorderPoint: try Quantity.parse(reorderPoint, unit: unit, purpose: .level, field: "reorder-point"),
                    isDiscountable: !notDiscountable)
                let opening = try stock.map { try Quantity.parse($0, unit: unit, purpose: .level, field: "stock") }
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.catalogue.addProduct(product, openingStock: opening, actor: actor)
                print("added \(sku): \(name) \(price.formatted)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show everything about one product.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The sku or a barcode.") var code: String

        func run() throws {
            try reportingErrors {
                guard let stocked = try shop.open().catalogue.product(code: code) else {
                    throw StoreError(.notFound, "no product with sku or barcode '\(code)'")
                }
                print(ProductTable.details(stocked), terminator: "")
            }
        }
    }
}

/// How products are shown on a terminal.
enum ProductTable {
    static func render(_ products: [(StockedProduct, Int?)]) -> String {
        let numbered = products.contains { $0.1 != nil }
        var columns: [(String, TextTable.Alignment)] = [
            ("sku", .left), ("name", .left), ("category", .left), ("price", .right), ("member", .right), ("on hand", .right),
            ("unit", .left),
        ]
        if numbered { columns.insert(("#", .right), at: 0) }
        var table = TextTable(columns)
        for (stocked, number) in products {
            let p = stocked.product
            var row = [
                p.sku, (p.isLocal ? "* " : "  ") + p.name + (p.isActive ? "" : " (inactive)"), p.category, p.price.formatted,
                p.memberPrice?.formatted ?? "", stocked.onHand.formatted(p.unit), p.unit.rawValue,
            ]
            if numbered { row.insert(number.map { "\($0)" } ?? "", at: 0) }
            table.add(row)
        }
        return table.rendered + (products.contains { $0.0.product.isLocal } ? "* local product (member, village UMKM or the region)\n" : "")
    }

    static func details(_ stocked: StockedProduct) -> String {
        let p = stocked.product
        let rows: [(String, String)] = [
            ("sku", p.sku), ("name", p.name), ("barcodes", p.barcodes.joined(separator: ", ")), ("category", p.category),
            ("unit", p.unit.rawValue), ("price", p.price.formatted), ("member price", p.memberPrice?.formatted ?? "-"),
            ("cost", p.cost.formatted), ("tax", p.tax.rawValue), ("local", p.isLocal ? "yes" : "no"), ("origin", p.origin),
            ("consignor", p.consignor.map { "\($0) at \(p.consignorPrice?.formatted ?? "-") per \(p.unit.rawValue)" } ?? "-"),
            ("plu", p.plu ?? "-"), ("on hand", "\(stocked.onHand.formatted(p.unit)) \(p.unit.rawValue)"),
            ("reorder point", "\(p.reorderPoint.formatted(p.unit)) \(p.unit.rawValue)"),
            ("discountable", p.isDiscountable ? "yes" : "no"), ("active", p.isActive ? "yes" : "no"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }
}
