import Foundation
import GRDB

extension ShopGenerator {
    /// Describes a shop an earlier run generated and kept (`--keep`), so the measurements
    /// can run again without generating it anew. Its counts are read back from the file.
    static func existing(at path: String, size: ShopSize) throws -> GeneratedShop {
        guard FileManager.default.fileExists(atPath: path) else { throw BenchError("no shop at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let registers = BenchUsers.historyRegisters.map { "'\($0)'" }.joined(separator: ", ")
            let days = try Row.fetchAll(
                db, sql: "SELECT business_day, count(*) AS n FROM sales WHERE register IN (\(registers)) GROUP BY business_day ORDER BY 1")
            guard let first = days.first, let last = days.last,
                let busiest = days.min(by: { abs(($0["n"] as Int) - 5_000) < abs(($1["n"] as Int) - 5_000) })
            else { throw BenchError("\(path) has no history of sales") }
            let codes = try String.fetchAll(
                db,
                sql: """
                    SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id
                    WHERE b.position = 0 AND p.active = 1 AND p.unit = 'pcs' ORDER BY (p.id * 2654435761) % 1000003 LIMIT 5000
                    """)
            var counts: [String: Int] = [:]
            for (key, sql) in [
                ("products", "SELECT count(*) FROM products"), ("barcodes", "SELECT count(*) FROM barcodes"),
                ("members", "SELECT count(*) FROM members"), ("local_products", "SELECT count(*) FROM products WHERE local = 1"),
                ("weighed_products", "SELECT count(*) FROM products WHERE unit <> 'pcs'"),
                ("sales", "SELECT count(*) FROM sales"), ("sale_lines", "SELECT count(*) FROM sale_lines"),
                ("sale_movements", "SELECT count(*) FROM stock_movements WHERE kind = 'sale'"),
                ("receive_movements", "SELECT count(*) FROM stock_movements WHERE kind = 'receive'"),
            ] {
                counts[key] = try Int.fetchOne(db, sql: sql) ?? 0
            }
            return GeneratedShop(
                path: path, firstDay: first["business_day"], lastDay: last["business_day"], reportDay: busiest["business_day"],
                reportDaySales: busiest["n"], sampleCodes: codes, counts: counts, phases: [])
        }
    }
}
