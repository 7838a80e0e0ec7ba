import Crypto
import Foundation
import ToraCore

/// What a shop and the hub say to each other (docs/hub.md "Protocol"): the batch of
/// journal entries a shop pushes, the hub's answers, and the signed request. Both ends
/// use these same types, so the wire format is written down once.
public enum HubWire {
    /// The outlet's number at the hub, given at enrolment.
    public static let outletHeader = "Tora-Outlet"
    /// Seconds since 1970 (UTC) when the request was signed.
    public static let timeHeader = "Tora-Time"
    /// Base64 Ed25519 signature over `signedText`.
    public static let signatureHeader = "Tora-Signature"
    /// How far a request's `Tora-Time` may be from the hub's clock.
    public static let clockSkewSeconds: Int64 = 300
    /// The most entries one batch may carry.
    public static let maxBatchEntries = 500
    /// The most bytes one request body may carry.
    public static let maxBodyBytes = 4 * 1024 * 1024
    /// The most rows of subsidised units one `PUT /v1/subsidy-use` may carry.
    public static let maxSubsidyRows = 20_000

    /// The text an outlet signs: the method, path, time, outlet and the body's SHA-256,
    /// one per line, so no part of a request can be changed or moved to another outlet.
    public static func signedText(method: String, path: String, time: Int64, outlet: Int64, body: [UInt8]) -> String {
        let digest = SHA256.hash(data: body).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return "tora-hub-v1\n\(method.uppercased())\n\(path)\n\(time)\n\(outlet)\n\(digest)"
    }
}

/// One journal entry on the wire: its canonical text (the bytes its hash is taken over)
/// and that hash.
public struct WireEntry: Codable, Sendable, Hashable {
    public let text: String
    public let hash: String

    public init(text: String, hash: String) {
        self.text = text
        self.hash = hash
    }

    public init(_ entry: AuditEntry) {
        self.init(text: entry.canonicalText, hash: entry.hash)
    }
}

/// A batch of entries in `seq` order, and the last entry the shop's file holds now (so
/// the hub sees a journal that became shorter than what it already holds).
public struct JournalBatch: Codable, Sendable {
    public let entries: [WireEntry]
    public let shopHead: JournalHead?

    enum CodingKeys: String, CodingKey {
        case entries
        case shopHead = "shop_head"
    }

    public init(entries: [WireEntry], shopHead: JournalHead?) {
        self.entries = entries
        self.shopHead = shopHead
    }
}

/// The enrolment request: the one-time code and the outlet's public key.
public struct EnrolRequest: Codable, Sendable {
    public let code: String
    /// Base64 of the raw 32-byte Ed25519 public key.
    public let publicKey: String

    enum CodingKeys: String, CodingKey {
        case code
        case publicKey = "public_key"
    }

    public init(code: String, publicKey: String) {
        self.code = code
        self.publicKey = publicKey
    }
}

/// Who the hub says the outlet is, after enrolment.
public struct OutletIdentity: Codable, Sendable, Hashable {
    public let outlet: Int64
    public let cooperative: String
    public let code: String
    public let name: String

    public init(outlet: Int64, cooperative: String, code: String, name: String) {
        self.outlet = outlet
        self.cooperative = cooperative
        self.code = code
        self.name = name
    }
}

/// The hub's acknowledged head of an outlet: `GET /v1/head` and the answer to a batch.
public struct HeadAnswer: Codable, Sendable, Hashable {
    /// nil while the hub holds no entry of the outlet.
    public let head: JournalHead?
    /// Entries of the batch newly stored (0 for `GET /v1/head` and for a replay).
    public let applied: Int

    public init(head: JournalHead?, applied: Int) {
        self.head = head
        self.applied = applied
    }
}

/// A refusal: one line, and a word a program can test (`fork`, `unsigned`, …).
public struct ErrorAnswer: Codable, Sendable, Hashable {
    public let error: String
    public let reason: String

    public init(error: String, reason: String) {
        self.error = error
        self.reason = reason
    }
}

/// `PUT /v1/subsidy-use`: the outlet's subsidised units per buyer, programme and day from
/// `from` on, replacing what it sent before for those days (docs/hub.md "Subsidised units
/// across outlets").
public struct SubsidyUseUpload: Codable, Sendable, Equatable {
    public let from: String
    public let rows: [SubsidyUse]

    public init(from: String, rows: [SubsidyUse]) {
        self.from = from
        self.rows = rows
    }
}

/// The answer to `PUT /v1/subsidy-use`.
public struct SubsidyUseStored: Codable, Sendable, Equatable {
    public let stored: Int

    public init(stored: Int) { self.stored = stored }
}

/// The answer to `GET /v1/subsidy-use?from=DAY`: the other outlets' units.
public struct SubsidyUseAnswer: Codable, Sendable, Equatable {
    public let rows: [SubsidyUse]

    public init(rows: [SubsidyUse]) { self.rows = rows }
}
