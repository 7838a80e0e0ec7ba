import Foundation
import Testing
import ToraCore
import ToraTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The dashboard at `/` (docs/hub.md "The dashboard"), looked at in headless Chromium.
@Suite("the hub's dashboard", .serialized, .enabled(if: PrivatePostgres.shouldRun, Comment(rawValue: PrivatePostgres.skipMessage)))
struct HubDashboardTests {
    /// A session that keeps no cookies: the shared one would hand the dashboard's cookie
    /// to every other test's requests to 127.0.0.1 (cookies ignore the port).
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    static func get(_ world: HubWorld, _ path: String, headers: [String: String] = [:]) async throws -> (Int, String, String?) {
        var request = URLRequest(url: try #require(URL(string: world.hub.url + path)))
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, String(decoding: data, as: UTF8.self), http?.value(forHTTPHeaderField: "Set-Cookie"))
    }

    @Test("without the admin token 401 and none of the data; with it, as a header or a cookie, the page")
    func needsToken() async throws {
        let world = try HubWorld()
        _ = try HubCooperativeTests.twoOutlets(world)
        for (path, headers) in [
            ("/", [:]), ("/?token=wrong-token-0123456789", [:]), ("/", ["Authorization": "Bearer wrong"]),
            ("/", ["Cookie": "tora_hub_admin=wrong"]),
        ] {
            let (status, body, cookie) = try await Self.get(world, path, headers: headers)
            #expect(status == 401 && cookie == nil, "\(path) \(headers)")
            #expect(!body.contains("G1") && !body.contains("Gerai") && !body.contains("Rp"), "\(body)")
        }
        let token = world.hub.adminToken
        let (status, body, _) = try await Self.get(world, "/?until=2026-11-28", headers: ["Authorization": "Bearer \(token)"])
        #expect(status == 200 && body.contains("Gerai G1") && body.contains("Gerai G2"))
        let (_, _, cookie) = try await Self.get(world, "/?token=\(token)")
        #expect(cookie?.contains("tora_hub_admin=\(token)") == true && cookie?.contains("HttpOnly") == true)
        let (byCookie, page, _) = try await Self.get(world, "/", headers: ["Cookie": "tora_hub_admin=\(token)"])
        #expect(byCookie == 200 && page.contains("Dasbor koperasi"))
        let (_, other, _) = try await Self.get(world, "/?cooperative=KOPX", headers: ["Authorization": "Bearer \(token)"])
        #expect(other.contains("Dasbor koperasi") && !other.contains("Gerai G1") && other.contains("<b>0 (0)</b>"))
    }

    @Test("in Chromium: outlets with last sync, head and state; each day's net per outlet; local share; subsidy units per programme")
    func inTheBrowser() throws {
        let world = try HubWorld()
        let (a, b) = try HubCooperativeTests.twoOutlets(world)
        let demoDays = try Self.demoOutlet(world)
        _ = try world.addOutlet("G3")
        _ = try world.postgres.psql(
            HubWorld.database, "UPDATE outlets SET state = 'flagged', flag_reason = 'uji: jurnal <bercabang>' WHERE code = 'G3'")

        let browser = try HeadlessBrowser.locate()
        let url = "\(world.hub.url)/?token=\(world.hub.adminToken)&until=2026-11-28"
        let dom = try browser.dumpDOM(url: url)
        // Outlets: head as the shop's own last entry, state, the flag's reason escaped.
        for shop in [a, b] {
            let head = try #require(try world.shopJournal(shop).last).split(separator: ":")
            #expect(dom.contains("\(head[0]) · \(head[1].prefix(12))"), "head \(head)")
        }
        #expect(dom.contains("ditandai</span>: uji: jurnal &lt;bercabang&gt;") && dom.contains("belum pernah"))
        #expect(dom.contains("28/11/2026") && dom.contains("22/11/2026"))
        // Each outlet's net of each day with its sales count, and the day's sum of G1 and G2.
        let shops = [try HubCooperativeTests.shopReport(a), try HubCooperativeTests.shopReport(b)]
        for z in shops + demoDays where z["sales_count"]?.intValue ?? 0 > 0 {
            let cell = "<td class=\"n\">\(Money(z["net"]?.intValue ?? -1).formatted) (\(z["sales_count"]?.intValue ?? -1))</td>"
            #expect(dom.contains(cell), "\(cell)")
        }
        let net = shops.reduce(0) { $0 + ($1["net"]?.intValue ?? 0) }
        #expect(dom.contains("<td class=\"n\">\(Money(net).formatted) (4)</td>"))
        // The subsidy units of the demo shop's days, and the local share of all.
        let sums = Self.sums(shops + demoDays)
        #expect(!sums.units.isEmpty)
        for (programme, thousandths) in sums.units {
            let units = IndonesianNumber.format(thousandths, decimals: 3)
            #expect(dom.contains("<td>\(programme)</td><td>Jumlah</td><td class=\"n\">\(units)"), "\(programme)")
        }
        let share = ReportFigures.shareTenths(Money(sums.local), of: Money(sums.goods))
        #expect(dom.contains("<b>\(IndonesianNumber.format(share, decimals: 1, minimumDecimals: 1))%</b>"), "local share \(share)")

        let folder = TemporaryFolder("tora-hub-dashboard")
        let picture = folder.file("dashboard.png")
        try browser.screenshot(url: url, to: picture)
        #expect(try PNGInk.fraction(of: picture) > 0.01)
        // For a person to look at: TORA_HUB_DASHBOARD_PNG=/some/file.png keeps a copy.
        if let keep = ProcessInfo.processInfo.environment["TORA_HUB_DASHBOARD_PNG"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: picture, toPath: keep)
        }
    }

    /// The demo shop with its three days, joined as DEMO and synced; its own Z reports of them.
    static func demoOutlet(_ world: HubWorld) throws -> [JSONValue] {
        let demo = try ToraShopFolder(
            "tora-hub-dash-demo", now: "\(HubReportTests.days[0])T07:00:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try demo.ok(["demo", "--no-till", "--db", demo.db])
        try HubReportTests.ringDemoDays(demo)
        let later = demo.env.merging(["TORA_NOW": "2026-11-28T08:00:00+07:00"]) { $1 }
        #expect(try demo.tora.run(["hub", "join", world.hub.url, "--code", try world.addOutlet("DEMO")], environment: later).status == 0)
        #expect(try world.sync(demo).status == 0)
        return try HubReportTests.days.map { day in
            try #require(
                JSONValue.parse(try demo.tora.run(["report", "eod", "--date", day, "--format", "json"], environment: later).stdout))
        }
    }

    /// Over Z reports: the local net, the goods sold (gross − discounts − refunds), and the
    /// subsidy units (thousandths) by programme.
    static func sums(_ reports: [JSONValue]) -> (local: Int64, goods: Int64, units: [String: Int64]) {
        var (local, goods, units) = (Int64(0), Int64(0), [String: Int64]())
        for z in reports {
            local += z["local"]?["net"]?.intValue ?? 0
            goods += (z["gross"]?.intValue ?? 0) - (z["discounts"]?.intValue ?? 0) - (z["refunds"]?.intValue ?? 0)
            for line in z["subsidy"]?.arrayValue ?? [] {
                switch line["units"] {
                case .number(let decimal): units[line["programme"]?.stringValue ?? "", default: 0] += thousandths(decimal)
                case .int(let whole): units[line["programme"]?.stringValue ?? "", default: 0] += whole * 1000
                default: continue
                }
            }
        }
        return (local, goods, units)
    }

    /// `1.5` → 1500: a JSON decimal as thousandths.
    static func thousandths(_ text: String) -> Int64 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0]) ?? 0
        let fraction = parts.count > 1 ? String(parts[1]) + String(repeating: "0", count: max(0, 3 - parts[1].count)) : "000"
        return whole * 1000 + (Int64(fraction.prefix(3)) ?? 0)
    }
}
