import Logging
import PostgresNIO

/// The hub's PostgreSQL database: a `PostgresClient` pool and what each concern asks of
/// it (outlets, enrolment, the journal — one file each). Holds no state of its own, so
/// several hub processes can serve one database.
public struct HubDatabase: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    let logger: Logger

    public init(url: DatabaseURL, logger: Logger) {
        self.url = url
        self.logger = logger
        client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
    }

    /// Runs `body` with the pool running, then stops the pool: for one-shot commands.
    public static func with<Result: Sendable>(
        _ url: DatabaseURL, logger: Logger, _ body: @Sendable (HubDatabase) async throws -> Result
    ) async throws -> Result {
        let database = HubDatabase(url: url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            return try await database.reachable(body)
        }
    }

    /// Runs `body`, turning a server that cannot be reached into one clear line.
    func reachable<Result>(_ body: (HubDatabase) async throws -> Result) async throws -> Result {
        do {
            return try await body(self)
        } catch let error as PSQLError {
            throw Self.describe(error, place: url.place)
        }
    }

    /// Runs `body` in one transaction (committed when it returns, rolled back when it
    /// throws) and throws the body's own error, not PostgresNIO's wrapper of it.
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let wrapped as PostgresTransactionError {
            throw wrapped.closureError ?? wrapped.beginError ?? wrapped.commitError ?? wrapped
        }
    }

    /// A PostgreSQL error as a `HubError`: the server's own message, or that it cannot be reached.
    static func describe(_ error: PSQLError, place: String) -> HubError {
        if let message = error.serverInfo?[.message] {
            return HubError(.unavailable, "PostgreSQL refused: \(message)")
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return HubError(.unavailable, "cannot reach PostgreSQL at \(place): \(cause)")
    }

    /// The SQLSTATE of a server error, such as `23505` for a duplicate key.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
