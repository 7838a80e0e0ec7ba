import Foundation
import ToraCore
import ToraJournal
import ToraStore

#if canImport(Glibc)
    import Glibc
#endif

/// The whole-till figure: `sales` sales of 5 scans and `pay`, piped into the real
/// `tora till` (one process, as a cashier's shift), wall and CPU time per sale; beside the
/// C baseline doing the same 6 durable commits per sale (5 open-sale saves, each after a
/// barcode lookup, and the completion). See docs/performance.md "The whole till".
struct WholeTillBench {
    let tora: String
    let shop: GeneratedShop
    let folder: String
    let log: @Sendable (String) -> Void

    /// What one run of the till cost: wall seconds, and the child's user and system CPU
    /// seconds (`wait4`'s rusage), with the receipts it printed.
    struct TillCost {
        var wall = 0.0
        var user = 0.0
        var system = 0.0
        var receipts = 0
    }

    func measure(sales: Int, store: ShopStore, bench: inout StoreBench) throws -> [Figure] {
        let register = BenchUsers.readyRegister
        if try store.shifts.openShift(register: RegisterID(stringLiteral: register)) == nil {
            _ = try store.shifts.openShift(register: RegisterID(stringLiteral: register), cashier: register, float: Money(200_000))
        }
        // Login and quit alone, then with the sales: the difference is the sales' own cost.
        let empty = try runTill(register: register, codes: [], name: "empty")
        let codes = (0..<(sales * 5)).map { shop.sampleCodes[($0 * 13 + 7) % shop.sampleCodes.count] }
        let full = try runTill(register: register, codes: codes, name: "sales")
        guard full.receipts == sales else {
            throw BenchError(
                "the piped till printed \(full.receipts) receipts for \(sales) sales: \(TillBench.errors(folder + "/whole-till-sales.err"))"
            )
        }
        let n = Double(sales)
        let wall = (full.wall - empty.wall) / n * 1000
        let cpu = (full.user + full.system - empty.user - empty.system) / n * 1000
        let user = (full.user - empty.user) / n * 1000
        let system = (full.system - empty.system) / n * 1000
        let c = try baseline(sales: sales, store: store, bench: &bench)
        log(
            String(
                format: "whole till: %.2f ms wall, %.2f ms CPU per sale (user %.2f, sys %.2f); C %.2f ms wall, %.2f ms CPU", wall, cpu,
                user, system, c.wall, c.cpu))
        return [
            Figure(
                "whole_till_wall_per_sale_ms", "whole till: 5 scans + pay, wall per sale", wall, "ms",
                note: "\(sales) sales piped into one `tora till`, less a login-and-quit run"),
            Figure(
                "whole_till_cpu_per_sale_ms", "whole till: CPU per sale (user + sys of the till)", cpu, "ms",
                note: String(format: "user %.2f ms, sys %.2f ms (wait4 rusage of the child)", user, system)),
            Figure("whole_till_c_wall_per_sale_ms", "whole till, raw C: 5 × (lookup + open-sale commit) + completion, wall", c.wall, "ms"),
            Figure(
                "whole_till_c_cpu_per_sale_ms", "whole till, raw C: CPU per sale", c.cpu, "ms",
                note: "6 durable commits per sale, as the till"),
            Figure("whole_till_ratio_wall", "whole till, tora ÷ C (wall per sale)", wall / max(c.wall, 0.000_001), "×"),
            Figure("whole_till_ratio_cpu", "whole till, tora ÷ C (CPU per sale)", cpu / max(c.cpu, 0.000_001), "×"),
        ]
    }

    /// Runs `tora till --register R` with standard input from a file: login, 5 codes and
    /// `pay` per sale, `quit`. Standard output goes to a file, read afterwards for receipts.
    func runTill(register: String, codes: [String], name: String) throws -> TillCost {
        var script = "\(register)\n\(BenchUsers.pin)\n"
        for start in stride(from: 0, to: codes.count, by: 5) {
            script += codes[start..<min(start + 5, codes.count)].joined(separator: "\n") + "\npay\n"
        }
        script += "quit\n"
        let input = "\(folder)/whole-till-\(name).in"
        let output = "\(folder)/whole-till-\(name).out"
        let errors = "\(folder)/whole-till-\(name).err"
        try script.write(toFile: input, atomically: true, encoding: .utf8)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let arguments = [tora, "till", "--register", register, "--db", shop.path]
        var environment = ProcessInfo.processInfo.environment
        environment["TORA_DB"] = nil
        environment["TORA_NOW"] = nil
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, tora, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(tora): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("wait4 on the till failed") }
        let elapsed = ContinuousClock.now - start
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        var cost = TillCost()
        cost.wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        cost.user = Self.seconds(usage.ru_utime)
        cost.system = Self.seconds(usage.ru_stime)
        cost.receipts = text.split(separator: "\n").filter { TillWords.receipt(in: String($0)) != nil }.count
        return cost
    }

    static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

    /// The C baseline's whole sale: for each of 5 scans a barcode lookup and a durable
    /// save of the open sale's JSON, then the completion; wall and CPU (this process's
    /// rusage, nothing else runs meanwhile) per sale, in ms.
    func baseline(sales: Int, store: ShopStore, bench: inout StoreBench) throws -> (wall: Double, cpu: Double) {
        let context = try bench.context()
        let rules = try store.pricingRules()
        let register = try bench.baselineRegister(room: sales + 1)
        let openID = try store.sales.saveOpenSale(
            id: nil, register: RegisterID(stringLiteral: register), cashier: context.cashier.code, sale: Sale())
        // The receipt and audit texts of the till's last sale, so the C rows weigh the same.
        let receiptJSON: String
        if let number = try store.sales.lastReceiptNumber(register: RegisterID(stringLiteral: BenchUsers.readyRegister)),
            let receipt = try store.sales.receipt(number: number)
        {
            receiptJSON = String(decoding: try JSONEncoder().encode(receipt), as: UTF8.self)
        } else {
            receiptJSON = "{}"
        }
        let payload = try store.journal.auditEntries(last: 1).first?.payload ?? "{}"
        // Everything C does not time is laid out first: the codes, each partial sale's JSON.
        var prepared: [(codes: [String], partials: [String], sale: BaselineSale)] = []
        for _ in 0..<sales {
            let (sale, products) = try bench.randomSale(lines: 5, rules: rules)
            var partial = Sale()
            var partials: [String] = []
            for line in sale.lines {
                partial = try partial.adding(line.item, quantity: line.quantity)
                partials.append(String(decoding: try JSONEncoder().encode(partial), as: UTF8.self))
            }
            let codes = products.map { $0.product.barcodes.first ?? $0.product.sku }
            let cSale = try bench.baselineSale(
                sale, products: products, rules: rules, register: register, context: context, receiptJSON: receiptJSON,
                auditPayload: payload)
            prepared.append((codes, partials, cSale))
        }
        var before = rusage()
        getrusage(RUSAGE_SELF.rawValue, &before)
        let start = ContinuousClock.now
        for sale in prepared {
            for (code, json) in zip(sale.codes, sale.partials) {
                _ = try bench.baseline.lookup(code)
                try bench.baseline.saveOpenSale(id: openID, json: json)
            }
            _ = try bench.baseline.complete(sale.sale)
        }
        let elapsed = ContinuousClock.now - start
        var after = rusage()
        getrusage(RUSAGE_SELF.rawValue, &after)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu =
            Self.seconds(after.ru_utime) - Self.seconds(before.ru_utime) + Self.seconds(after.ru_stime) - Self.seconds(before.ru_stime)
        return (wall / Double(sales) * 1000, cpu / Double(sales) * 1000)
    }
}
