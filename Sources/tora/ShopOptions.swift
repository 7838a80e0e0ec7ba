import ArgumentParser
import Foundation
import ToraCore
import ToraStore

/// The options every command shares: where the shop database is.
struct ShopOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The shop database file.", valueName: "path"))
    var db: String?

    /// The database path after `--db`, `$TORA_DB` and the XDG default.
    var path: String { ShopStore.resolvePath(explicit: db) }

    /// Opens the shop read-only, for commands that only read: they work on a read-only
    /// file and on a backup copy. A command that changes the shop signs in instead
    /// (`SignInOptions.open`), which opens it for writing.
    func open() throws -> ShopStore {
        try ShopStore(path: path, clock: try ShopClock.fromEnvironment(), access: .readOnly)
    }

    /// Opens the shop to change it; `create` makes the file when it is missing. Only
    /// `init`, `demo`, the till (which signs its cashiers in itself) and `SignInOptions`
    /// call this.
    func openForWriting(create: Bool = false) throws -> ShopStore {
        try ShopStore(path: path, clock: try ShopClock.fromEnvironment(), create: create)
    }
}

/// Runs a command body, turning the library's errors into one line each on standard error
/// and the exit code of SPEC §13.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        for problem in error.problems { printError(problem) }
        printError(error.message)
        throw ExitCode(error.exitCode)
    } catch let error as CoreError {
        printError(error.description)
        throw ExitCode(65)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data(("tora: " + line + "\n").utf8))
}

/// Writes `text` to `path`, or to standard output when `path` is nil or `-`.
func writeOutput(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        print(text, terminator: "")
        return
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw StoreError(.io, "cannot write \(path): the folder is missing, read-only or full")
    }
}

extension Money: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? Money.parse(argument) else { return nil }
        self = value
    }
}
