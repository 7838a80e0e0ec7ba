import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ToraCore

/// `GET /`: the dashboard (docs/hub.md "The dashboard"), behind the admin token, given as
/// `Authorization: Bearer <token>`, as the cookie `tora_hub_admin`, or for a browser as
/// `/?token=<token>`, which also sets that cookie (HttpOnly, SameSite=Strict) so the
/// address can be opened again without the token in it. Anything else is 401 and a page
/// that shows nothing of the data. `?until=YYYY-MM-DD` picks the last of the seven days,
/// `?cooperative=C` shows only that cooperative's outlets.
struct DashboardRoute: Sendable {
    static let cookie = "tora_hub_admin"
    let database: HubDatabase
    let adminToken: String

    func register(on router: Router<HubRequestContext>) {
        router.get("/") { request, _ in await answer(request) }
    }

    private func answer(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        let fromQuery = query.get("token")
        let given = fromQuery ?? bearer(request) ?? cookie(request)
        guard let given, Self.matches(given, adminToken) else {
            let page = HubHTML.page(
                title: "Perlu token admin",
                body: "<h1>401 — perlu token admin</h1>\n<p class=\"note\">Buka <code>/?token=…</code> dengan token admin hub ini.</p>")
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
            headers[.wwwAuthenticate] = "Bearer"
            return Response(status: .unauthorized, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        do {
            let dashboard = try await database.dashboard(until: query.get("until"), cooperative: query.get("cooperative"))
            let now = ISO8601DateFormatter().string(from: Date())
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
            if fromQuery != nil { headers[.setCookie] = "\(Self.cookie)=\(adminToken); Path=/; HttpOnly; SameSite=Strict" }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: dashboard.html(now: now))))
        } catch {
            database.logger.error("dashboard failed: \(error)")
            return Response(
                status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "the hub cannot answer now: try again later\n")))
        }
    }

    private func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }

    private func cookie(_ request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for part in field.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix(Self.cookie + "=") { return String(pair.dropFirst(Self.cookie.count + 1)) }
            }
        }
        return nil
    }

    /// Compared by their SHA-256, so the time taken says nothing of the token.
    static func matches(_ given: String, _ token: String) -> Bool {
        !token.isEmpty && SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(token.utf8))
    }
}
