import ArgumentParser
import Foundation
import Logging
import ToraCore
import ToraHub

/// `tora-hub`: the cooperative hub (docs/hub.md). Each subcommand parses its flags and
/// calls ToraHub; no rule lives here.
@main
struct ToraHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tora-hub",
        abstract: "Tora Sera's cooperative hub: gathers every outlet's verified journal in PostgreSQL.",
        discussion: """
            The database is --database URL or $TORA_HUB_DATABASE_URL, a libpq-style \
            postgres://user@host:port/database URL (?host=/socket/folder for a Unix socket).
            Exit codes: 0 done, 64 usage, 65 bad data, 69 database unavailable, 77 not allowed.
            """,
        subcommands: [
            MigrateCommand.self, ServeCommand.self, OutletCommand.self, ReportCommand.self, SharedCommand.self, ProjectionsCommand.self,
        ]
    )
}

/// The database every subcommand takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The hub's PostgreSQL database (else $TORA_HUB_DATABASE_URL).", valueName: "url"))
    var database: String?

    func url() throws -> DatabaseURL {
        guard let text = database ?? ProcessInfo.processInfo.environment["TORA_HUB_DATABASE_URL"], !text.isEmpty else {
            throw HubError(.usage, "no database: give --database postgres://… or set TORA_HUB_DATABASE_URL")
        }
        return try DatabaseURL(text)
    }

    /// Runs `body` against the database, one line and a named exit code on failure.
    func run<Result: Sendable>(_ body: @Sendable (HubDatabase) async throws -> Result) async throws -> Result {
        try await reportingErrors {
            try await HubDatabase.with(try url(), logger: hubLogger, body)
        }
    }
}

/// Quiet unless something goes wrong: the hub's output is for people and scripts.
let hubLogger: Logger = {
    var logger = Logger(label: "tora-hub")
    logger.logLevel = ProcessInfo.processInfo.environment["TORA_HUB_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
    return logger
}()

/// Runs a command body, turning every error into one line on standard error and its exit code.
func reportingErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
    do {
        return try await body()
    } catch let error as HubError {
        printError(error.message)
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error where error is ExitCode || error is ValidationError || error is CleanExit {
        throw error
    } catch {
        printError(String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " "))
        throw ExitCode(ExitStatus.unavailable.rawValue)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data(("tora-hub: " + line + "\n").utf8))
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the hub's tables (safe to run again).")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (applied, rebuilt) = try await database.run { database in
            let applied = try await database.migrate()
            // A hub that held journals before the materialized days (or before a figure they
            // now keep): fill them now.
            let rebuilds = applied.contains { HubDatabase.rebuildingMigrations.contains($0) }
            let rebuilt = rebuilds ? try await database.rebuildProjections() : nil
            return (applied, rebuilt)
        }
        print(applied.isEmpty ? "schema is current" : "applied: " + applied.joined(separator: ", "))
        if let rebuilt, rebuilt.entries > 0 { print("projected \(rebuilt.entries) journal entries of \(rebuilt.outlets) outlets") }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the hub over HTTP until SIGTERM or SIGINT.")
    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "The TCP port (0 picks a free one).") var port = 8450
    @Option(name: .long, help: ArgumentHelp("The admin token (else $TORA_HUB_ADMIN_TOKEN).", valueName: "token"))
    var adminToken: String?
    @Option(help: "How many times a minute one address may open receipt pages (/r/…).") var receiptRate = 30
    @Option(help: "Seconds a connection may send nothing before it is closed.") var idleTimeout = 30
    @Option(help: "PostgreSQL connections this process keeps open at most (default: two per core).")
    var databaseConnections = HubDatabase.defaultConnections

    func validate() throws {
        guard databaseConnections >= 1 else { throw ValidationError("--database-connections must be 1 or more") }
    }

    func run() async throws {
        guard let token = adminToken ?? ProcessInfo.processInfo.environment["TORA_HUB_ADMIN_TOKEN"], token.count >= 16 else {
            printError("serve needs an admin token of at least 16 characters: --admin-token or TORA_HUB_ADMIN_TOKEN")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let url = try await reportingErrors { try database.url() }
        let migrated = try await database.run { try await $0.isMigrated() }
        guard migrated else {
            printError("the database schema is missing or older than this hub: run `tora-hub migrate` first")
            throw ExitCode(ExitStatus.badData.rawValue)
        }
        try await reportingErrors {
            try await HubServer.serve(
                database: url, host: host, port: port, adminToken: token, receiptChecksPerMinute: receiptRate,
                idleTimeoutSeconds: max(1, idleTimeout), databaseConnections: databaseConnections, logger: hubLogger
            ) { address in
                FileHandle.standardOutput.write(Data("tora-hub: serving \(address)\n".utf8))
            }
        }
    }
}
