import Foundation
import ToraCore

/// What the last sync learnt, kept beside the shop file (`<shop>.hub-sync.json`) so a
/// sync writes nothing into the shop's books: the hub's acknowledged head, when, and
/// the last error. `tora hub status` shows it.
public struct SyncState: Codable, Sendable, Equatable {
    public var acked: JournalHead?
    /// UTC, ISO 8601, of the last sync the hub answered.
    public var lastSync: String?
    public var lastError: String?
    /// SHA-256 of the last subsidised-units upload the hub took, with its hub and outlet:
    /// an unchanged upload is not sent again (docs/hub.md "Subsidised units across outlets").
    public var subsidyUploaded: String?

    enum CodingKeys: String, CodingKey {
        case acked
        case lastSync = "last_sync"
        case lastError = "last_error"
        case subsidyUploaded = "subsidy_uploaded"
    }

    public init(acked: JournalHead? = nil, lastSync: String? = nil, lastError: String? = nil) {
        self.acked = acked
        self.lastSync = lastSync
        self.lastError = lastError
    }

    public static func path(forShop shop: String) -> String { shop + ".hub-sync.json" }

    public static func load(forShop shop: String) -> SyncState {
        guard let data = FileManager.default.contents(atPath: path(forShop: shop)),
            let state = try? JSONDecoder().decode(SyncState.self, from: data)
        else { return SyncState() }
        return state
    }

    /// Writes the state whole (a temp file renamed over the old one).
    public func save(forShop shop: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path(forShop: shop)), options: .atomic)
        } catch {
            throw SyncError(.io, "cannot write \(Self.path(forShop: shop)): \(error.localizedDescription)")
        }
    }
}
