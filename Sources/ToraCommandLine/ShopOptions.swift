import ArgumentParser
import Foundation
import ToraCore
import ToraPrint
import ToraStore

/// The options every command shares: where the shop database is.
public struct ShopOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("The shop database file.", valueName: "path"))
    public var db: String?

    /// The database path after `--db`, `$TORA_DB` and the XDG default.
    public var path: String { ShopStore.resolvePath(explicit: db) }

    /// Opens the shop read-only, for commands that only read: they work on a read-only
    /// file and on a backup copy. A command that changes the shop signs in instead
    /// (`SignInOptions.open`), which opens it for writing.
    public func open() throws -> ShopStore {
        try ShopStore(path: path, clock: try ShopClock.fromEnvironment(), access: .readOnly)
    }

    /// Opens the shop to change it; `create` makes the file when it is missing. Only
    /// `init`, `demo`, the till (which signs its cashiers in itself), `sync` (which applies
    /// the cooperative's data as the hub) and `SignInOptions` call this.
    public func openForWriting(create: Bool = false) throws -> ShopStore {
        try ShopStore(path: path, clock: try ShopClock.fromEnvironment(), create: create)
    }
}

/// Runs a command body, turning every error into one line on standard error and a named
/// exit code (docs/sign-in-and-files.md "Exit codes"). The argument parser's own errors
/// (usage, `--help`, an `ExitCode` a command chose) pass through unchanged.
public func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        for problem in error.problems { printError(problem) }
        printError(error.message)
        throw ExitCode(error.exitStatus)
    } catch let error as CoreError {
        printError(error.description)
        throw ExitCode(.badData)
    } catch let error as PrintError {
        printError(error.message)
        throw ExitCode(error.exitStatus)
    } catch let error as DecodingError {
        printError(StoreError.damaged(error, column: "a stored value", row: "the shop database").message)
        throw ExitCode(.badData)
    } catch let error where error is ExitCode || error is ValidationError || error is CleanExit {
        throw error
    } catch {
        printError(oneLine(error))
        throw ExitCode(.io)
    }
}

/// An error of the system or of Foundation on one line (they may span several).
public func oneLine(_ error: any Error) -> String {
    let text = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

extension ExitCode {
    /// The exit code of a named status.
    public init(_ status: ExitStatus) { self.init(status.rawValue) }
}

public func printError(_ line: String) {
    FileHandle.standardError.write(Data(("tora: " + line + "\n").utf8))
}

/// Writes `text` to `path`, or to standard output when `path` is nil or `-`.
public func writeOutput(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        print(text, terminator: "")
        return
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw StoreError(.io, "cannot write \(path): the folder is missing, read-only or full")
    }
}

extension Money {
    /// Reads a command-line amount as Indonesians write it (`12.500`), or says why not:
    /// `transform: Money.argument` puts that reason in the usage error.
    public static func argument(_ text: String) throws -> Money {
        do {
            return try Money.parse(text)
        } catch {
            throw ValidationError(error.reason)
        }
    }
}

extension RegisterID {
    /// Reads `--register` as typed, or says why not: two digits, like `01`.
    public static func argument(_ text: String) throws -> RegisterID {
        guard let register = RegisterID(text) else { throw ValidationError("--register takes two digits, like 01") }
        return register
    }
}

extension BusinessDay {
    /// Reads a day option (`--from`, `--to`, `--date`) as typed, or says why not.
    public static func argument(_ text: String, option: String) throws -> BusinessDay {
        guard let day = BusinessDay(text) else {
            throw ValidationError("\(option) '\(text)' is not a day of the calendar (YYYY-MM-DD)")
        }
        return day
    }
}
