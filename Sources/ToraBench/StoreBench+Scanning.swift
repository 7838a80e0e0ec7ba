import Foundation
import ToraCore
import ToraStore

extension StoreBench {
    /// Scan-to-line as the till does it: look the barcode up, add it to the open sale and
    /// price the sale, then store the open sale (one durable transaction). Five lines make
    /// a sale; then the sale starts afresh under the same open-sale row.
    mutating func scanToLine(count: Int, warmUp: Int = 20) throws -> [Figure] {
        let context = try context()
        let rules = try store.pricingRules()
        // A kept shop may still hold register 90's open sale from an earlier run: reuse its row.
        var openSaleID = try store.sales.openSale(register: context.register)?.id
        var sale = Sale()
        var total = Samples()
        var lookup = Samples()
        var pricing = Samples()
        var save = Samples()
        var hint = Samples()
        for index in 0..<(warmUp + count) {
            let code = random.pick(shop.sampleCodes)
            let start = ContinuousClock.now
            guard let stocked = try store.catalogue.product(code: code) else { throw BenchError("barcode \(code) not found") }
            let looked = Stopwatch.milliseconds(since: start)
            let next = try sale.adding(SaleItem(stocked.product, productID: stocked.id), quantity: .one)
            _ = try next.priced(with: rules)
            let priced = Stopwatch.milliseconds(since: start)
            openSaleID = try store.sales.saveOpenSale(id: openSaleID, register: context.register, cashier: context.cashier.code, sale: next)
            let saved = Stopwatch.milliseconds(since: start)
            sale = next.lines.count >= 5 ? Sale() : next
            // The real till also looks for a local alternative after a non-local scan.
            let hinted =
                stocked.product.isLocal
                ? nil
                : try Stopwatch.time {
                    try store.catalogue.localAlternative(
                        category: stocked.product.category, unit: stocked.product.unit, excluding: stocked.product.sku)
                }.milliseconds
            guard index >= warmUp else { continue }
            total.append(saved)
            lookup.append(looked)
            pricing.append(priced - looked)
            save.append(saved - priced)
            if let hinted { hint.append(hinted) }
        }
        log(String(format: "scan-to-line: p50 %.3f ms, p99 %.3f ms", total.median, total.p99))
        return [
            Figure("scan_to_line_p50_ms", "scan-to-line p50", total.median, "ms"),
            Figure(
                "scan_to_line_p99_ms", "scan-to-line p99", total.p99, "ms", target: .atMost(1, "p99 ≤ 1 ms"),
                note: "product(code:) + Sale.adding + priced + saveOpenSale, \(count) scans"),
            Figure("scan_lookup_part_p99_ms", "  of which product(code:) p99", lookup.p99, "ms"),
            Figure("scan_pricing_part_p99_ms", "  of which adding + priced p99", pricing.p99, "ms"),
            Figure("scan_save_part_p50_ms", "  of which saveOpenSale p50", save.median, "ms"),
            Figure("scan_save_part_p99_ms", "  of which saveOpenSale p99", save.p99, "ms"),
            Figure(
                "local_hint_p50_ms", "till's local-product hint query p50", hint.median, "ms",
                note: "localAlternative(category:unit:excluding:), run by the till after each non-local scan; not in the figure above"),
            Figure("local_hint_p99_ms", "till's local-product hint query p99", hint.p99, "ms"),
        ]
    }

    /// The barcode lookup alone, `product(code:)` against one prepared C join, alternating.
    mutating func lookups(count: Int) throws -> [Figure] {
        var swift = Samples()
        var c = Samples()
        for index in 0..<(count + 100) {
            let code = random.pick(shop.sampleCodes)
            let found = try Stopwatch.time { try store.catalogue.product(code: code) }
            let raw = try Stopwatch.time { try baseline.lookup(code) }
            guard found.value != nil, raw.value else { throw BenchError("barcode \(code) not found by both lookups") }
            guard index >= 100 else { continue }
            swift.append(found.milliseconds)
            c.append(raw.milliseconds)
        }
        log(String(format: "lookup: store p50 %.3f ms, C p50 %.3f ms", swift.median, c.median))
        return Figure.storeAgainstC(
            key: "lookup", label: "barcode lookup", store: swift, c: c,
            note: "\(count) random barcodes, same columns and barcode list in both")
    }

    /// The till's `?text` search (limit 9) over realistic words, each query repeated.
    func searches(repeats: Int) throws -> [Figure] {
        let queries = [
            "kopi", "kopi bubuk", "gula pasir", "minyak goreng", "beras", "indomie goreng", "sabun mandi", "teh celup",
            "susu kental manis", "keripik singkong", "pupuk", "madu hutan",
        ]
        var all = Samples()
        var worst = (query: "", p99: 0.0, hits: 0)
        for query in queries {
            var samples = Samples()
            var hits = 0
            for _ in 0...repeats {
                let result = try Stopwatch.time { try store.catalogue.search(query, limit: 9) }
                hits = result.value.count
                samples.append(result.milliseconds)
            }
            all.append(contentsOf: samples)
            if samples.p99 > worst.p99 { worst = (query, samples.p99, hits) }
        }
        log(String(format: "search: p50 %.2f ms, p99 %.2f ms (worst \"%@\")", all.median, all.p99, worst.query))
        return [
            Figure("search_p50_ms", "catalogue search p50", all.median, "ms"),
            Figure(
                "search_p99_ms", "catalogue search p99", all.p99, "ms",
                note: "\(queries.count) queries × \(repeats + 1), limit 9 as the till; no target set; "
                    + String(format: "slowest \"%@\" p99 %.1f ms", worst.query, worst.p99)),
        ]
    }

    /// `authenticate` in-process: the PBKDF2 check and the login's two transactions.
    func login(repeats: Int = 3) throws -> Figure {
        var samples = Samples()
        for _ in 0..<repeats {
            let result = try Stopwatch.time {
                try store.users.authenticate(
                    code: BenchUsers.readyRegister, pin: BenchUsers.pin, register: RegisterID(stringLiteral: BenchUsers.readyRegister))
            }
            samples.append(result.milliseconds)
        }
        return Figure(
            "login_authenticate_ms", "login, authenticate() in-process p50", samples.median, "ms",
            note: "PBKDF2-HMAC-SHA256, 210 000 rounds, plus its read and write")
    }
}
