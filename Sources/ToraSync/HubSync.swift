import Crypto
import Foundation
import ToraCore
import ToraJournal
import ToraStore

#if canImport(Glibc)
    import Glibc
#endif

/// `tora sync` (docs/hub.md "Shop side"): pushes the journal entries the hub has not
/// acknowledged, in order and in signed batches. Resumable and idempotent: each batch
/// starts again at the hub's acknowledged head (which the hub compares with what it
/// holds), so an interrupted or repeated sync never loses or doubles an entry.
public struct HubSync {
    public let store: ShopStore
    public let link: HubLink
    let key: Curve25519.Signing.PrivateKey
    let client: HubClient
    /// Entries per batch (the hub takes at most `HubWire.maxBatchEntries`).
    public var batchSize = 200
    /// Bytes of entry text per batch, well under the hub's body limit.
    public var batchBytes = 1_000_000

    /// What one sync did.
    public struct Outcome: Sendable, Equatable {
        public let acked: JournalHead?
        public let pushed: Int
        public let batches: Int
        /// The version of the cooperative's data applied by this sync, if a newer one came.
        public var sharedVersion: Int64? = nil
        /// How far the shop's clock is from the hub's, when the hub refused it as out of
        /// its window (the sync then signed with the hub's time); 0 otherwise.
        public var clockOffsetSeconds: Int64 = 0
        /// Whether the units the other outlets sold to this shop's buyers changed.
        public var subsidyUseChanged = false
        /// Whether the members' savings at the other outlets changed.
        public var savingsChanged = false
    }

    public init(store: ShopStore) throws {
        guard let link = try store.hubLink() else {
            throw SyncError(.usage, "this shop has not joined a hub: run tora hub join URL --code CODE first")
        }
        self.store = store
        self.link = link
        key = try HubKeyFile.read(forShop: store.path)
        let clock = store.clock
        client = try HubClient(url: link.url, clock: { clock.now })
    }

    /// One sync, under the shop's sync lock (a second sync waits for the first); records
    /// the outcome or the error in the sync state.
    public func run() throws -> Outcome {
        let lock = try SyncLock(forShop: store.path)
        defer { lock.release() }
        var state = SyncState.load(forShop: store.path)
        do {
            var outcome = try push(state: &state)
            outcome.sharedVersion = try pull()
            outcome.subsidyUseChanged = try shareSubsidyUse(state: &state)
            outcome.savingsChanged = try takeSavings()
            outcome.clockOffsetSeconds = client.clockOffsetSeconds
            state.lastError = nil
            try state.save(forShop: store.path)
            return outcome
        } catch let error as SyncError {
            state.lastError = error.message
            try? state.save(forShop: store.path)
            throw error
        }
    }

    /// The hub's acknowledged head.
    public func hubHead() throws -> JournalHead? {
        let answer = try client.send("GET", "/v1/head", signedBy: (key, link.outlet))
        return try HubClient.decode(HeadAnswer.self, from: answer, doing: "the head request").head
    }

    private func push(state: inout SyncState) throws -> Outcome {
        let acked = try hubHead()
        state.acked = acked
        let local = try store.journalHead()
        let ackedSeq = acked?.seq ?? 0
        let localSeq = local?.seq ?? 0
        // Start at the acknowledged entry itself (the hub compares it with its own), or
        // just before the first entry of the file that no longer chains, so the hub sees a
        // changed past (an edited entry, or a gap the batch then jumps over).
        var start = max(1, min(ackedSeq, localSeq))
        if let broken = try store.firstJournalBreak(through: min(ackedSeq, localSeq)) { start = max(1, min(start, broken - 1)) }
        var cursor = start - 1
        var pushed = 0
        var batches = 0
        repeat {
            let entries = try batch(after: cursor)
            let shopHead = try store.journalHead() ?? JournalHead(seq: 0, hash: JournalHash.genesis)
            let body = try JSONEncoder().encode(JournalBatch(entries: entries.map(WireEntry.init), shopHead: shopHead))
            let answer = try client.send("POST", "/v1/journal", body: Array(body), signedBy: (key, link.outlet))
            let head = try HubClient.decode(HeadAnswer.self, from: answer, doing: "the journal batch")
            state.acked = head.head
            state.lastSync = Timestamp.format(Date())
            try state.save(forShop: store.path)
            pushed += head.applied
            batches += 1
            guard let last = entries.last else { break }
            cursor = last.seq
            if try store.journalHead()?.seq ?? 0 <= cursor { break }
        } while true
        return Outcome(acked: state.acked, pushed: pushed, batches: batches)
    }

    /// Asks for the cooperative's newest data after the version the shop has and applies it
    /// (docs/shared-data.md): in one transaction, journaled as the hub's. Returns the
    /// version applied, nil when there was none newer.
    private func pull() throws -> Int64? {
        let have = try store.sharedDataVersion()
        let answer = try client.send("GET", "/v1/shared?after=\(have)", signedBy: (key, link.outlet))
        guard let data = try HubClient.decode(SharedAnswer.self, from: answer, doing: "the shared data request").data else { return nil }
        guard data.cooperative == link.cooperative else {
            throw SyncError(.badData, "the hub sent cooperative \(data.cooperative)'s data, but this shop is of \(link.cooperative)")
        }
        do {
            let applied = try store.applyCooperativeData(data)
            return applied.isNew ? applied.version : nil
        } catch let error as StoreError {
            let problems = error.problems.isEmpty ? "" : ": " + error.problems.joined(separator: "; ")
            throw SyncError(.badData, "the cooperative's data version \(data.version) is refused: \(error.message)\(problems)")
        }
    }

    /// How many days of subsidised units go up and come down: a calendar month, the
    /// longest period a programme limits, with room for a shop that synced late.
    static let subsidyDays = 45

    /// Sends this shop's subsidised units per buyer of the last `subsidyDays` days and
    /// takes the other outlets' (docs/hub.md "Subsidised units across outlets"). Returns
    /// whether the other outlets' units changed here. An upload equal to the last one the
    /// hub took (same rows, same first day, same hub and outlet) is not sent again, so a
    /// `--watch` every 30 s costs the hub nothing until a subsidised sale or a new day.
    private func shareSubsidyUse(state: inout SyncState) throws -> Bool {
        let today = try store.today()
        guard let number = ShopTime.dayNumber(today), let first = BusinessDay(ShopTime.dayText(number - Int64(Self.subsidyDays)))
        else {
            throw SyncError(.badData, "the shop's business day '\(today)' is not a day")
        }
        let from = first.text
        let upload = SubsidyUseUpload(from: from, rows: try store.subsidy.useToShare(from: first))
        // Sorted keys: the same upload gives the same bytes in every process, so its digest holds.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = Array(try encoder.encode(upload))
        let digest = SHA256.hash(data: Array("\(link.url) \(link.outlet) ".utf8) + body).map { String(format: "%02x", $0) }.joined()
        if digest != state.subsidyUploaded {
            let sent = try client.send("PUT", "/v1/subsidy-use", body: body, signedBy: (key, link.outlet))
            _ = try HubClient.decode(SubsidyUseStored.self, from: sent, doing: "the subsidised units")
            state.subsidyUploaded = digest
        }
        let answer = try client.send("GET", "/v1/subsidy-use?from=\(from)", signedBy: (key, link.outlet))
        let elsewhere = try HubClient.decode(SubsidyUseAnswer.self, from: answer, doing: "the other outlets' subsidised units")
        return try store.subsidy.replaceHubUse(elsewhere.rows, actor: "hub")
    }

    /// Takes the members' savings balances at the cooperative's other outlets (docs/hub.md
    /// "Savings across outlets"); returns whether they changed here.
    private func takeSavings() throws -> Bool {
        let answer = try client.send("GET", "/v1/savings", signedBy: (key, link.outlet))
        let savings = try HubClient.decode(HubSavingsAnswer.self, from: answer, doing: "the other outlets' savings")
        do {
            return try store.members.replaceHubSavings(savings.rows, asOf: savings.asOf, actor: "hub")
        } catch let error as StoreError {
            throw SyncError(.badData, "the other outlets' savings are refused: \(error.message)")
        }
    }

    /// `GET /v1/shared`: the newest version, or `{}` when the shop has it.
    struct SharedAnswer: Decodable {
        let version: Int64?
        let data: CooperativeData?
    }

    /// The next entries after `seq`, cut to the batch's byte budget.
    private func batch(after seq: Int64) throws -> [AuditEntry] {
        let entries = try store.journalEntries(after: seq, limit: batchSize)
        var bytes = 0
        var kept: [AuditEntry] = []
        for entry in entries {
            bytes += entry.canonicalText.utf8.count + 100
            if bytes > batchBytes, !kept.isEmpty { break }
            kept.append(entry)
        }
        return kept
    }

    /// Entries of the shop's journal after the acknowledged head: not yet pushed.
    public static func unpushed(store: ShopStore, acked: JournalHead?) throws -> Int64 {
        max(0, (try store.journalHead()?.seq ?? 0) - (acked?.seq ?? 0))
    }
}

/// An exclusive lock on `<shop>.hub-sync.lock`, so two syncs of one shop run one after
/// the other (the hub serializes them too; this spares it the work).
struct SyncLock {
    let descriptor: Int32

    init(forShop shop: String) throws {
        let path = shop + ".hub-sync.lock"
        descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw SyncError(.io, "cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw SyncError(.io, "cannot lock \(path): \(String(cString: strerror(errno)))")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
