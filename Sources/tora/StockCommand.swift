import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: "The stock ledger: receive, adjust, count, list, low, history.",
        subcommands: [Receive.self, Adjust.self, Count.self, List.self, Low.self, History.self])

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record goods received from a supplier or consignor.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The product's sku.") var sku: String
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Quantity received (kg/l may have 3 decimals).", valueName: "quantity"))
        var quantityText: [String] = []
        @Option(help: "Purchase cost per unit; becomes the product's cost.", transform: Money.argument) var cost: Money?

        func validate() throws { try requireOneQuantity(quantityText) }
        var quantity: String { typedValues(quantityText).first ?? "" }
        @Option(help: "Who delivered it.") var supplier: String?

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let onHand = try store.stock.receive(sku: sku, quantity: quantity, cost: cost, supplier: supplier, actor: actor)
                print(
                    "received \(try Self.typed(quantity, sku: sku, store)) of \(sku); on hand now \(try Self.level(onHand, sku: sku, store))"
                )
            }
        }

        /// The quantity the store accepted, as Indonesians read it (`1.000` stays one thousand).
        static func typed(_ text: String, sku: String, _ store: ShopStore) throws -> String {
            let unit = try store.catalogue.product(sku: sku)?.product.unit ?? .pcs
            return (try? Quantity.parse(text, unit: unit, purpose: .stock(allowNegative: true)).formatted(unit)) ?? text
        }

        static func level(_ quantity: Quantity, sku: String, _ store: ShopStore) throws -> String {
            let unit = try store.catalogue.product(sku: sku)?.product.unit ?? .pcs
            return "\(quantity.formatted(unit)) \(unit.rawValue)"
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct stock with a reason: damaged, expired, lost (remove) or found (add).")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The product's sku.") var sku: String
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("How much (the reason decides the direction).", valueName: "quantity"))
        var quantityText: [String] = []
        @Option(help: "damaged, expired, lost or found (rusak, kedaluwarsa, hilang, ditemukan).") var reason: String
        @Option(help: "A note kept with the movement.") var note: String?
        var quantity: String { typedValues(quantityText).first ?? "" }

        func validate() throws {
            try requireOneQuantity(quantityText)
            guard AdjustReason.parse(reason) != nil else {
                throw ValidationError("'\(reason)' is not a reason; use damaged, expired, lost or found")
            }
        }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let onHand = try store.stock.adjust(
                    sku: sku, quantity: quantity, reason: AdjustReason.parse(reason) ?? .lost, note: note, actor: actor)
                print("adjusted \(sku) (\(reason)); on hand now \(try Receive.level(onHand, sku: sku, store))")
            }
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a stock count (stock opname): sets the level, the difference is recorded.",
            discussion: "Either SKU QTY, or --file F with a CSV of sku,counted (all rows or none).")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The product's sku.") var sku: String?
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The counted quantity.", valueName: "quantity"))
        var quantityText: [String] = []
        @Option(help: "A CSV file with columns sku,counted.") var file: String?
        var quantity: String? { typedValues(quantityText).first }

        func validate() throws {
            guard typedValues(quantityText).count <= 1 else { throw ValidationError("give one quantity after the sku") }
            guard (file == nil) != (sku == nil), (sku == nil) == (quantity == nil) else {
                throw ValidationError("give either SKU and QTY, or --file FILE")
            }
        }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                if let file {
                    let result = try store.stock.importCounts(path: file, actor: actor)
                    print("\(file): \(counted(result.counted, "product")) counted, \(result.changed) changed level")
                } else if let sku, let quantity {
                    let result = try store.stock.count(sku: sku, counted: quantity, actor: actor)
                    let unit = try store.catalogue.product(sku: sku)?.product.unit ?? .pcs
                    let difference = result.counted - result.before
                    print(
                        "counted \(sku): \(result.counted.formatted(unit)) \(unit.rawValue) (book said \(result.before.formatted(unit)), difference \(difference.thousandths > 0 ? "+" : "")\(difference.formatted(unit)))"
                    )
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "On-hand of every active product (= the sum of its movements).")
        @OptionGroup var shop: ShopOptions
        @Flag(help: "Include inactive products.") var all = false

        func run() throws {
            try reportingErrors {
                let products = try shop.open().catalogue.products(includeInactive: all)
                var table = TextTable([
                    ("sku", .left), ("name", .left), ("on hand", .right), ("unit", .left), ("reorder at", .right), ("", .left),
                ])
                for stocked in products {
                    let p = stocked.product
                    let flag = stocked.onHand.isNegative ? "NEGATIVE" : stocked.onHand <= p.reorderPoint ? "low" : ""
                    table.add([p.sku, p.name, stocked.onHand.formatted(p.unit), p.unit.rawValue, p.reorderPoint.formatted(p.unit), flag])
                }
                print(table.rendered, terminator: "")
            }
        }
    }

    struct Low: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Products at or below their reorder point, with average daily sales (last 28 days) and days of cover.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "Days of sales to average.") var days = 28

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days must be 1 to 366") }
        }

        func run() throws {
            try reportingErrors {
                let lines = try shop.open().stock.lowStock(days: days)
                var table = TextTable([
                    ("sku", .left), ("name", .left), ("on hand", .right), ("reorder at", .right), ("sold/day", .right),
                    ("days of cover", .right),
                ])
                for line in lines {
                    let p = line.product.product
                    table.add([
                        p.sku, p.name, "\(line.product.onHand.formatted(p.unit)) \(p.unit.rawValue)", p.reorderPoint.formatted(p.unit),
                        line.averageDailySales.formatted(.kg), line.daysOfCover.map(String.init) ?? "-",
                    ])
                }
                print(table.rendered + "\(counted(lines.count, "product")) at or below their reorder point")
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every stock movement of one product, with the running balance.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The product's sku.") var sku: String
        @Option(help: "Show at most the last N movements.") var limit = 1000

        func run() throws {
            try reportingErrors {
                let (stocked, movements) = try shop.open().stock.stockHistory(sku: sku, limit: limit)
                let unit = stocked.product.unit
                var table = TextTable([
                    ("#", .right), ("day", .left), ("kind", .left), ("quantity", .right), ("balance", .right), ("cost", .right),
                    ("reason / party", .left), ("by", .left),
                ])
                for m in movements {
                    let signed = (m.quantity.thousandths > 0 ? "+" : "") + m.quantity.formatted(unit)
                    let note = [m.reason, m.party, m.reference].compactMap { $0 }.joined(separator: "; ")
                    table.add([
                        String(m.id), m.businessDay, m.kind.rawValue, signed, m.balance.formatted(unit), m.unitCost?.formatted ?? "", note,
                        m.actor,
                    ])
                }
                print("\(stocked.product.sku) \(stocked.product.name): on hand \(stocked.onHand.formatted(unit)) \(unit.rawValue)")
                print(table.rendered, terminator: "")
            }
        }
    }
}

/// Quantities are taken as typed, even `-2`, so the library can say why a negative one
/// is refused instead of the parser reporting a missing argument.
func requireOneQuantity(_ typed: [String]) throws {
    let words = typedValues(typed)
    guard words.count == 1 else {
        throw ValidationError(words.isEmpty ? "give the quantity after the sku" : "give one quantity after the sku")
    }
}

/// The values of an `.allUnrecognized` argument without a `--` typed before them.
func typedValues(_ words: [String]) -> [String] { words.filter { $0 != "--" } }
