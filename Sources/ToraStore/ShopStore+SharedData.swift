import GRDB
import ToraCore

/// What applying a version of the cooperative's data did.
public struct SharedDataApplied: Sendable, Hashable {
    public let version: Int64
    /// False when the shop already had this version: nothing was written.
    public let isNew: Bool
    public let plan: SharedDataPlan?
}

extension ShopStore {
    /// The actor of what the hub's data changes at a shop, in the journal.
    public static let hubActor = "hub"

    /// The last version of the cooperative's data this shop applied (0 when none).
    public func sharedDataVersion() throws -> Int64 {
        try read { db in try Self.sharedDataVersion(db) }
    }

    static func sharedDataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(version) FROM shared_data_versions") ?? 0
    }

    /// Applies one version of the cooperative's data in ONE transaction (docs/shared-data.md):
    /// the plan of ToraCore against what the shop holds, each change journaled as the hub's,
    /// and an entry `hub.data_applied` naming the version. A version the shop has is a no-op;
    /// a version with any problem, or whose barcodes collide with the shop's own products,
    /// changes nothing.
    public func applyCooperativeData(_ data: CooperativeData) throws -> SharedDataApplied {
        try write { db in
            let plan: SharedDataPlan?
            do {
                plan = try data.plan(against: try Self.sharedDataBase(db))
            } catch let error as SharedDataError {
                throw StoreError(.invalidInput, error.description, problems: error.problems)
            }
            guard let plan else { return SharedDataApplied(version: data.version, isNew: false, plan: nil) }
            let actor = Self.hubActor
            // Tiers before the members that name them; products before programmes, so a HET
            // lowered together with its products' prices finds them lowered.
            for tier in plan.tiersSet { try members.writeTier(tier, actor: actor, db) }
            for product in plan.productsCreated {
                try CatalogueStore.checkOwnership(of: product, db)
                _ = try CatalogueStore.insert(product, db, store: self)
                try AuditJournal.append(db, store: self, kind: .productCreated, actor: actor, payload: CatalogueStore.auditFields(product))
            }
            for change in plan.productsChanged {
                try CatalogueStore.checkOwnership(of: change.new, db)
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM products WHERE sku = ?", arguments: [change.old.sku]) else {
                    continue
                }
                try CatalogueStore.update(id, to: change.new, db, store: self)
                try AuditJournal.append(
                    db, store: self, kind: .productChanged, actor: actor,
                    payload: [
                        "sku": .string(change.new.sku), "changes": .object(CatalogueStore.changedFields(from: change.old, to: change.new)),
                    ])
            }
            for programme in plan.programmesSet { try subsidy.writeProgramme(programme, actor: actor, db) }
            for member in plan.membersCreated { try self.writeMember(member, old: nil, actor: actor, db) }
            for change in plan.membersChanged { try self.writeMember(change.new, old: change.old, actor: actor, db) }
            let entry = try AuditJournal.append(
                db, store: self, kind: .hubDataApplied, actor: actor,
                payload: [
                    "version": .int(plan.version), "cooperative": .string(data.cooperative), "changes": .int(Int64(plan.changeCount)),
                    "subsidy_use": .int(Int64(plan.subsidyUse.count)),
                ])
            try db.execute(
                sql: """
                    INSERT INTO shared_data_versions(version, cooperative, applied_at, changes, audit_seq, audit_hash)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [plan.version, data.cooperative, Timestamp.format(clock.now), plan.changeCount, entry.seq, entry.hash])
            try db.execute(sql: "DELETE FROM subsidy_remote_use")
            for use in plan.subsidyUse {
                try db.execute(
                    sql: """
                        INSERT INTO subsidy_remote_use(programme, nik, day, units, version) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(programme, nik, day) DO UPDATE SET units = units + excluded.units
                        """,
                    arguments: [use.programme.uppercased(), use.nik, use.day, use.units.thousandths, plan.version])
            }
            return SharedDataApplied(version: plan.version, isNew: true, plan: plan)
        }
    }

    /// What the shop holds, keyed in lower case, as the plan compares it.
    static func sharedDataBase(_ db: Database) throws -> SharedDataBase {
        var products: [String: Product] = [:]
        for stocked in try StockedProduct.fetchAll(db, tail: "") { products[stocked.product.sku.lowercased()] = stocked.product }
        var members: [String: Member] = [:]
        for member in try MemberRecord.fetchAll(db, sql: MemberStore.memberSelection).map(\.member) {
            members[member.number.lowercased()] = member
        }
        let tiers = Dictionary(try MemberStore.tiers(db).map { ($0.name.lowercased(), $0) }) { $1 }
        let programmes = Dictionary(
            try ProgrammeRecord.fetchAll(db, sql: "SELECT * FROM subsidy_programmes").map(\.programme).map {
                ($0.code.lowercased(), $0)
            }
        ) { $1 }
        return SharedDataBase(
            appliedVersion: try sharedDataVersion(db), products: products, members: members, tiers: tiers, programmes: programmes)
    }

    private func writeMember(_ member: Member, old: Member?, actor: String, _ db: Database) throws {
        guard let tierID = try MemberStore.tierID(member.tier, db) else {
            throw StoreError(.notFound, "tier: no tier named '\(member.tier)'")
        }
        try MemberStore.write(member, over: old, tierID: tierID, actor: actor, db, store: self)
    }
}
