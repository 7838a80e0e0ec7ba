import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The manager's reports over a two-day history rung through the real till.
@Suite("manager's reports")
struct ReportTests {
    let tora: ToraBinary
    let folder = TemporaryFolder("tora-reports")
    var db: String { folder.file("shop.sqlite") }

    init() throws { tora = try ToraBinary.locate() }

    func env(_ day: String) -> [String: String] {
        ["TORA_DB": db, "TORA_NOW": "\(day)T10:00:00+07:00"].merging(ToraShopFolder.signIn) { $1 }
    }

    @discardableResult
    func ok(_ arguments: [String], day: String = "2026-11-28", stdin: String = "") throws -> String {
        let run = try tora.run(arguments, stdin: stdin, environment: env(day))
        #expect(run.status == 0, "tora \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        return run.stdout
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Day 1: M1 buys 2 consigned local coffees (60.000 − 5% = 57.000); a walk-in buys
    ///   KOPI-KPA 16.500 + GULA-AREN 18.000 = 34.500 (QRIS).
    /// Day 2: M2 buys 2 coffees (57.000); a walk-in buys Minyakita 15.700; one of M1's
    ///   coffees comes back: 57.000 × 1/2 = 28.500 cash.
    func makeHistory() throws {
        try ok(["init"] + ToraShopFolder.managerFlags, day: "2026-11-27")
        try ok(["catalogue", "import", folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))], day: "2026-11-27")
        try ok(["members", "add", "--number", "M1", "--name", "Siti Aminah"], day: "2026-11-27")
        try ok(["members", "add", "--number", "M2", "--name", "Ujang Suryana"], day: "2026-11-27")
        try ok(["users", "add", "--code", "01", "--name", "Kasir", "--role", "cashier"], day: "2026-11-27", stdin: "1234\n")
        try ok(["users", "add", "--code", "02", "--name", "Supervisor", "--role", "supervisor"], day: "2026-11-27", stdin: "2345\n")
        let day1 = ["01", "1234", "100000", "member M1", "2*KOPI-DESA", "pay", "KOPI-KPA", "GULA-AREN", "pay qris", "close", "157000"]
        try ok(["till", "--register", "01"], day: "2026-11-27", stdin: day1.joined(separator: "\n") + "\n")
        let day2 = [
            "01", "1234", "100000", "member M2", "2*KOPI-DESA", "pay", "MINYAKITA", "pay 20000", "refund 01-20261127-0001", "02", "2345",
            "1 1",
            "pay", "close", "144200",
        ]
        try ok(["till", "--register", "01"], day: "2026-11-28", stdin: day2.joined(separator: "\n") + "\n")
    }

    @Test("every day's payments add up to its net, and the sales report agrees with the Z reports")
    func daysBalance() throws {
        try makeHistory()
        for (day, net) in [("2026-11-27", 57_000 + 34_500), ("2026-11-28", 57_000 + 15_700 - 28_500)] {
            let report = try json(try ok(["report", "eod", "--date", day, "--format", "json"]))
            let payments = try #require(report["payments"] as? [String: Int])
            #expect(report["net"] as? Int == net)
            #expect(payments.values.reduce(0, +) == net)
            let cash = try #require(report["cash"] as? [String: Int])
            #expect(cash["over_short"] == 0)
        }
        let sales = try json(try ok(["report", "sales", "--from", "2026-11-27", "--to", "2026-11-28", "--format", "json"]))
        let rows = try #require(sales["rows"] as? [[String: Any]])
        #expect(rows.map { $0["net"] as? Int } == [91_500, 44_200])
        #expect(rows.map { $0["refund_count"] as? Int } == [0, 1])
        let csv = try ok(["report", "sales", "--from", "2026-11-27", "--to", "2026-11-28", "--format", "csv"])
        #expect(csv.hasPrefix("date,sales_count,refund_count,gross,discounts,rounding,refunds,net,tax,local_net\n2026-11-27,2,0,"))
    }

    @Test("products report nets refunds out and shows the margin at cost")
    func products() throws {
        try makeHistory()
        let report = try json(try ok(["report", "products", "--from", "2026-11-27", "--to", "2026-11-28", "--format", "json"]))
        let rows = try #require(report["rows"] as? [[String: Any]])
        let coffee = try #require(rows.first { $0["sku"] as? String == "KOPI-DESA" })
        // Sold 2 + 2, one back: 3 units; net 57.000 + 57.000 − 28.500 = 85.500; cost 3 × 24.000.
        #expect((coffee["quantity"] as? NSNumber)?.intValue == 3)
        #expect(coffee["net"] as? Int == 85_500)
        #expect(coffee["cost"] as? Int == 72_000)
        #expect(coffee["margin"] as? Int == 13_500)
        #expect(coffee["local"] as? Bool == true)
    }

    @Test("consignment: a settled period never pays twice; a refund after settlement is carried into the next")
    func consignment() throws {
        try makeHistory()
        let first = try json(try ok(["consignment", "report", "--consignor", "KT-MAKMUR", "--to", "2026-11-27", "--format", "json"]))
        #expect((first["rows"] as? [[String: Any]])?.first?["payable"] as? Int == 48_000)  // 2 × 24.000
        #expect(try ok(["consignment", "settle", "--consignor", "KT-MAKMUR", "--to", "2026-11-27"]).contains("Rp48.000"))
        let twice = try tora.run(
            ["consignment", "settle", "--consignor", "KT-MAKMUR", "--to", "2026-11-27"], environment: env("2026-11-28"))
        #expect(twice.status == 65 && twice.stderr.contains("already settled up to 2026-11-27"))
        // Day 2: 2 sold, 1 of day 1's settled coffees refunded: 1 unit, Rp24.000.
        let next = try json(try ok(["consignment", "report", "--consignor", "KT-MAKMUR", "--format", "json"]))
        let row = try #require((next["rows"] as? [[String: Any]])?.first)
        #expect((row["units"] as? NSNumber)?.intValue == 1 && row["payable"] as? Int == 24_000)
        try ok(["consignment", "settle", "--consignor", "KT-MAKMUR", "--to", "2026-11-28"])
        let after = try json(try ok(["consignment", "report", "--consignor", "KT-MAKMUR", "--format", "json"]))
        #expect((after["rows"] as? [[String: Any]])?.isEmpty == true)
        #expect(try ok(["audit", "list", "--kind", "consignment.settled"]).components(separatedBy: "\n").count == 3)
    }

    @Test("SHU shares are floor shares of the pool by purchases; they and the remainder add up to the pool")
    func shu() throws {
        try makeHistory()
        let report = try json(try ok(["report", "shu", "--year", "2026", "--pool", "1.000.000", "--format", "json"]))
        let rows = try #require(report["rows"] as? [[String: Any]])
        // M1: 57.000 − 28.500 = 28.500; M2: 57.000; Σ 85.500.
        // M1: floor(1.000.000 × 28.500 / 85.500) = 333.333; M2: floor(666.666,67) = 666.666; remainder 1.
        #expect(rows.map { $0["number"] as? String } == ["M1", "M2"])
        #expect(rows.map { $0["purchases"] as? Int } == [28_500, 57_000])
        #expect(rows.map { $0["share"] as? Int } == [333_333, 666_666])
        #expect(report["remainder"] as? Int == 1)
        #expect(
            try ok(["report", "shu", "--year", "2026", "--pool", "1000000", "--format", "csv"]).hasPrefix(
                "number,name,purchases,share\nM1,"))
    }

    @Test("the stock report values stock at cost and flags negative stock")
    func stock() throws {
        try makeHistory()
        let report = try json(try ok(["report", "stock", "--format", "json"]))
        let rows = try #require(report["rows"] as? [[String: Any]])
        let sugar = try #require(rows.first { $0["sku"] as? String == "GULA-AREN" })
        #expect(sugar["flag"] as? String == "MINUS" && sugar["value"] as? Int == 0)  // 0 − 1
        let kapal = try #require(rows.first { $0["sku"] as? String == "KOPI-KPA" })
        #expect(kapal["value"] as? Int == 29 * 14_000)
    }

    @Test("the HTML Z report renders in a headless browser, is not blank, and shows the JSON's numbers")
    func htmlReport() throws {
        try makeHistory()
        let page = folder.file("z.html")
        try ok(["report", "eod", "--date", "2026-11-28", "--format", "html", "--output", page])
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"")
                    .count - 1
        )
        #expect(!html.contains("<script"))
        let report = try json(try ok(["report", "eod", "--date", "2026-11-28", "--format", "json"]))
        let browser = try HeadlessBrowser.locate()
        let dom = try browser.dumpDOM(page)
        func shown(_ key: String) -> String? {
            guard let range = dom.range(of: "data-key=\"\(key)\" data-value=\"") else { return nil }
            return String(dom[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(shown("net") == String(report["net"] as? Int ?? -1))
        #expect(shown("tax") == String(report["tax"] as? Int ?? -1))
        #expect(shown("refunds") == "28500")
        let payments = try #require(report["payments"] as? [String: Int])
        for (method, amount) in payments { #expect(shown("payments.\(method)") == String(amount)) }
        let local = try #require(report["local"] as? [String: Any])
        #expect(shown("local.share_pct") == (local["share_pct"] as? NSNumber)?.stringValue)
        let credit = try #require(report["credit"] as? [String: Any])
        #expect(shown("credit.taken") == String(credit["taken"] as? Int ?? -1))
        let head = try #require(report["journal_head"] as? [String: Any])
        #expect(dom.contains("data-key=\"journal_head.seq\">\(head["seq"] as? Int ?? -1)<"))
        #expect(dom.contains("\(head["hash"] as? String ?? "?")"))
        let picture = folder.file("z.png")
        try browser.screenshot(page, to: picture)
        #expect(try PNGInk.fraction(of: picture) > 0.01, "the screenshot looks blank")
    }
}
