import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import ToraCore
import ToraJournal

/// Talks to the hub over HTTP (docs/hub.md "Protocol"): JSON bodies, every outlet call
/// signed with the shop's key. Blocking calls, for the command line.
public final class HubClient: Sendable {
    /// The hub's base URL, without a trailing slash.
    public let baseURL: String
    public static let timeoutSeconds: Int64 = 30
    /// Its own client, which gives up on a hub that refuses the connection instead of
    /// retrying until the deadline (the shared one retries).
    private let http: HTTPClient
    /// The shop's clock, which signs each request (docs/hub.md "A shop's clock").
    private let clock: @Sendable () -> Date
    /// Seconds to add to the shop's clock to sign with the hub's time, learnt from the
    /// `Date` of a refusal; 0 until the hub refuses a signature as out of its window.
    private let offset = Mutex<Int64>(0)

    /// How far the shop's clock is from the hub's, once a refusal showed it; 0 otherwise.
    public var clockOffsetSeconds: Int64 { offset.withLock { $0 } }

    public init(url: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.clock = clock
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard let parsed = URL(string: trimmed), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw SyncError(.usage, "the hub URL must look like http://host:port (got \(url))")
        }
        baseURL = trimmed
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .seconds(Self.timeoutSeconds)))
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        try? http.syncShutdown()
    }

    /// The hub's answer: status and body.
    public struct Answer: Sendable {
        public let status: Int
        public let body: [UInt8]

        /// The hub's one-line refusal, or the status alone.
        public var refusal: ErrorAnswer {
            (try? JSONDecoder().decode(ErrorAnswer.self, from: Data(body)))
                ?? ErrorAnswer(error: "the hub answered HTTP \(status)", reason: "http_\(status)")
        }
    }

    /// Sends one request; signed when `key` is given. A hub that cannot be reached is
    /// `SyncError` with exit 69.
    public func send(
        _ method: String, _ path: String, body: [UInt8] = [], signedBy key: (Curve25519.Signing.PrivateKey, Int64)? = nil
    ) throws -> Answer {
        let (answer, hubTime) = try attempt(method, path, body: body, signedBy: key)
        // A refused signature whose time was outside the hub's window: sign again, once,
        // with the hub's time (its `Date` header), and keep that offset for later requests.
        guard key != nil, answer.status == 401, let hubTime else { return answer }
        let mine = Int64(clock().timeIntervalSince1970)
        let wanted = hubTime - mine
        let current = offset.withLock { $0 }
        guard abs(wanted - current) > HubWire.clockSkewSeconds / 2 else { return answer }
        offset.withLock { $0 = wanted }
        return try attempt(method, path, body: body, signedBy: key).answer
    }

    /// One request and the hub's time from its `Date` header, when it sent one.
    private func attempt(
        _ method: String, _ path: String, body: [UInt8], signedBy key: (Curve25519.Signing.PrivateKey, Int64)?
    ) throws -> (answer: Answer, hubTime: Int64?) {
        var request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(
                url: baseURL + path, method: HTTPMethod(rawValue: method), body: body.isEmpty ? nil : .bytes(body))
        } catch {
            throw SyncError(.usage, "cannot make a request to \(baseURL + path): \(error)")
        }
        request.headers.add(name: "Content-Type", value: "application/json")
        if let (key, outlet) = key {
            let signPath = URL(string: baseURL + path)?.path ?? path
            let time = Int64(clock().timeIntervalSince1970) + offset.withLock { $0 }
            for (name, value) in try HubSignature.headers(
                key: key, outlet: outlet, method: method, path: signPath, body: body, time: time)
            {
                request.headers.add(name: name, value: value)
            }
        }
        do {
            let response = try http.execute(request: request, deadline: .now() + .seconds(Self.timeoutSeconds)).wait()
            let bytes = response.body.map { Array($0.readableBytesView) } ?? []
            let hubTime = response.headers.first(name: "Date").flatMap(HTTPDate.seconds)
            return (Answer(status: Int(response.status.code), body: bytes), hubTime)
        } catch {
            throw SyncError(.unavailable, "cannot reach the hub at \(baseURL): \(error)")
        }
    }

    /// Decodes a 200 answer, or throws the hub's refusal with its exit status.
    public static func decode<Value: Decodable>(_ type: Value.Type, from answer: Answer, doing what: String) throws -> Value {
        guard answer.status == 200 else { throw refusal(answer, doing: what) }
        guard let value = try? JSONDecoder().decode(type, from: Data(answer.body)) else {
            throw SyncError(.unavailable, "the hub's answer to \(what) is not what this version of tora expects")
        }
        return value
    }

    /// The exit status and line for a refusal: a forked journal is said plainly.
    static func refusal(_ answer: Answer, doing what: String) -> SyncError {
        let refusal = answer.refusal
        switch (answer.status, refusal.reason) {
        case (409, "fork"), (409, "flagged"):
            return SyncError(.badData, "the hub refuses this shop's journal as forked: \(refusal.error)")
        case (401, _):
            return SyncError(.notAllowed, "the hub does not accept this shop's signature: \(refusal.error)")
        case (400, _), (403, _), (409, _), (413, _):
            return SyncError(.badData, "the hub refused \(what): \(refusal.error)")
        default:
            return SyncError(.unavailable, "the hub failed \(what): \(refusal.error)")
        }
    }
}
