/// A journal entry named by its sequence number and hash: the last entry of a day (the
/// Z report's `journal_head`), the last entry a hub acknowledged, or an anchor that the
/// journal must still reach.
public struct JournalHead: Sendable, Hashable, Codable {
    public let seq: Int64
    public let hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Reads `SEQ:HASH`, such as `1234:9f2c…` (64 lower-case hex digits); nil otherwise.
    public init?(anchor text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0 else { return nil }
        let hash = parts[1].lowercased()
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        self.init(seq: seq, hash: hash)
    }

    /// `SEQ:HASH`, as `--anchor` takes it.
    public var text: String { "\(seq):\(hash)" }
}
