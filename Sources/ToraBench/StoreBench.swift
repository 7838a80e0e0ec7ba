import Foundation
import ToraCore
import ToraJournal
import ToraStore

/// In-process measurements of the store's hot paths, on the generated shop, each beside
/// the raw-SQLite C baseline where the brief asks for one.
struct StoreBench {
    let store: ShopStore
    let shop: GeneratedShop
    let baseline: RawBaseline
    var random: SeededRandom
    let log: (String) -> Void

    /// The cashier and open shift of register 90, the in-process measurements' register.
    func context() throws -> TillContext {
        guard let user = try store.users.all().first(where: { $0.code == BenchUsers.storeRegister }) else {
            throw BenchError("user \(BenchUsers.storeRegister) is missing from the shop")
        }
        let shift =
            try store.shifts.openShift(register: RegisterID(stringLiteral: BenchUsers.storeRegister))
            ?? store.shifts.openShift(
                register: RegisterID(stringLiteral: BenchUsers.storeRegister), cashier: user.code, float: Money(200_000))
        return TillContext(register: RegisterID(stringLiteral: BenchUsers.storeRegister), cashier: user, shiftID: shift.id)
    }

    /// A settled sale of `lines` random catalogue products (1–3 of each), paid in cash
    /// with change, and the stocked products it was made of.
    mutating func randomSale(lines: Int, rules: PricingRules) throws -> (sale: Sale, products: [StockedProduct]) {
        var sale = Sale()
        var products: [StockedProduct] = []
        while products.count < lines {
            guard let stocked = try store.catalogue.product(code: random.pick(shop.sampleCodes)) else { continue }
            products.append(stocked)
            sale = try sale.adding(SaleItem(stocked.product, productID: stocked.id), quantity: Quantity(whole: Int64(random.int(1...3))))
        }
        let due = try sale.remaining(with: rules).rupiah
        sale = try sale.paying(.cash, tendered: Money((due + 9_999) / 10_000 * 10_000), rules: rules)
        return (sale, products)
    }

    /// Durable sale completion: `SalesStore.completeSale` (5 lines, cash with change) against
    /// the C baseline doing the same rows in one transaction each, alternating one of each.
    mutating func saleCompletion(count: Int, warmUp: Int = 20) throws -> [Figure] {
        let context = try context()
        let rules = try store.pricingRules()
        let encoder = JSONEncoder()
        var swift = Samples()
        var c = Samples()
        var measuredTexts: [(receipt: String, payload: String)] = []
        let register = try baselineRegister(room: 2 * (warmUp + count))
        for index in 0..<(warmUp + count) {
            let sale = try randomSale(lines: 5, rules: rules).sale
            // C sells other products, found the same way: were they the store's, C would
            // always find their index pages warm where the store had just met them cold.
            let (cSource, products) = try randomSale(lines: 5, rules: rules)
            let completed = try Stopwatch.time { try store.sales.completeSale(openSaleID: nil, sale: sale, context: context) }
            // The C sale carries the very texts the store just wrote, so the rows weigh the same.
            let receiptJSON = String(decoding: try encoder.encode(completed.value), as: UTF8.self)
            let payload = try store.journal.auditEntries(last: 1).first?.payload ?? "{}"
            let cSale = try baselineSale(
                cSource, products: products, rules: rules, register: register, context: context, receiptJSON: receiptJSON,
                auditPayload: payload)
            let raw = try Stopwatch.time { try baseline.complete(cSale) }
            guard index >= warmUp else { continue }
            swift.append(completed.milliseconds)
            c.append(raw.milliseconds)
            measuredTexts.append((receiptJSON, payload))
        }
        // As many sales again by C alone, back to back, as a separate raw-SQLite program
        // would run them: its page cache is never made stale by the store's commits. Fresh
        // products, drawn the same way, so their pages are as cold as the store's were.
        var cAlone = Samples()
        for texts in measuredTexts {
            let (source, products) = try randomSale(lines: 5, rules: rules)
            let sale = try baselineSale(
                source, products: products, rules: rules, register: register, context: context, receiptJSON: texts.receipt,
                auditPayload: texts.payload)
            cAlone.append(try Stopwatch.time { try baseline.complete(sale) }.milliseconds)
        }
        log(
            String(
                format: "sale completion: store p50 %.2f ms, C p50 %.2f ms (alone %.2f ms)", swift.median, c.median, cAlone.median))
        let floor = try RawBaseline.commitFloor(
            path: (shop.path as NSString).deletingLastPathComponent + "/commit-probe.sqlite", commits: 200)
        return Figure.storeAgainstC(
            key: "sale_completion", label: "sale completion", store: swift, c: c, target: .atMost(1.5, "≤ 1.5× C"),
            note: "\(count) sales of 5 lines each, alternating store and C")
            + [
                Figure("sale_completion_ratio_p99", "sale completion, store ÷ C (p99)", swift.p99 / max(c.p99, 0.000_001), "×"),
                Figure("sale_completion_c_alone_p50_ms", "sale completion, raw C alone p50", cAlone.median, "ms"),
                Figure(
                    "sale_completion_ratio_alone_p50", "sale completion, store ÷ C alone (p50)",
                    swift.median / max(cAlone.median, 0.000_001),
                    "×", note: "as many sales by C back to back after the alternation, as a separate program would"),
                Figure(
                    "durable_commit_floor_ms", "one durable 1-row commit (fsync floor), mean", floor * 1000, "ms",
                    note: "200 commits after the completions, WAL + synchronous=FULL, scratch file in the same folder"),
            ]
    }

    /// The C baseline's sale of `source` (made of `products`), carrying the receipt and
    /// audit texts of a store sale so that its rows weigh the same.
    func baselineSale(
        _ source: Sale, products: [StockedProduct], rules: PricingRules, register: String, context: TillContext, receiptJSON: String,
        auditPayload: String
    ) throws -> BaselineSale {
        let priced = try source.priced(with: rules)
        let lines = zip(priced.lines, products).map { line, stocked in
            BaselineSale.Line(
                productID: stocked.id, sku: stocked.product.sku, name: stocked.product.name, category: stocked.product.category,
                unit: stocked.product.unit.rawValue, tax: stocked.product.tax.rawValue, quantity: line.line.quantity.thousandths,
                unitPrice: line.unitPrice.rupiah, amount: line.amount.rupiah, discount: line.discount.rupiah, net: line.net.rupiah,
                cost: stocked.product.cost.rupiah, isLocal: stocked.product.isLocal)
        }
        guard let payment = source.payments.first else { throw BenchError("the benchmark sale has no payment") }
        return BaselineSale(
            register: register, cashier: context.cashier.code, shiftID: context.shiftID ?? 0, lines: lines,
            payment: payment, receiptJSON: receiptJSON, auditPayload: auditPayload)
    }

    /// The C baseline's register: 98, or the next one down when a kept shop measured again
    /// the same day has left it fewer than `room` of the day's 9 999 receipt numbers.
    func baselineRegister(room: Int) throws -> String {
        let today = try store.today().replacingOccurrences(of: "-", with: "")
        for number in stride(from: Int(BenchUsers.baselineRegister) ?? 98, through: 91, by: -1) {
            let register = String(number)
            guard let last = try store.sales.lastReceiptNumber(register: RegisterID(stringLiteral: register)), last.contains("-\(today)-")
            else { return register }
            if let used = Int(last.suffix(4)), used + room <= 9_999 { return register }
        }
        throw BenchError("registers 91-98 have no receipt numbers left today for the C baseline; measure a fresh shop")
    }

}
