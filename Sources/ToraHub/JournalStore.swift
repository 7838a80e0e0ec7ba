import PostgresNIO
import ToraCore
import ToraJournal

extension HubDatabase {
    /// Takes a batch from an outlet (docs/hub.md "Verification"): in ONE transaction with
    /// the outlet's row locked, so two pushes of one outlet run one after the other, the
    /// batch is checked against what is stored and its new entries appended; the answer is
    /// the new head. A batch that does not continue the journal is refused whole and the
    /// outlet flagged, in a transaction of its own.
    ///
    /// What the batch adds to the materialized days is folded before the transaction, while
    /// its entries are fresh in the CPU's cache and no lock is held; only a batch that
    /// turns out to repeat stored entries is folded again, for its new ones.
    public func push(outlet: Int64, batch: ReceivedBatch) async throws -> HeadAnswer {
        let fold = DayTotalsFold(batch.entries, payloads: batch.payloads)
        do {
            return try await reachable { database in
                try await database.transaction { connection in
                    try await database.append(batch, fold: fold, outlet: outlet, on: connection)
                }
            }
        } catch let refusal as Refusal {
            try await flag(outlet: outlet, reason: refusal.message)
            throw HubError(.fork, "journal refused, outlet flagged: \(refusal.message)")
        }
    }

    /// A batch that breaks the chain: rolled back, then flagged.
    struct Refusal: Error {
        let message: String
    }

    private func append(
        _ batch: ReceivedBatch, fold: DayTotalsFold, outlet: Int64, on connection: PostgresConnection
    ) async throws -> HeadAnswer {
        let rows = try await connection.query(
            "SELECT state, flag_reason, head_seq, head_hash FROM outlets WHERE id = \(outlet) FOR UPDATE", logger: logger)
        var found: (String, String?, Int64, String?)?
        for try await row in rows.decode((String, String?, Int64, String?).self) { found = row }
        guard let (state, reason, headSeq, headHash) = found else { throw HubError(.unsigned, "unknown outlet \(outlet)") }
        guard state == "ok" else {
            throw HubError(.flagged, "the outlet is flagged and its journal is not taken: \(reason ?? "no reason recorded")")
        }
        let head = headSeq > 0 ? headHash.map { JournalHead(seq: headSeq, hash: $0) } : nil
        let stored = try await storedHashes(outlet: outlet, seqs: JournalCheck.storedSeqsNeeded(batch, head: head), on: connection)
        switch JournalCheck.check(batch, head: head, stored: stored) {
        case .refused(let message):
            throw Refusal(message: message)
        case .accepted(let new, let newHead):
            if !new.isEmpty { try await insert(new, outlet: outlet, on: connection) }
            // The materialized days and the new head, in this same transaction (docs/hub.md
            // "Materialized days"). A batch that repeats stored entries adds only its new ones.
            // The days' totals are read by a statement of their own, after the row lock: a
            // statement that waited for the lock still reads with the snapshot it started
            // with, which would miss the totals of the push it waited for.
            let gained =
                new.count == batch.entries.count ? fold : DayTotalsFold(new, payloads: batch.payloads(ofLast: new.count))
            let totals = try await storedTotals(outlet: outlet, days: Array(gained.days.keys), on: connection)
            try await write(gained, onto: totals, head: .set(newHead), outlet: outlet, on: connection)
            return HeadAnswer(head: newHead, applied: new.count)
        }
    }

    private func storedHashes(outlet: Int64, seqs: [Int64], on connection: PostgresConnection) async throws -> [Int64: String] {
        guard !seqs.isEmpty else { return [:] }
        let rows = try await connection.query(
            "SELECT seq, hash FROM journal_entries WHERE outlet_id = \(outlet) AND seq = ANY(\(seqs))", logger: logger)
        var stored: [Int64: String] = [:]
        for try await (seq, hash) in rows.decode((Int64, String).self) { stored[seq] = hash }
        return stored
    }

    /// The (seq, hash) of every stored entry of an outlet, in order: for tests and checks.
    public func journal(outlet: Int64) async throws -> [JournalHead] {
        try await reachable { database in
            let rows = try await database.client.query(
                "SELECT seq, hash FROM journal_entries WHERE outlet_id = \(outlet) ORDER BY seq")
            var heads: [JournalHead] = []
            for try await (seq, hash) in rows.decode((Int64, String).self) { heads.append(JournalHead(seq: seq, hash: hash)) }
            return heads
        }
    }

    /// Appends a batch's new entries with ONE `COPY … FROM STDIN` (docs/performance.md
    /// "Hub"): PostgreSQL's bulk-load path, not one statement per entry (the round trips
    /// were most of a push's time) nor an INSERT of unnested arrays (more parsing per row).
    private func insert(_ entries: [AuditEntry], outlet: Int64, on connection: PostgresConnection) async throws {
        try await connection.copyFrom(table: JournalCopy.table, columns: JournalCopy.columns, logger: logger) { writer in
            try await writer.write(JournalCopy.rows(entries, outlet: outlet))
        }
    }
}
