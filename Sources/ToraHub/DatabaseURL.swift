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
        guard let schemeEnd = text.range(of: "://"), ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound]) else {
            throw HubError(.usage, "the database URL must look like postgres://user@host:port/database (got \(text))")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[Self.decode(parts[0])] = parts.count > 1 ? Self.decode(parts[1]) : ""
            }
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash < rest.endIndex ? Self.decode(rest[rest.index(after: slash)...]) : ""
        var hostPort = authority
        var userInfo: (String?, String?) = (nil, nil)
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            userInfo = (info.first.map { Self.decode($0) }, info.count > 1 ? Self.decode(info[1]) : nil)
            hostPort = authority[authority.index(after: at)...]
        }
        var hostText = String(hostPort)
        var portText: String?
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            hostText = String(hostPort[..<colon])
            portText = String(hostPort[hostPort.index(after: colon)...])
        }
        hostText = Self.decode(Substring(hostText.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))))
        guard let port = Int(query["port"] ?? portText ?? "5432"), (1...65535).contains(port) else {
            throw HubError(.usage, "the database URL's port is not a number from 1 to 65535 (got \(text))")
        }
        user = userInfo.0.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? defaultUser
        password = userInfo.1 ?? query["password"]
        database = path.isEmpty ? (query["dbname"] ?? user) : path
        self.port = port
        sslMode = query["sslmode"] ?? "prefer"
        let named = query["host"] ?? hostText
        if !named.isEmpty, !named.hasPrefix("/") {
            host = named
            socketFolder = ""
        } else {
            host = nil
            socketFolder = named.isEmpty ? "/var/run/postgresql" : named
        }
    }

    private static func decode(_ text: Substring) -> String {
        String(text).removingPercentEncoding ?? String(text)
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
        return configuration
    }

    /// Where the server is, for messages (never the password).
    public var place: String { host.map { "\($0):\(port)" } ?? (socketPath ?? "") }
}
