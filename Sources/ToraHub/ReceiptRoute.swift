import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The request context of the hub: Hummingbird's, with the client's address for the
/// public receipt page's rate limit.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, as the connection shows it.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// `GET /r/<hash>`: the public receipt page (docs/hub.md, "Members check receipts"). No
/// token; each client address may ask `limiter.perMinute` times a minute, then gets 429.
/// HTML, or JSON when the request's `Accept` names `application/json`.
struct ReceiptRoute: Sendable {
    let database: HubDatabase
    let limiter: RateLimiter

    func register(on router: Router<HubRequestContext>) {
        router.get("/r/:hash") { request, context in await answer(request, context) }
    }

    private func answer(_ request: Request, _ context: HubRequestContext) async -> Response {
        let wantsJSON = request.headers[.accept]?.contains("application/json") ?? false
        let address = context.clientAddress ?? "unknown"
        guard limiter.allow(address) else {
            return text("too many receipt checks from this address: try again in a minute\n", status: .tooManyRequests)
        }
        let hash = context.parameters.get("hash") ?? ""
        do {
            let status = ReceiptStatus.isHash(hash) ? try await database.receipt(hash: hash) : nil
            let code: HTTPResponse.Status = status?.state == .verified || status?.state == .broken ? .ok : .notFound
            if wantsJSON {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let body = try encoder.encode(status ?? ReceiptStatus(state: .notSynced, hash: ""))
                return Response(
                    status: code, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
            }
            return Response(
                status: code, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ReceiptPage.render(status))))
        } catch {
            database.logger.error("receipt page failed: \(error)")
            return text("the hub cannot answer now: try again later\n", status: .serviceUnavailable)
        }
    }

    private func text(_ line: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: line)))
    }
}
