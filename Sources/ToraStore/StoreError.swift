import GRDB
import ToraCore

/// Why the shop database refused or failed an operation, with what a person needs to fix
/// it: a stable `code`, the file, row or field involved, and an English sentence.
///
/// `exitStatus` maps the code to the exit codes of docs/sign-in-and-files.md so the
/// command line can stop with the right one. New codes may appear; callers fall back to `message`.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Input data broke a rule (exit 65).
        public static let invalidInput = Code(rawValue: "invalid_input")
        /// Something named does not exist: sku, member, user, tier (exit 65).
        public static let notFound = Code(rawValue: "not_found")
        /// Something would be created twice (exit 65).
        public static let duplicate = Code(rawValue: "duplicate")
        /// The database is locked by another writer past the busy timeout (exit 75).
        public static let busy = Code(rawValue: "busy")
        /// The file cannot be read or written, or is not a Tora Sera database (exit 74).
        public static let io = Code(rawValue: "io")
        /// The database was made by a newer Tora Sera (exit 74).
        public static let newerSchema = Code(rawValue: "newer_schema")
        /// No shop database at the path yet (exit 74).
        public static let missingDatabase = Code(rawValue: "missing_database")
        /// The user is locked out after wrong PINs, or the code or PIN is wrong (exit 77).
        public static let denied = Code(rawValue: "denied")
        /// No one signed in for a changing command, or the user's role may not do it (exit 77).
        public static let notAllowed = Code(rawValue: "not_allowed")
        /// The file is another program's SQLite database, not a shop (exit 74).
        public static let notAShop = Code(rawValue: "not_a_shop")
        /// The audit journal does not verify (exit 65).
        public static let tampered = Code(rawValue: "tampered")
        /// A stored row does not read back, e.g. a JSON column edited outside Tora Sera (exit 65).
        public static let damaged = Code(rawValue: "damaged")
    }

    public var code: Code
    public var message: String
    /// Every problem of a bulk input (`line N: column: reason`), when there are several.
    public var problems: [String]
    /// The domain rule that was broken, when one was.
    public var coreError: CoreError?
    /// Why, in facts a front end words in its own language; nil when `message` is all
    /// there is.
    public var reason: Reason?

    public init(_ code: Code, _ message: String, problems: [String] = [], coreError: CoreError? = nil) {
        self.code = code
        self.message = message
        self.problems = problems
        self.coreError = coreError
    }

    /// A domain refusal as a store error (invalid input).
    public init(_ error: CoreError) {
        self.init(.invalidInput, error.description, coreError: error)
    }

    public var description: String { message }

    /// 65 bad input data, 74 I/O, 75 database busy past its timeout, 77 not signed in
    /// or not allowed.
    public var exitStatus: ExitStatus {
        switch code {
        case .busy: return .busy
        case .io, .newerSchema, .missingDatabase, .notAShop: return .io
        case .denied, .notAllowed: return .notAllowed
        default: return .badData
        }
    }

    /// `exitStatus` as the number the process exits with.
    public var exitCode: Int32 { exitStatus.rawValue }

    /// A JSON column that does not decode as what Tora Sera wrote there: one line naming
    /// the table, column and row, so the user knows which record to look at.
    public static func damaged(_ error: any Error, column: String, row: String) -> StoreError {
        let reason: String
        switch error as? DecodingError {
        case .dataCorrupted(let context)?: reason = context.debugDescription
        case .keyNotFound(let key, _)?: reason = "no \(key.stringValue)"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            reason = "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: reason = String(describing: error)
        }
        let oneLine = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
        return StoreError(
            .damaged,
            "\(column) of \(row) is damaged and cannot be read (\(oneLine)); it was changed outside Tora Sera: run tora audit verify"
        )
    }

    /// Turns an SQLite failure into a sentence a shop can act on, with the kind of failure,
    /// the path and SQLite's words as its reason.
    static func wrapping(_ error: DatabaseError, path: String) -> StoreError {
        let detail = error.message ?? error.description
        let (code, message, failure): (Code, String, DatabaseFailure)
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            (code, message, failure) = (
                .busy, "the shop database \(path) is busy (another till or command is writing); try again", .busy
            )
        case .SQLITE_NOTADB:
            (code, message, failure) = (.io, "\(path) is not a Tora Sera database (not an SQLite file)", .notADatabase)
        case .SQLITE_CORRUPT:
            (code, message, failure) = (
                .io, "the shop database \(path) is damaged (SQLite reports corruption); restore the last backup", .damaged
            )
        case .SQLITE_FULL:
            (code, message, failure) = (.io, "the disk holding \(path) is full; nothing was written", .diskFull)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            (code, message, failure) = (
                .io, "cannot write the shop database \(path): \(error.message ?? "permission denied")", .cannotWrite
            )
        case .SQLITE_IOERR:
            (code, message, failure) = (
                .io, "input/output error on the shop database \(path): \(error.message ?? "I/O error")", .ioError
            )
        case .SQLITE_CONSTRAINT:
            (code, message, failure) = (
                .invalidInput, "the change breaks a rule of the shop database: \(error.message ?? "constraint failed")",
                .constraint
            )
        default:
            (code, message, failure) = (.io, "database error on \(path): \(detail)", .failed)
        }
        return StoreError(code, message).because(.database(failure, path: path, detail: detail))
    }
}
