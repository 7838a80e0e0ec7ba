import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The running hub: Hummingbird's HTTP server and the database pool in one service group
/// that stops gracefully on SIGTERM or SIGINT (requests in flight finish).
public enum HubServer {
    /// Serves until SIGTERM/SIGINT; `onRunning` gets the address once it listens.
    public static func serve(
        database url: DatabaseURL, host: String, port: Int, adminToken: String, receiptChecksPerMinute: Int = 30,
        idleTimeoutSeconds: Int = 30, databaseConnections: Int = HubDatabase.defaultConnections, logger: Logger,
        onRunning: @escaping @Sendable (String) -> Void
    ) async throws {
        try await HubDatabase.probe(url, logger: logger)
        let database = HubDatabase(url: url, logger: logger, connections: databaseConnections)
        let router = Router(context: HubRequestContext.self)
        HubRoutes(database: database, adminToken: adminToken, now: { Int64(Date().timeIntervalSince1970) }).register(on: router)
        DashboardRoute(database: database, adminToken: adminToken).register(on: router)
        ReceiptRoute(database: database, limiter: RateLimiter(perMinute: receiptChecksPerMinute)).register(on: router)
        let app = Application(
            router: router,
            // A connection that sends nothing for this long (a stalled or trickling client, a
            // request whose body stopped coming) is closed, so it holds nothing for ever.
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(idleTimeoutSeconds)))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tora-hub"),
            services: [database.client],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                onRunning("http://\(host):\(port)")
            },
            logger: logger
        )
        try await app.runService()
    }
}
