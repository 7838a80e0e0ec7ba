import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

@Suite("audit journal")
struct AuditJournalTests {
    @Test("every change is journaled and the chain verifies")
    func changesAreJournaled() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        try shop.store.setSetting("cash.rounding", to: "100", actor: "test")
        try shop.store.stock.receive(sku: "KOPI-KPA", quantity: "6", cost: nil, supplier: nil, actor: "test")
        let kinds = try shop.store.journal.auditEntries(last: 100).map(\.kind)
        #expect(kinds.first == "tier.created")
        #expect(kinds.filter { $0 == "product.created" }.count == 6)
        #expect(kinds.contains("settings.changed"))
        #expect(kinds.last == "stock.receive")
        let result = try shop.store.journal.verifyAudit()
        #expect(result.isIntact)
        #expect(result.entriesChecked == kinds.count)
    }

    @Test("a row changed behind the program's back is named by verify")
    func tamperingIsCaught() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let target = try #require(try shop.store.journal.auditEntries(last: 100, kind: "product.created").dropFirst(2).first)
        let raw = try DatabaseQueue(path: shop.store.path)
        // The table refuses updates; a forger has to drop the guard first.
        #expect(throws: DatabaseError.self) {
            try raw.write { db in try db.execute(sql: "UPDATE audit_journal SET payload = '{}' WHERE seq = ?", arguments: [target.seq]) }
        }
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_journal_no_update")
            try db.execute(
                sql: "UPDATE audit_journal SET payload = replace(payload, '\"price\":', '\"price\":1') WHERE seq = ?",
                arguments: [target.seq])
        }
        let result = try shop.store.journal.verifyAudit()
        #expect(result.firstProblem?.seq == target.seq)
        #expect(result.entriesChecked == Int(target.seq) - 1)
    }

    @Test("a deleted entry breaks the chain at the gap")
    func deletionIsCaught() throws {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        let raw = try DatabaseQueue(path: shop.store.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_journal_no_delete")
            try db.execute(sql: "DELETE FROM audit_journal WHERE seq = 3")
        }
        #expect(try shop.store.journal.verifyAudit().firstProblem?.seq == 4)
    }

    @Test("canonical JSON sorts keys and escapes the same way every time")
    func canonicalJSON() {
        let value: JSONValue = .object(["b": 1, "a": .array(["x\"y", .null, true]), "é": "line\nbreak"])
        #expect(value.canonical == #"{"a":["x\"y",null,true],"b":1,"é":"line\nbreak"}"#)
    }
}
