import ToraCore

/// Every refusal of the hub: one line saying what and why, the HTTP status an outlet
/// gets and the exit status `tora-hub` ends with (docs/hub.md).
public struct HubError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The request body is not what the protocol says (400).
        case badRequest = "bad_request"
        /// Too many entries or bytes in one request (413).
        case tooLarge = "too_large"
        /// No signature, a wrong one, or an unknown outlet (401).
        case unsigned
        /// No admin token or a wrong one (401).
        case notAllowed = "not_allowed"
        /// An enrolment code that is unknown (403) or already used (409); a duplicate outlet.
        case enrolment
        case duplicate
        /// The batch does not continue the journal the hub holds; the outlet is flagged (409).
        case fork
        /// The outlet was flagged earlier; nothing more is taken from it (409).
        case flagged
        case notFound = "not_found"
        /// A stored entry the hub cannot read for a report (500).
        case unreadable
        /// The database cannot be reached.
        case unavailable
        case usage
    }

    public let kind: Kind
    public let message: String
    /// The HTTP status; for `enrolment`, 403 for an unknown code and 409 for a used one.
    public let status: Int

    public init(_ kind: Kind, _ message: String, status: Int? = nil) {
        self.kind = kind
        self.message = message
        self.status = status ?? Self.defaultStatus(kind)
    }

    public var description: String { message }

    static func defaultStatus(_ kind: Kind) -> Int {
        switch kind {
        case .badRequest, .usage: 400
        case .tooLarge: 413
        case .unsigned, .notAllowed: 401
        case .enrolment: 403
        case .duplicate, .fork, .flagged: 409
        case .notFound: 404
        case .unreadable: 500
        case .unavailable: 503
        }
    }

    /// The exit status of `tora-hub` for this error.
    public var exitStatus: ExitStatus {
        switch kind {
        case .usage: .usage
        case .unavailable: .unavailable
        case .unsigned, .notAllowed: .notAllowed
        default: .badData
        }
    }
}
