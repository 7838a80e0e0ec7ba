import GRDB
import ToraCore
import ToraJournal

/// The hub a shop joined (docs/hub.md).
public struct HubLink: Sendable, Equatable {
    public let url: String
    public let outlet: Int64
    public let cooperative: String
    public let outletCode: String
    public let outletName: String
    /// Base64 of the raw Ed25519 public key registered at the hub.
    public let publicKey: String
    public let joinedAt: String

    public init(
        url: String, outlet: Int64, cooperative: String, outletCode: String, outletName: String, publicKey: String, joinedAt: String
    ) {
        self.url = url
        self.outlet = outlet
        self.cooperative = cooperative
        self.outletCode = outletCode
        self.outletName = outletName
        self.publicKey = publicKey
        self.joinedAt = joinedAt
    }
}

extension ShopStore {
    /// The hub this shop joined, or nil.
    public func hubLink() throws -> HubLink? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM hub_link WHERE id = 1") else { return nil }
            return HubLink(
                url: row["url"], outlet: row["outlet"], cooperative: row["cooperative"], outletCode: row["outlet_code"],
                outletName: row["outlet_name"], publicKey: row["public_key"], joinedAt: row["joined_at"])
        }
    }

    /// Records the hub this shop joined, with its `hub.joined` journal entry, in one
    /// transaction; a shop that already joined is refused.
    public func recordHubLink(url: String, identity: OutletIdentity, publicKey: String, actor: String) throws -> HubLink {
        try write { db in
            if let url = try String.fetchOne(db, sql: "SELECT url FROM hub_link WHERE id = 1") {
                throw StoreError(.invalidInput, "this shop already joined the hub at \(url)")
            }
            let at = Timestamp.format(clock.now)
            let payload: [String: JSONValue] = [
                "url": .string(url), "outlet": .int(identity.outlet), "cooperative": .string(identity.cooperative),
                "outlet_code": .string(identity.code), "outlet_name": .string(identity.name), "public_key": .string(publicKey),
            ]
            let entry = try AuditJournal.append(db, store: self, kind: .hubJoined, actor: actor, payload: payload)
            try db.execute(
                sql: """
                    INSERT INTO hub_link(id, url, outlet, cooperative, outlet_code, outlet_name, public_key, joined_at, audit_seq)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [url, identity.outlet, identity.cooperative, identity.code, identity.name, publicKey, at, entry.seq])
            return HubLink(
                url: url, outlet: identity.outlet, cooperative: identity.cooperative, outletCode: identity.code,
                outletName: identity.name, publicKey: publicKey, joinedAt: at)
        }
    }

    /// Records the new key of a re-keyed shop (and the hub's URL, which may have moved)
    /// with its `hub.rekeyed` journal entry, in one transaction.
    public func replaceHubKey(url: String, publicKey: String, actor: String) throws -> HubLink {
        try write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM hub_link WHERE id = 1") else {
                throw StoreError(.invalidInput, "this shop has not joined a hub")
            }
            let payload: [String: JSONValue] = [
                "url": .string(url), "outlet": .int(old["outlet"]), "old_url": .string(old["url"]),
                "old_public_key": .string(old["public_key"]), "public_key": .string(publicKey),
            ]
            let entry = try AuditJournal.append(db, store: self, kind: .hubRekeyed, actor: actor, payload: payload)
            try db.execute(
                sql: "UPDATE hub_link SET url = ?, public_key = ?, audit_seq = ? WHERE id = 1", arguments: [url, publicKey, entry.seq])
            return HubLink(
                url: url, outlet: old["outlet"], cooperative: old["cooperative"], outletCode: old["outlet_code"],
                outletName: old["outlet_name"], publicKey: publicKey, joinedAt: old["joined_at"])
        }
    }

    /// Up to `limit` journal entries after `seq`, in order: what a sync pushes next.
    public func journalEntries(after seq: Int64, limit: Int) throws -> [AuditEntry] {
        try read { db in
            try AuditEntryRecord.fetchAll(
                db, sql: "SELECT * FROM audit_journal WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit]
            ).map(\.entry)
        }
    }

    /// The journal's last entry, nil when it is empty.
    public func journalHead() throws -> JournalHead? {
        try read { db in
            try JournalHeadRecord.head(db, sql: "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1")
        }
    }

    /// The first entry at or below `seq` that breaks the chain (changed, missing or
    /// relinked), walking from the start; nil when entries 1…`seq` are one chain.
    public func firstJournalBreak(through seq: Int64) throws -> Int64? {
        try read { db in
            var chain = JournalChain()
            let cursor = try AuditEntryRecord.fetchCursor(
                db, sql: "SELECT * FROM audit_journal WHERE seq <= ? ORDER BY seq", arguments: [seq])
            while let entry = try cursor.next()?.entry {
                if chain.accept(entry) != nil { return min(entry.seq, chain.nextSeq) }
            }
            return nil
        }
    }
}
