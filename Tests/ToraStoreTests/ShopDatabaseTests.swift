import Foundation
import GRDB
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

@Suite("the shop database file")
struct ShopDatabaseTests {
    @Test("a new shop file is private to its owner, in WAL mode, with foreign keys on")
    func fileSetup() throws {
        let shop = try TestShop()
        let attributes = try FileManager.default.attributesOfItem(atPath: shop.store.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let raw = try DatabaseQueue(path: shop.store.path)
        #expect(try raw.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try shop.store.members.tiers() == [.defaultTier])
        // GRDB sets a WAL pool's writer to NORMAL; the store must set it back to FULL.
        #expect(try shop.store.durability() == ("wal", 2))
    }

    @Test("timestamps are UTC ISO 8601 with milliseconds, so text order is time order")
    func timestamps() throws {
        let date = try #require(Timestamp.parse("2026-11-29T09:00:00+07:00"))
        #expect(Timestamp.format(date) == "2026-11-29T02:00:00.000Z")
        #expect(Timestamp.format(date.addingTimeInterval(0.25)) == "2026-11-29T02:00:00.250Z")
        #expect(Timestamp.parse(Timestamp.format(date)) == date)
    }

    @Test("the path comes from --db, then TORA_DB, then the XDG data folder")
    func pathResolution() {
        #expect(ShopStore.resolvePath(explicit: "/a.sqlite", environment: ["TORA_DB": "/b.sqlite"]) == "/a.sqlite")
        #expect(ShopStore.resolvePath(explicit: nil, environment: ["TORA_DB": "/b.sqlite"]) == "/b.sqlite")
        #expect(ShopStore.resolvePath(explicit: nil, environment: ["XDG_DATA_HOME": "/x"]) == "/x/tora/tora.sqlite")
        #expect(ShopStore.resolvePath(explicit: nil, environment: ["HOME": "/home/siti"]) == "/home/siti/.local/share/tora/tora.sqlite")
    }

    @Test("a missing file, a file that is not SQLite and a newer schema are refused clearly")
    func badFiles() throws {
        let folder = TemporaryFolder()
        #expect {
            try ShopStore(path: folder.file("none.sqlite"))
        } throws: { error in
            (error as? StoreError)?.code == .missingDatabase && (error as? StoreError)?.exitCode == 74
        }
        let junk = folder.write("junk.sqlite", String(repeating: "not a database ", count: 100))
        #expect {
            try ShopStore(path: junk)
        } throws: { error in
            (error as? StoreError)?.message.contains("not a Tora Sera database") == true
        }
        #expect(try String(contentsOfFile: junk, encoding: .utf8).hasPrefix("not a database"))

        let newer = folder.file("newer.sqlite")
        _ = try ShopStore(path: newer, create: true)
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
        }
        #expect {
            try ShopStore(path: newer)
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema
        }
    }

    @Test("settings are checked, normalised and journaled")
    func settings() throws {
        let shop = try TestShop()
        #expect(try shop.store.setSetting("tax.pkp", to: "ya", actor: "t") == "true")
        #expect(try shop.store.setSetting("TAX.PPN_RATE", to: "11,5", actor: "t") == "11,5")
        #expect(try shop.store.setSetting("cash.rounding", to: "Rp100", actor: "t") == "100")
        for (key, value) in [
            ("printer.paper", "57"), ("shop.timezone", "Mars/Base"), ("tax.pkp", "maybe"), ("cash.rounding", "12,5"), ("no.such", "x"),
        ] {
            #expect(throws: StoreError.self) { try shop.store.setSetting(key, to: value, actor: "t") }
        }
        let rules = try shop.store.pricingRules()
        #expect(rules == PricingRules(isPKP: true, ppnRate: TaxRate(hundredthsOfPercent: 1150), cashRounding: Money(100)))
        #expect(try shop.store.journal.auditEntries(last: 10, kind: "settings.changed").count == 4)  // shop.name at init + 3
    }

    @Test("a backup taken while another connection writes opens and verifies")
    func backupWhileWriting() async throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let writer = Task.detached {
            for _ in 0..<50 { _ = try shop.store.stock.receive(sku: "KOPI-KPA", quantity: "1", cost: nil, supplier: nil, actor: "w") }
        }
        let target = shop.folder.file("backup.sqlite")
        let report = try shop.store.backup(to: target)
        try await writer.value
        #expect(report.integrity == "ok")
        let copy = try ShopStore(path: target)
        #expect(try copy.journal.verifyAudit().isIntact)
        #expect(try copy.stock.stockLedgerMismatches().isEmpty)
        #expect(throws: StoreError.self) { try shop.store.backup(to: target) }
    }
}
