import Foundation
import PostgresNIO

/// A libpq-style `postgres://user:password@host:port/database?host=/socket/dir` URL read
/// into PostgresNIO's configuration. With `?host=/dir` (or no host at all) the server is
/// reached on its Unix socket `/dir/.s.PGSQL.<port>`, as libpq does.
public struct DatabaseURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var database: String
    /// A TCP host, or nil for a Unix socket in `socketFolder`.
    public var host: String?
    public var socketFolder: String
    public var port: Int
    public var sslMode: String

    public init(_ text: String, defaultUser: String = DatabaseURL.currentUser) throws(HubError) {
        guard let parts = URLComponents(string: text), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
            throw HubError(.usage, "the database URL must look like postgres://user@host:port/database (got \(text))")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { $1 }
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? query["user"] ?? defaultUser
        password = parts.password.flatMap { $0.removingPercentEncoding } ?? query["password"]
        let path = String(parts.path.drop(while: { $0 == "/" }))
        database = path.isEmpty ? (query["dbname"] ?? user) : (path.removingPercentEncoding ?? path)
        port = parts.port ?? query["port"].flatMap { Int($0) } ?? 5432
        sslMode = query["sslmode"] ?? "prefer"
        let named = query["host"] ?? parts.host.flatMap { $0.removingPercentEncoding }
        if let named, !named.isEmpty, !named.hasPrefix("/") {
            host = named
            socketFolder = ""
        } else {
            host = nil
            socketFolder = (named?.isEmpty == false ? named : nil) ?? "/var/run/postgresql"
        }
    }

    /// The user this process runs as, libpq's default.
    public static var currentUser: String {
        ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "postgres"
    }

    /// The Unix socket path, when there is no TCP host.
    public var socketPath: String? { host == nil ? "\(socketFolder)/.s.PGSQL.\(port)" : nil }

    /// PostgresNIO's client configuration for this URL.
    public var configuration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch sslMode {
            case "disable", "allow": tls = .disable
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            default: tls = .prefer(.makeClientConfiguration())
            }
            configuration = .init(host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// Where the server is, for messages (never the password).
    public var place: String { host.map { "\($0):\(port)" } ?? (socketPath ?? "") }
}
