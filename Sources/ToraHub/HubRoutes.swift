import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ToraCore
import ToraJournal

/// The hub's HTTP answers under `/v1` (docs/hub.md "Protocol"). Outlet calls are signed
/// with the outlet's key; admin calls carry the admin token; nothing answers anonymously
/// except enrolment, which needs a one-time code.
struct HubRoutes: Sendable {
    let database: HubDatabase
    let adminToken: String
    /// Seconds since 1970 now: the clock the signature window is checked against.
    let now: @Sendable () -> Int64

    func register(on router: Router<HubRequestContext>) {
        router.post("/v1/enrol") { request, _ in await answer { try await enrol(request) } }
        router.get("/v1/head") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                return try json(HeadAnswer(head: try await database.head(outlet: outlet.id), applied: 0))
            }
        }
        router.post("/v1/journal") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                let batch = try JournalBatchReader.read(outlet.body)
                return try json(try await database.push(outlet: outlet.id, batch: batch))
            }
        }
        router.get("/v1/shared") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                let after = request.uri.queryParameters.get("after").flatMap { Int64($0) } ?? 0
                guard let (version, data) = try await database.newestShared(outlet: outlet.id, after: after) else {
                    return raw("{}")
                }
                return raw("{\"data\":\(data),\"version\":\(version)}")
            }
        }
        registerSubsidyUse(on: router)
        registerSavings(on: router)
        router.get("/v1/outlets") { request, _ in
            await answer {
                try checkAdmin(request)
                return try json(try await database.outlets())
            }
        }
    }

    private func enrol(_ request: Request) async throws -> Response {
        var request = request
        let body = try await collect(&request)
        guard let enrolment = try? JSONDecoder().decode(EnrolRequest.self, from: Data(body)) else {
            throw HubError(.badRequest, "the body must be JSON {\"code\": …, \"public_key\": …}")
        }
        return try json(try await database.enrol(enrolment))
    }

    /// The signed outlet and the body it signed; 401 for anything else.
    func authenticate(_ request: inout Request) async throws -> (id: Int64, body: [UInt8]) {
        let body = try await collect(&request)
        guard let outletText = request.headers[HTTPField.Name(HubWire.outletHeader)!], let outlet = Int64(outletText) else {
            throw HubError(.unsigned, "missing or unreadable \(HubWire.outletHeader) header: outlet calls must be signed")
        }
        guard let key = try await database.publicKey(outlet: outlet) else {
            throw HubError(.unsigned, "outlet \(outlet) is not enrolled at this hub")
        }
        if let problem = HubSignature.problem(
            publicKey: key, outlet: outlet, method: request.method.rawValue, path: request.uri.path, body: body,
            time: request.headers[HTTPField.Name(HubWire.timeHeader)!],
            signature: request.headers[HTTPField.Name(HubWire.signatureHeader)!], now: now())
        {
            throw HubError(.unsigned, "request refused: \(problem)")
        }
        return (outlet, body)
    }

    func collect(_ request: inout Request) async throws -> [UInt8] {
        do {
            return Array(try await request.collectBody(upTo: HubWire.maxBodyBytes).readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HubError(.tooLarge, "the body is larger than \(HubWire.maxBodyBytes) bytes")
        } catch {
            throw HubError(.badRequest, "the body could not be read whole: \(error)")
        }
    }

    private func checkAdmin(_ request: Request) throws {
        let given = request.headers[.authorization] ?? ""
        let expected = "Bearer " + adminToken
        guard !adminToken.isEmpty, SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8)) else {
            throw HubError(.notAllowed, "this needs the hub's admin token (Authorization: Bearer …)")
        }
    }

    /// Runs `body`; a refusal becomes its JSON error with its status.
    func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as HubError {
            return (try? json(ErrorAnswer(error: error.message, reason: error.kind.rawValue), status: error.status))
                ?? Response(status: .internalServerError)
        } catch {
            database.logger.error("request failed: \(error)")
            let answer = ErrorAnswer(error: "the hub failed: \(error)", reason: "internal")
            return (try? json(answer, status: 500)) ?? Response(status: .internalServerError)
        }
    }

    private func raw(_ json: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }

    func json(_ value: some Encodable, status: Int = 200) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
