import Foundation
import GRDB
import ToraCore

/// What a backup wrote and checked.
public struct BackupReport: Sendable {
    public let path: String
    public let bytes: Int64
    public let integrity: String
    public let auditEntries: Int
}

extension ShopStore {
    /// Makes a new shop ready: the default tier `anggota` (2% / 5%) when there is no tier,
    /// and the shop name when given. Safe to run again on an existing shop.
    public func initialize(shopName: String?, actor: String) throws {
        let hasTier = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tiers") ?? 0 > 0 }
        if !hasTier { try members.setTier(.defaultTier, actor: actor) }
        if let shopName { try setSetting(SettingKey.shopName.name, to: shopName, actor: actor) }
        let initialised = try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_journal WHERE kind = 'shop.initialized'") ?? 0 > 0
        }
        if !initialised {
            _ = try write { db in
                try AuditJournal.append(db, store: self, kind: .shopInitialized, actor: actor, payload: ["path": .string(self.path)])
            }
        }
    }

    /// Tiers from a CSV with `name,discount_pct,local_discount_pct`, all or nothing.
    public func importTiers(path: String, actor: String) throws -> Int {
        let table = try CSVTable.parse(try CSVImport.readFile(path), name: path)
        let columns = ["name", "discount_pct", "local_discount_pct"]
        var csv = try CSVImport(table, name: path, known: columns, required: columns)
        var tiers: [Tier] = []
        for record in table.records {
            let line = record.line
            let discountText = csv.cell("discount_pct", record) ?? ""
            let localText = csv.cell("local_discount_pct", record) ?? ""
            let discount = csv.read(line, "discount_pct") { () throws(CoreError) in
                try Tier.parsePercent(discountText, field: "discount_pct")
            }
            let local = csv.read(line, "local_discount_pct") { () throws(CoreError) in
                try Tier.parsePercent(localText, field: "local_discount_pct")
            }
            let tier = Tier(name: csv.cell("name", record) ?? "", discountPct: discount ?? 0, localDiscountPct: local ?? 0)
            if let valid = csv.read(line, "name", { () throws(CoreError) in try tier.validated() }), discount != nil, local != nil {
                tiers.append(valid)
            }
        }
        guard csv.problems.isEmpty else { throw csv.failure() }
        for tier in tiers { try members.setTier(tier, actor: actor) }
        return tiers.count
    }

    /// Copies the whole shop to `destination` with SQLite's online backup, safe while
    /// tills write. The copy is written beside the destination and renamed into place
    /// only after `PRAGMA integrity_check` says ok, so a failed backup leaves no file. The
    /// copy is not in WAL mode, so it opens read-only with nothing beside it.
    public func backup(to destination: String) throws -> BackupReport {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination) {
            throw StoreError(.io, "\(destination) already exists; choose a new file name for the backup")
        }
        let temporary = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? fileManager.removeItem(atPath: temporary) }
        guard fileManager.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.io, "cannot write the backup \(destination): the folder is missing, read-only or full")
        }
        let integrity: String
        let entries: Int
        do {
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            // A copy in rollback-journal mode opens read-only anywhere (an auditor's
            // read-only disk) without WAL companion files.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            integrity = try copy.read { db in
                try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            }
            entries = try copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_journal") ?? 0 }
            try copy.close()
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: destination)
        }
        guard integrity == "ok" else {
            throw StoreError(.io, "the backup copy failed its integrity check (\(integrity)); \(destination) was not written")
        }
        do {
            try fileManager.moveItem(atPath: temporary, toPath: destination)
        } catch {
            throw StoreError(.io, "cannot move the backup into place at \(destination): \(error.localizedDescription)")
        }
        let size = (try? fileManager.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value ?? 0
        return BackupReport(path: destination, bytes: size, integrity: integrity, auditEntries: entries)
    }

    /// Recomputes every day's totals from the sales and their lines and compares them
    /// with `day_totals`, which triggers keep; returns the business days that differ
    /// (empty when they agree), like `stockLedgerMismatches()` for the stock.
    public func dayTotalsMismatches() throws -> [String] {
        let columns = """
            business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, dpp, member_net, member_sales_count,
                local_net, void_lines
            """
        return try read { db in
            try String.fetchAll(
                db,
                sql: """
                    WITH recomputed(\(columns)) AS (\(Schema.summedDayTotals))
                    SELECT business_day FROM (SELECT * FROM recomputed EXCEPT SELECT \(columns) FROM day_totals)
                    UNION
                    SELECT business_day FROM (SELECT \(columns) FROM day_totals EXCEPT SELECT * FROM recomputed)
                    ORDER BY business_day
                    """)
        }
    }

    /// `PRAGMA integrity_check` of the live database: "ok" or the problems found.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}

extension JournalStore {
    /// Journals an event that is not a change of its own (a demo shop made, a report printed).
    public func recordEvent(kind: JournalKind, actor: String, register: RegisterID? = nil, payload: [String: JSONValue]) throws {
        _ = try write { db in try AuditJournal.append(db, store: self, kind: kind, actor: actor, register: register, payload: payload) }
    }

    /// Whether this database was made by `tora demo` (and may be replaced by the next one).
    public func isDemo() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_journal WHERE kind = 'demo.created'") ?? 0 > 0 }
    }
}
