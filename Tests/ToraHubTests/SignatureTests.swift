import Crypto
import Foundation
import Testing
import ToraHub
import ToraJournal

/// Outlet requests are signed with Ed25519 over method, path, time, outlet and body.
@Suite("request signatures")
struct SignatureTests {
    let key = Curve25519.Signing.PrivateKey()
    let body = Array("{\"entries\":[]}".utf8)
    let now: Int64 = 1_800_000_000

    func headers(outlet: Int64 = 7, method: String = "POST", path: String = "/v1/journal", time: Int64? = nil) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try HubSignature.headers(
                key: key, outlet: outlet, method: method, path: path, body: body, time: time ?? now))
    }

    func problem(_ headers: [String: String], outlet: Int64 = 7, path: String = "/v1/journal", body: [UInt8]? = nil) -> String? {
        HubSignature.problem(
            publicKey: Array(key.publicKey.rawRepresentation), outlet: outlet, method: "POST", path: path, body: body ?? self.body,
            time: headers[HubWire.timeHeader], signature: headers[HubWire.signatureHeader], now: now)
    }

    @Test("a request signed by the outlet's key holds")
    func holds() throws {
        #expect(problem(try headers()) == nil)
    }

    @Test("another body, path or outlet, another key, a missing signature or an old time are refused")
    func refusals() throws {
        let signed = try headers()
        #expect(problem(signed, body: Array("{\"entries\":[1]}".utf8)) != nil)
        #expect(problem(signed, path: "/v1/head") != nil)
        #expect(problem(signed, outlet: 8) != nil)
        var stranger = signed
        let other = Curve25519.Signing.PrivateKey()
        let text = HubWire.signedText(method: "POST", path: "/v1/journal", time: now, outlet: 7, body: body)
        stranger[HubWire.signatureHeader] = try other.signature(for: Data(text.utf8)).base64EncodedString()
        #expect(problem(stranger) == "the signature does not match the outlet's key")
        var unsigned = signed
        unsigned[HubWire.signatureHeader] = nil
        #expect(problem(unsigned)?.contains("missing") == true)
        #expect(problem(try headers(time: now - HubWire.clockSkewSeconds - 1))?.contains("from the hub's clock") == true)
        #expect(problem(try headers(time: now + HubWire.clockSkewSeconds)) == nil)
    }

    @Test("a libpq URL with ?host= reaches the Unix socket in that folder; a host name goes over TCP")
    func databaseURLs() throws {
        let socket = try DatabaseURL("postgres://tora@/hub?host=/tmp/pg&port=5433", defaultUser: "x")
        #expect(socket.socketPath == "/tmp/pg/.s.PGSQL.5433")
        #expect(socket.user == "tora" && socket.database == "hub")
        let tcp = try DatabaseURL("postgresql://u:p%40ss@db.local:6000/coop?sslmode=disable", defaultUser: "x")
        #expect(tcp.host == "db.local" && tcp.port == 6000 && tcp.password == "p@ss" && tcp.socketPath == nil)
        let bare = try DatabaseURL("postgres:///hub", defaultUser: "me")
        #expect(bare.socketPath == "/var/run/postgresql/.s.PGSQL.5432" && bare.user == "me")
        #expect(throws: HubError.self) { try DatabaseURL("mysql://x/y") }
    }
}
