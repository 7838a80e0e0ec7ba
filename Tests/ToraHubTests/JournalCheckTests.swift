import Crypto
import Foundation
import Testing
import ToraCore
import ToraHub
import ToraJournal

/// The hub's pure checks: reading a batch and whether it continues the stored journal.
@Suite("hub batch checks")
struct JournalCheckTests {
    /// A chain of `count` entries, as a shop writes them.
    static func chain(_ count: Int, payload: String = "{\"n\":1}") -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for seq in 1...Int64(count) {
            let prev = entries.last?.hash ?? JournalHash.genesis
            let text = JournalHash.canonicalText(
                seq: seq, at: "2026-11-28T03:00:00.000Z", actor: "01", register: seq % 2 == 0 ? "01" : nil, kind: "sale.completed",
                payload: payload, prevHash: prev)
            entries.append(
                AuditEntry(
                    seq: seq, at: "2026-11-28T03:00:00.000Z", actor: "01", register: seq % 2 == 0 ? "01" : nil, kind: "sale.completed",
                    payload: payload, prevHash: prev, hash: JournalHash.hex(of: text)))
        }
        return entries
    }

    static func body(_ entries: [AuditEntry], head: JournalHead? = nil) throws -> [UInt8] {
        Array(try JSONEncoder().encode(JournalBatch(entries: entries.map(WireEntry.init), shopHead: head ?? entries.last?.head)))
    }

    static func stored(_ entries: [AuditEntry]) -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.seq, $0.hash) })
    }

    @Test("a batch reads back as the very entries the shop hashed")
    func readsEntries() throws {
        let entries = Self.chain(4)
        let batch = try JournalBatchReader.read(try Self.body(entries))
        #expect(batch.entries == entries)
        #expect(batch.shopHead == entries.last?.head)
        #expect(batch.payloads.map { $0?.value } == entries.map { JSONValue.parse($0.payload) })
    }

    @Test("a receipt number gives its business day; anything else gives none")
    func receiptDays() {
        #expect(DayProjection.receiptDay("01-20261128-0001") == "2026-11-28")
        #expect(DayProjection.receiptDay("R12-20260101-12345") == "2026-01-01")
        for other in ["", "x", "01-2026112-0001", "01-20261128", "-20261128-0001", "01-2026112a-0001", "01-20261128-00-1", "01-20261128-"] {
            #expect(DayProjection.receiptDay(other) == nil, "\(other) gave a day")
        }
    }

    @Test("garbage, a truncated or deeply nested body, a non-canonical entry and too many entries are refused")
    func refusesBadBodies() throws {
        #expect(throws: HubError.self) { try JournalBatchReader.read(Array("nonsense".utf8)) }
        let body = try Self.body(Self.chain(3))
        #expect(throws: HubError.self) { try JournalBatchReader.read(Array(body.dropLast(5))) }
        // Nested a hundred thousand deep: refused, not a stack overflow of the hub.
        #expect(throws: HubError.self) { try JournalBatchReader.read(Array(repeating: UInt8(ascii: "["), count: 100_000)) }
        let spaced = WireEntry(text: Self.chain(1)[0].canonicalText.replacingOccurrences(of: ",", with: ", "), hash: "x")
        let spacedBody = try JSONEncoder().encode(JournalBatch(entries: [spaced], shopHead: nil))
        #expect(throws: HubError(.badRequest, "entry 1 of the batch (seq 1) is not in canonical form")) {
            try JournalBatchReader.read(Array(spacedBody))
        }
        let six = try Self.body(Self.chain(6))
        do {
            _ = try JournalBatchReader.read(six, maxEntries: 5)
            Issue.record("six entries passed a limit of five")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test("new entries after the stored head are accepted; a replay is accepted with nothing new")
    func acceptsAndReplays() throws {
        let entries = Self.chain(6)
        let head = entries[3].head
        let batch = try JournalBatchReader.read(try Self.body(Array(entries[3...])))
        #expect(JournalCheck.storedSeqsNeeded(batch, head: head) == [4])
        #expect(
            JournalCheck.check(batch, head: head, stored: Self.stored(entries))
                == .accepted(new: Array(entries[4...]), head: entries[5].head))
        let replay = try JournalBatchReader.read(try Self.body(Array(entries[0...3]), head: entries[3].head))
        #expect(JournalCheck.check(replay, head: head, stored: Self.stored(entries)) == .accepted(new: [], head: head))
    }

    @Test("a changed old entry, a rewritten past, a gap and a shortened journal are refused")
    func refusesForks() throws {
        let entries = Self.chain(6)
        let head = entries[3].head
        let stored = Self.stored(Array(entries[0...3]))
        // An old entry edited in place: its bytes no longer give its hash.
        let edited = AuditEntry(
            seq: 2, at: entries[1].at, actor: "99", register: entries[1].register, kind: entries[1].kind, payload: entries[1].payload,
            prevHash: entries[1].prevHash, hash: entries[1].hash)
        let editedBatch = ReceivedBatch(entries: [edited] + Array(entries[2...]), shopHead: entries[5].head)
        guard case .refused(let why) = JournalCheck.check(editedBatch, head: head, stored: stored) else {
            Issue.record("an edited entry was accepted")
            return
        }
        #expect(why.contains("entry 2"))
        // A whole other journal (rewritten, rehashed): differs from what is stored.
        let other = Self.chain(6, payload: "{\"n\":2}")
        let forked = try JournalBatchReader.read(try Self.body(Array(other[3...])))
        #expect(JournalCheck.check(forked, head: head, stored: stored) != .accepted(new: [], head: head))
        if case .accepted = JournalCheck.check(forked, head: head, stored: stored) { Issue.record("a fork was accepted") }
        // A gap: entry 5 missing.
        let gap = ReceivedBatch(entries: [entries[5]], shopHead: entries[5].head)
        #expect(JournalCheck.check(gap, head: head, stored: stored) == .refused("entry 6: entry 5 is missing (next entry found is 6)"))
        // The shop's journal now ends before the stored head.
        let short = ReceivedBatch(entries: [entries[2]], shopHead: entries[2].head)
        guard case .refused(let shortWhy) = JournalCheck.check(short, head: head, stored: stored) else {
            Issue.record("a shortened journal was accepted")
            return
        }
        #expect(shortWhy.contains("tail was removed"))
    }
}
