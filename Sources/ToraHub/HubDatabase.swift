import Foundation
import Logging
import PostgresNIO

/// The hub's PostgreSQL database: a `PostgresClient` pool and what each concern asks of
/// it (outlets, enrolment, the journal — one file each). Holds no state of its own, so
/// several hub processes can serve one database.
public struct HubDatabase: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    let logger: Logger

    /// Connections a hub process keeps open at most by default: two per core. More
    /// PostgreSQL backends than that on the same cores only take turns, and their switching
    /// and contention cost more than they bring (docs/performance.md "Hub").
    public static var defaultConnections: Int { 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public init(url: DatabaseURL, logger: Logger, connections: Int = HubDatabase.defaultConnections) {
        self.url = url
        self.logger = logger
        // The pool's background chatter (such as a lease asked for a moment before the pool
        // runs) is only worth a line when it is an error.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        var configuration = url.configuration
        configuration.options.maximumConnections = max(1, connections)
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
    }

    /// Runs `body` with the pool running, then stops the pool: for one-shot commands.
    public static func with<Result: Sendable>(
        _ url: DatabaseURL, logger: Logger, _ body: @Sendable (HubDatabase) async throws -> Result
    ) async throws -> Result {
        try await probe(url, logger: logger)
        let database = HubDatabase(url: url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            return try await database.reachable(body)
        }
    }

    /// Connects once, directly, so a server that is not there is said at once with its
    /// cause (the pool would retry for a minute and then name no cause). A server that
    /// answers, even with a refusal, is there: the pool's own connection says the rest.
    public static func probe(_ url: DatabaseURL, logger: Logger) async throws {
        let configuration: PostgresConnection.Configuration
        if let socketPath = url.socketPath {
            configuration = .init(unixSocketPath: socketPath, username: url.user, password: url.password, database: url.database)
        } else {
            configuration = .init(
                host: url.host ?? "localhost", port: url.port, username: url.user, password: url.password, database: url.database,
                tls: .disable)
        }
        var options = configuration
        options.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(configuration: options, id: 0, logger: logger)
            try? await connection.close()
        } catch let error as PSQLError where error.serverInfo == nil {
            let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw HubError(.unavailable, "cannot reach PostgreSQL at \(url.place): \(cause)")
        } catch {
            return
        }
    }

    /// Runs `body`, turning a server that cannot be reached into one clear line.
    func reachable<Result>(_ body: (HubDatabase) async throws -> Result) async throws -> Result {
        do {
            return try await body(self)
        } catch let error as PSQLError where !(Self.sqlState(error)?.hasPrefix("23") ?? false) {
            // A broken constraint (class 23) is left for the caller, who knows what it means.
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
