import Foundation
import GRDB
import ToraCore
import ToraStore

/// How big a shop to make.
struct ShopSize: Sendable, Codable {
    var products: Int
    var members: Int
    var sales: Int
    var days: Int
    var seed: UInt64
}

/// What the generator made, for the measurements that follow.
struct GeneratedShop: Sendable {
    let path: String
    let firstDay: String
    let lastDay: String
    /// The history day whose sales are nearest 5 000 (the Z report's day) and its count.
    let reportDay: String
    let reportDaySales: Int
    /// Primary barcodes of active counted products, in random order, for scanning.
    let sampleCodes: [String]
    let counts: [String: Int]
    /// Seconds spent per phase of the generation.
    let phases: [(name: String, seconds: Double)]
}

/// Users the benchmark logs in as: the history's cashiers and one per measured register.
enum BenchUsers {
    static let pin = "1234"
    static let historyCashiers = ["kasir1", "kasir2", "kasir3", "kasir4"]
    static let historyRegisters = ["01", "02", "03", "04"]
    /// In-process measurements (completeSale, scan-to-line) run as register 90.
    static let storeRegister = "90"
    /// The raw-C baseline writes its sales as register 98.
    static let baselineRegister = "98"
    static let readyRegister = "09"
    static let loadRegisters = ["11", "12", "13", "14"]
}

/// Builds a synthetic shop in a new database file: the real schema and settings through
/// `ShopStore`, users through `addUser` (PBKDF2 like any user), then the catalogue, the
/// members and the history through a bulk path of straight SQL (see `HistoryWriter`).
enum ShopGenerator {
    static func make(at path: String, size: ShopSize, log: (String) -> Void) throws -> GeneratedShop {
        var phases: [(String, Double)] = []
        var random = SeededRandom(seed: size.seed)
        let setup = try Stopwatch.time {
            let store = try ShopStore(path: path, create: true)
            try store.initialize(shopName: "Toko Rakyat Serba Ada Sukamaju", actor: "bench")
            let users = zip(BenchUsers.historyCashiers, BenchUsers.historyRegisters).map { ($0.0, "Kasir \($0.1)") }
            let benchUsers = ([BenchUsers.storeRegister, BenchUsers.readyRegister] + BenchUsers.loadRegisters).map { ($0, "Kasir \($0)") }
            for (code, name) in users + benchUsers {
                try store.users.addUser(code: code, name: name, role: .cashier, pin: BenchUsers.pin, actor: "bench")
            }
        }
        phases.append(("schema, settings, \(BenchUsers.historyCashiers.count + 6) users (PBKDF2)", setup.milliseconds / 1000))

        let calendar = ShopCalendar(count: size.days)
        guard let first = calendar.days.first, let last = calendar.days.last else { throw BenchError("no days to generate") }
        let catalogue = SyntheticCatalogue.make(count: size.products, random: &random)
        var configuration = Configuration()
        // The bulk path's rows are consistent by construction; the real store checks them.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let catalogueTime = try Stopwatch.time {
            try insertCatalogue(catalogue, day: first, queue: queue)
            try insertMembers(count: size.members, day: first, queue: queue, random: &random)
        }
        log(
            String(
                format: "catalogue of %d products and %d members in %.1f s", size.products, size.members, catalogueTime.milliseconds / 1000)
        )
        phases.append(("catalogue (products, barcodes, FTS by trigger, opening stock) and members", catalogueTime.milliseconds / 1000))

        var writer = HistoryWriter(catalogue: catalogue, members: size.members, random: random)
        let history = try Stopwatch.time {
            try writer.write(sales: size.sales, calendar: calendar, queue: queue, log: log)
        }
        phases.append(("history of sales (one transaction per day)", history.milliseconds / 1000))
        let checkpoint = try Stopwatch.time {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        }
        phases.append(("WAL checkpoint", checkpoint.milliseconds / 1000))

        var sampler = SeededRandom(seed: size.seed ^ 0x5CA9)
        var codes = catalogue.filter { $0.isActive && $0.unit == .pcs }.compactMap(\.barcodes.first)
        codes.shuffle(using: &sampler)
        // The Z report is timed on the day whose count is nearest 5 000 sales (issue 6).
        let busiest = writer.salesPerDay.min { abs($0.value - 5_000) < abs($1.value - 5_000) }
        var counts = writer.counts
        counts["products"] = size.products
        counts["barcodes"] = catalogue.reduce(0) { $0 + $1.barcodes.count }
        counts["members"] = size.members
        counts["local_products"] = catalogue.filter(\.isLocal).count
        counts["weighed_products"] = catalogue.filter { $0.unit == .kg }.count
        return GeneratedShop(
            path: path, firstDay: first.text, lastDay: last.text, reportDay: busiest?.key ?? last.text,
            reportDaySales: busiest?.value ?? 0, sampleCodes: Array(codes.prefix(5000)), counts: counts, phases: phases)
    }

    private static func insertCatalogue(_ catalogue: [SyntheticProduct], day: ShopCalendar.Day, queue: DatabaseQueue) throws {
        let created = ShopCalendar.stamp(day, second: ShopCalendar.opening)
        var categoryIDs: [String: Int64] = [:]
        try queue.write { db in
            for name in Set(catalogue.map(\.category)).sorted() {
                try db.execute(sql: "INSERT INTO categories(name) VALUES (?)", arguments: [name])
                categoryIDs[name] = db.lastInsertedRowID
            }
        }
        // Each opening count is journaled (`stock.count`), as the store journals a count.
        var (seq, hash) = try queue.read { db in try AuditRow.head(db) }
        for start in stride(from: 0, to: catalogue.count, by: 20_000) {
            try queue.write { db in
                let product = try db.cachedStatement(
                    sql: """
                        INSERT INTO products(id, sku, name, category_id, unit, price, member_price, cost, tax, local, origin, consignor,
                            consignor_price, plu, reorder_point, discountable, active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let barcode = try db.cachedStatement(sql: "INSERT INTO barcodes(code, product_id, position) VALUES (?, ?, ?)")
                let opening = try db.cachedStatement(
                    sql: """
                        INSERT INTO stock_movements(product_id, at, business_day, kind, quantity, unit_cost, reason, party, reference, actor)
                        VALUES (?, ?, ?, 'count', ?, NULL, 'opening stock', NULL, NULL, 'bench')
                        """)
                for item in catalogue[start..<min(start + 20_000, catalogue.count)] {
                    try product.execute(arguments: [
                        item.id, item.sku, item.name, categoryIDs[item.category] ?? 1, item.unit.rawValue, item.price, item.memberPrice,
                        item.cost, item.tax.rawValue, item.isLocal, item.origin, item.consignor, item.consignor.map { _ in item.cost },
                        item.plu, item.reorderPoint, item.isDiscountable, item.isActive, created, created,
                    ])
                    for (position, code) in item.barcodes.enumerated() {
                        try barcode.execute(arguments: [code, item.id, position])
                    }
                    try opening.execute(arguments: [item.id, created, day.text, HistoryWriter.restockQuantity(item)])
                    try AuditRow.next(
                        seq: &seq, hash: &hash, kind: "stock.count", actor: "bench", register: nil, at: created,
                        payload: AuditRow.movementPayload(
                            id: db.lastInsertedRowID, sku: item.sku, quantity: HistoryWriter.restockQuantity(item), unitCost: nil,
                            reason: "opening stock", party: nil)
                    ).insert(db)
                }
            }
        }
    }

    private static func insertMembers(count: Int, day: ShopCalendar.Day, queue: DatabaseQueue, random: inout SeededRandom) throws {
        let created = ShopCalendar.stamp(day, second: ShopCalendar.opening)
        try queue.write { db in
            guard let tier = try Int64.fetchOne(db, sql: "SELECT id FROM tiers ORDER BY id LIMIT 1") else {
                throw BenchError("the new shop has no tier")
            }
            let member = try db.cachedStatement(
                sql: "INSERT INTO members(number, name, tier_id, phone, credit_limit, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)")
            for index in 0..<count {
                let name = "\(random.pick(CatalogueWords.firstNames)) \(random.pick(CatalogueWords.lastNames))"
                let phone = "08" + ShopCalendar.pad(random.int(100_000_000...999_999_999), 10)
                try member.execute(arguments: [
                    HistoryWriter.memberNumber(index), name, tier, phone, random.chance(20) ? 500_000 : 0, created,
                ])
            }
        }
    }
}
