import Crypto
import Foundation
import Testing
import ToraJournal
import ToraStore
import ToraTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One test's hub: a private PostgreSQL, the real `tora-hub` migrated and serving, and
/// shops driven through the real `tora` binary.
final class HubWorld: @unchecked Sendable {
    // @unchecked Sendable: set up once in init, then only read.
    let postgres: PrivatePostgres
    let hub: HubProcess
    static let database = "tora_hub"

    /// `serve` is the extra arguments of `tora-hub serve`.
    init(serve: [String] = []) throws {
        postgres = try PrivatePostgres()
        hub = try HubProcess(databaseURL: try postgres.createDatabase(Self.database))
        try hub.ok(["migrate"])
        try hub.serve(serve)
    }

    /// A new shop with the sample catalogue and cashier `01` (PIN 1234).
    func shop(_ name: String) throws -> ToraShopFolder {
        let shop = try ToraShopFolder("tora-hub-\(name)", now: "2026-11-28T10:00:00+07:00")
        try shop.ok(["init", "--shop-name", "Toko \(name)"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir", "--role", "cashier"], stdin: "1234\n")
        return shop
    }

    /// One till session: a shift with `count` cash sales of KOPI-KPA (16.500), closed.
    func sell(_ shop: ToraShopFolder, count: Int = 1) throws {
        let lines =
            ["01", "1234", "100000"] + Array(repeating: ["KOPI-KPA", "pay"], count: count).flatMap { $0 } + [
                "close", String(100_000 + 16_500 * count),
            ]
        try shop.ok(["till", "--register", "01"], stdin: lines.joined(separator: "\n") + "\n")
    }

    /// Adds outlet `code` to cooperative KOP1 and returns its enrolment code (the last line).
    func addOutlet(_ code: String) throws -> String {
        let output = try hub.ok(["outlet", "add", "--cooperative", "KOP1", "--outlet", code, "--name", "Gerai \(code)"])
        return try #require(output.split(separator: "\n").last.map(String.init))
    }

    /// Adds an outlet and joins `shop` to it.
    func join(_ shop: ToraShopFolder, as code: String) throws {
        let enrolment = try addOutlet(code)
        try shop.ok(["hub", "join", hub.url, "--code", enrolment])
    }

    /// `tora sync` of the shop, without sign-in.
    func sync(_ shop: ToraShopFolder) throws -> ToraRun {
        try shop.tora.run(["sync"], environment: shop.unsignedEnv)
    }

    /// The shop's journal as `seq:hash`, in order.
    func shopJournal(_ shop: ToraShopFolder) throws -> [String] {
        try ShopStore(path: shop.db, access: .readOnly).journal.auditEntries(last: 1_000_000).map { "\($0.seq):\($0.hash)" }
    }

    /// The hub's journal of outlet `code` as `seq:hash`, in order.
    func hubJournal(_ code: String) throws -> [String] {
        try postgres.psql(
            Self.database,
            """
            SELECT j.seq || ':' || j.hash FROM journal_entries j JOIN outlets o ON o.id = j.outlet_id
            WHERE o.code = '\(code)' ORDER BY j.seq
            """
        ).split(separator: "\n").map(String.init)
    }

    /// The outlet's number, state and flag reason at the hub.
    func outlet(_ code: String) throws -> (id: Int64, state: String, reason: String) {
        let row = try postgres.psql(
            Self.database, "SELECT id || '|' || state || '|' || coalesce(flag_reason, '') FROM outlets WHERE code = '\(code)'")
        let parts = row.trimmingCharacters(in: .newlines).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return (Int64(parts[0]) ?? 0, parts[1], parts[2])
    }

    /// The shop's key, as `tora hub join` wrote it.
    func key(_ shop: ToraShopFolder) throws -> Curve25519.Signing.PrivateKey {
        let text = try String(contentsOfFile: shop.db + ".hub-key", encoding: .utf8)
        return try Curve25519.Signing.PrivateKey(
            rawRepresentation: try #require(Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))))
    }

    /// A raw request to the hub, signed as `outlet` with `key` when given.
    func send(
        _ method: String, _ path: String, body: [UInt8] = [], as signer: (Curve25519.Signing.PrivateKey, Int64)? = nil,
        accept: String? = nil
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: hub.url + path)))
        request.httpMethod = method
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        if !body.isEmpty { request.httpBody = Data(body) }
        if let (key, outlet) = signer {
            let time = Int64(Date().timeIntervalSince1970)
            for (name, value) in try HubSignature.headers(key: key, outlet: outlet, method: method, path: path, body: body, time: time) {
                request.setValue(value, forHTTPHeaderField: name)
            }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// A batch of the shop's entries `from…through`, as `tora sync` sends it.
    func batch(_ shop: ToraShopFolder, from: Int64, through: Int64) throws -> [UInt8] {
        let entries = try ShopStore(path: shop.db, access: .readOnly).journalEntries(after: from - 1, limit: Int(through - from + 1))
        let head = try ShopStore(path: shop.db, access: .readOnly).journalHead()
        return Array(try JSONEncoder().encode(JournalBatch(entries: entries.map(WireEntry.init), shopHead: head)))
    }
}

extension HubWorld {
    /// The demo shop with its rung days, joined as outlet DEMO and synced; its manager 03
    /// signed in at a moment after the days.
    func syncedDemo(_ name: String) throws -> (shop: ToraShopFolder, later: [String: String]) {
        let demo = try ToraShopFolder(
            "tora-hub-\(name)", now: "\(HubReportTests.days[0])T07:00:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try demo.ok(["demo", "--no-till", "--db", demo.db])
        try HubReportTests.ringDemoDays(demo)
        let later = demo.env.merging(["TORA_NOW": "2026-11-28T08:00:00+07:00"]) { $1 }
        let joined = try demo.tora.run(["hub", "join", hub.url, "--code", try addOutlet("DEMO")], environment: later)
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(try sync(demo).status == 0)
        return (demo, later)
    }
}
