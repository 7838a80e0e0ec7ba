import PostgresNIO
import ToraCore
import ToraJournal

extension HubDatabase {
    /// Takes a batch from an outlet (docs/hub.md "Verification"): in ONE transaction with
    /// the outlet's row locked, so two pushes of one outlet run one after the other, the
    /// batch is checked against what is stored and its new entries appended; the answer is
    /// the new head. A batch that does not continue the journal is refused whole and the
    /// outlet flagged, in a transaction of its own.
    public func push(outlet: Int64, batch: ReceivedBatch) async throws -> HeadAnswer {
        do {
            return try await reachable { database in
                try await database.transaction { connection in
                    try await database.append(batch, outlet: outlet, on: connection)
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

    private func append(_ batch: ReceivedBatch, outlet: Int64, on connection: PostgresConnection) async throws -> HeadAnswer {
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
            // The materialized days, in this same transaction (docs/hub.md "Materialized days").
            if !new.isEmpty { try await project(new, payloads: batch.payloads(ofLast: new.count), outlet: outlet, on: connection) }
            let seq = newHead?.seq ?? 0
            let hash = newHead?.hash
            try await connection.query(
                "UPDATE outlets SET head_seq = \(seq), head_hash = \(hash), last_sync = now() WHERE id = \(outlet)", logger: logger)
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

    /// Appends a batch's new entries with ONE statement (arrays unnested), not one per
    /// entry: the round trips were most of a push's time (docs/performance.md "Hub").
    /// A register is sent as '' for none, since a text array here carries no NULLs.
    private func insert(_ entries: [AuditEntry], outlet: Int64, on connection: PostgresConnection) async throws {
        let seqs = entries.map(\.seq)
        let ats = entries.map(\.at)
        let actors = entries.map(\.actor)
        let registers = entries.map { $0.register ?? "" }
        let kinds = entries.map(\.kind)
        let payloads = entries.map(\.payload)
        let previous = entries.map(\.prevHash)
        let hashes = entries.map(\.hash)
        try await connection.query(
            """
            INSERT INTO journal_entries(outlet_id, seq, at, actor, register, kind, payload, prev_hash, hash)
            SELECT \(outlet), u.seq, u.at, u.actor, NULLIF(u.register, ''), u.kind, u.payload, u.prev_hash, u.hash
            FROM unnest(\(seqs)::bigint[], \(ats)::text[], \(actors)::text[], \(registers)::text[], \(kinds)::text[],
                        \(payloads)::text[], \(previous)::text[], \(hashes)::text[])
                AS u(seq, at, actor, register, kind, payload, prev_hash, hash)
            ORDER BY u.seq
            """, logger: logger)
    }
}
