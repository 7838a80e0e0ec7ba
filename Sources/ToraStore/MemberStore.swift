import GRDB
import ToraCore

/// What a members import did.
public struct MemberImportReport: Sendable, Hashable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Opening savings balances recorded (one per member and account).
    public var openingBalances = 0
    public var isDryRun = false
}

enum MemberColumns {
    static let all = ["number", "name", "tier", "phone", "credit_limit", "active", "nik"]
    /// Only the number: a row for an existing member changes the columns it has; a new
    /// member's row needs a name (checked per row).
    static let required = ["number"]
    /// Folded Indonesian header names -> the column they mean.
    static let aliases: [String: String] = [
        "nomor": "number", "no": "number", "nomor_anggota": "number", "no_anggota": "number", "nama": "name",
        "nama_anggota": "name", "tingkat": "tier", "golongan": "tier", "telepon": "phone", "telp": "phone", "hp": "phone",
        "no_hp": "phone", "nomor_hp": "phone", "batas_kredit": "credit_limit", "limit_kredit": "credit_limit",
        "batas_kasbon": "credit_limit", "plafon": "credit_limit", "aktif": "active",
        "no_ktp": "nik", "nomor_ktp": "nik", "ktp": "nik",
        "simpanan_pokok": "pokok", "simpanan_wajib": "wajib", "simpanan_sukarela": "sukarela",
    ]
    /// Opening savings balances, read on import only (docs/savings.md).
    static let openingBalances = SavingsAccount.allCases.map(\.rawValue)
}

extension MemberStore {
    // MARK: Tiers

    /// Every tier, by name.
    public func tiers() throws -> [Tier] {
        try read { db in try Self.tiers(db) }
    }

    static func tiers(_ db: Database) throws -> [Tier] {
        try Row.fetchAll(db, sql: "SELECT * FROM tiers ORDER BY name").map {
            Tier(name: $0["name"], discountPct: $0["discount_pct"], localDiscountPct: $0["local_discount_pct"])
        }
    }

    /// Creates or changes a tier; the change is journaled.
    public func setTier(_ tier: Tier, actor: String) throws {
        do { _ = try tier.validated() } catch { throw StoreError(error) }
        try write { db in try self.writeTier(tier, actor: actor, db) }
    }

    func writeTier(_ tier: Tier, actor: String, _ db: Database) throws {
        let old = try Row.fetchOne(db, sql: "SELECT * FROM tiers WHERE name = ?", arguments: [tier.name])
        try db.execute(
            sql: """
                INSERT INTO tiers(name, discount_pct, local_discount_pct) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET discount_pct = excluded.discount_pct, local_discount_pct = excluded.local_discount_pct
                """,
            arguments: [tier.name, tier.discountPct, tier.localDiscountPct])
        try AuditJournal.append(
            db, store: self, kind: old == nil ? JournalKind.tierCreated : .tierChanged, actor: actor,
            payload: [
                "name": .string(tier.name), "discount_pct": .int(tier.discountPct), "local_discount_pct": .int(tier.localDiscountPct),
                "old_discount_pct": old.map { .int($0["discount_pct"]) } ?? .null,
                "old_local_discount_pct": old.map { .int($0["local_discount_pct"]) } ?? .null,
            ])
    }

    static func tierID(_ name: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM tiers WHERE name = ?", arguments: [name])
    }

    // MARK: Members

    static let memberSelection = "SELECT m.*, t.name AS tier_name FROM members m JOIN tiers t ON t.id = m.tier_id"

    static func member(from row: Row) -> Member {
        Member(
            number: row["number"], name: row["name"], tier: row["tier_name"], phone: row["phone"],
            creditLimit: Money(row["credit_limit"]), isActive: row["active"], nik: row["nik"])
    }

    /// The member with this number (any case).
    public func member(number: String) throws -> Member? {
        try read { db in try Self.member(number: number, db) }
    }

    static func member(number: String, _ db: Database) throws -> Member? {
        try MemberRecord.fetchOne(db, sql: "\(memberSelection) WHERE m.number = ?", arguments: [number])?.member
    }

    /// Members by number; inactive ones only when asked for.
    public func all(includeInactive: Bool = false) throws -> [Member] {
        try read { db in
            try MemberRecord.fetchAll(db, sql: "\(Self.memberSelection) \(includeInactive ? "" : "WHERE m.active = 1") ORDER BY m.number")
                .map(\.member)
        }
    }

    /// Adds one member (refused when the number exists or the tier is unknown).
    public func addMember(_ member: Member, actor: String) throws {
        if let first = member.problems().first { throw StoreError(first) }
        try write { db in
            if try Self.member(number: member.number, db) != nil {
                throw StoreError(.duplicate, "number: member \(member.number) already exists")
            }
            guard let tierID = try Self.tierID(member.tier, db) else {
                throw StoreError(.notFound, "tier: no tier named '\(member.tier)'; see `tora tiers list`")
            }
            try Self.insert(member, tierID: tierID, db, store: self)
            try AuditJournal.append(db, store: self, kind: .memberCreated, actor: actor, payload: Self.auditFields(member))
        }
    }

    static func insert(_ member: Member, tierID: Int64, _ db: Database, store: some ShopDatabaseAccess) throws {
        try db.execute(
            sql: "INSERT INTO members(number, name, tier_id, phone, credit_limit, active, created_at, nik) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                member.number, member.name, tierID, member.phone, member.creditLimit.rupiah, member.isActive,
                Timestamp.format(store.clock.now), Self.storedNIK(member.nik),
            ])
    }

    /// Writes a new member, or `member` over the `existing` one, with its journal entry
    /// (`member.created`, or `member.changed` with the old and new values).
    static func write(
        _ member: Member, over existing: Member?, tierID: Int64, actor: String, _ db: Database, store: some ShopDatabaseAccess
    ) throws {
        guard let existing else {
            try insert(member, tierID: tierID, db, store: store)
            try AuditJournal.append(db, store: store, kind: .memberCreated, actor: actor, payload: auditFields(member))
            return
        }
        try db.execute(
            sql: "UPDATE members SET name = ?, tier_id = ?, phone = ?, credit_limit = ?, active = ?, nik = ? WHERE number = ?",
            arguments: [
                member.name, tierID, member.phone, member.creditLimit.rupiah, member.isActive, storedNIK(member.nik), existing.number,
            ])
        try AuditJournal.append(
            db, store: store, kind: .memberChanged, actor: actor,
            payload: [
                "number": .string(member.number), "old": .object(auditFields(existing)), "new": .object(auditFields(member)),
            ])
    }

    static func auditFields(_ member: Member) -> [String: JSONValue] {
        [
            "number": .string(member.number), "name": .string(member.name), "tier": .string(member.tier),
            "phone": .optional(member.phone), "credit_limit": .int(member.creditLimit.rupiah), "active": .bool(member.isActive),
        ].merging(member.nik.map { ["nik": .string(NIK.mask($0))] } ?? [:]) { $1 }
    }

    /// A member's NIK as stored: its 16 digits, or nil.
    static func storedNIK(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return (try? NIK(text))?.digits ?? text
    }

    /// Imports members from CSV (docs/csv-import.md), by the catalogue's rules: upsert by number,
    /// atomic, every problem listed as `line N: column: reason`.
    public func importMembers(path: String, dryRun: Bool, actor: String) throws -> MemberImportReport {
        let table = try CSVTable.parse(try CSVImport.readFile(path), name: path)
        var csv = try CSVImport(
            table, name: path, known: MemberColumns.all + MemberColumns.openingBalances, required: MemberColumns.required,
            aliases: MemberColumns.aliases)
        do {
            return try applyMembers(table, csv: &csv, dryRun: dryRun, actor: actor)
        } catch let finished as DryRunFinished {
            return finished.report
        }
    }

    /// Over 60 lines on purpose: one pass over the file's rows, each column checked in turn
    /// so every problem of every line is reported at once.
    private func applyMembers(_ table: CSVTable, csv: inout CSVImport, dryRun: Bool, actor: String) throws -> MemberImportReport {
        try write { db in
            var report = MemberImportReport(isDryRun: dryRun)
            var seen: [String: Int] = [:]
            var changes: [(Member, Member?)] = []
            var openings: [SavingsRequest] = []
            let knownTiers = try Self.tiers(db).map(\.name)
            for record in table.records {
                let line = record.line
                let number = csv.cell("number", record) ?? ""
                if let earlier = seen[number.lowercased()] {
                    csv.report(line, "number", "\(number) is already on line \(earlier); each member once per file")
                    continue
                }
                seen[number.lowercased()] = line
                let existing = try Self.member(number: number, db)
                var member = existing ?? Member(number: number, name: "")
                if existing == nil && !csv.has("name") {
                    csv.report(line, "name", "a new member needs a name; the file has no name column")
                }
                if let name = csv.cell("name", record) { member.name = name }
                if let tier = csv.cell("tier", record) {
                    let name = tier.isEmpty ? Tier.defaultTier.name : tier
                    if let known = knownTiers.first(where: { $0.lowercased() == name.lowercased() }) {
                        member.tier = known
                    } else {
                        csv.report(line, "tier", "no tier named '\(tier)'; tiers are \(knownTiers.joined(separator: ", "))")
                    }
                }
                if let phone = csv.cell("phone", record) { member.phone = phone.isEmpty ? nil : phone }
                if let nik = csv.cell("nik", record) { member.nik = Self.storedNIK(nik) }
                if let limit = csv.cell("credit_limit", record) {
                    member.creditLimit =
                        limit.isEmpty
                        ? .zero
                        : csv.money(line, "credit_limit", limit) ?? .zero
                }
                if let active = csv.cell("active", record) { member.isActive = csv.flag(line, "active", active, fallback: true) }
                for problem in member.problems() where existing != nil || csv.has("name") || problem.field != "name" {
                    if !csv.hasReported(line, problem.field ?? "row", problem.reason) { csv.report(line, problem, column: "row") }
                }
                changes.append((member, existing))
                openings += try Self.openingBalances(number, record: record, csv: &csv, db)
            }
            guard csv.problems.isEmpty else { throw csv.failure() }
            for (member, existing) in changes {
                guard let tierID = try Self.tierID(member.tier, db) else { continue }
                if let existing {
                    if existing == member {
                        report.unchanged += 1
                        continue
                    }
                    report.updated += 1
                } else {
                    report.created += 1
                }
                try Self.write(member, over: existing, tierID: tierID, actor: actor, db, store: self)
            }
            for opening in openings {
                _ = try self.recordSavings(opening, context: nil, actor: actor, ofReceipt: nil, db)
                report.openingBalances += 1
            }
            if dryRun { throw DryRunFinished(report: report) }
            return report
        }
    }

    /// Members in the import format, by number. The NIK is left out (a file that leaves
    /// the shop carries no NIK; importing the export back leaves the NIKs as they are).
    public func exportMembers() throws -> String {
        var text = CSVWriter.line(MemberColumns.all.filter { $0 != "nik" })
        for member in try all(includeInactive: true) {
            text += CSVWriter.line([
                member.number, member.name, member.tier, member.phone ?? "", String(member.creditLimit.rupiah),
                member.isActive ? "yes" : "no",
            ])
        }
        return text
    }
}

/// Thrown inside a write to roll a dry run back, carrying what it would have done.
struct DryRunFinished: Error {
    let report: MemberImportReport
}
