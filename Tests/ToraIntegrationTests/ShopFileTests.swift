import Foundation
import GRDB
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The shop's file: it says it is a shop (`application_id`), another program's SQLite file
/// is left exactly as it was, and the outbox belongs to one database file.
@Suite("the shop's file")
struct ShopFileTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-file", now: "2026-11-29T09:00:00+07:00") }

    func applicationID(_ path: String) throws -> Int32 {
        try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
    }

    func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
    }

    @Test("another program's SQLite file is refused in one line, exit 74, and left byte for byte with its mode")
    func foreignFile() throws {
        let other = shop.folder.file("kas.sqlite")
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE buku_kas(tanggal TEXT, jumlah INTEGER); INSERT INTO buku_kas VALUES ('2026-11-29', 50000)")
        }
        try queue.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: other)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let commands: [[String]] = [
            ["catalogue", "list", "--db", other], ["report", "eod", "--db", other], ["--db", other, "audit", "verify"],
            ["init", "--db", other] + ToraShopFolder.managerFlags, ["config", "set", "shop.name", "X", "--db", other],
            ["backup", shop.folder.file("copy.sqlite"), "--db", other],
        ]
        for command in commands {
            let run = try shop.tora.run(command, environment: shop.env)
            #expect(run.status == 74, "tora \(command.joined(separator: " ")): \(run.stderr)")
            #expect(
                run.stderr
                    == "tora: \(other) is not a Tora Sera shop (another program's SQLite database); it was left as it was — give the shop its own file\n"
            )
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(try mode(other) == 0o644)
        #expect(!FileManager.default.fileExists(atPath: shop.folder.file("copy.sqlite")))
    }

    @Test("a new shop carries application_id TORA; a shop made before it opens and gets it on its first write")
    func applicationIDs() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        #expect(try applicationID(shop.db) == 0x544F_5241)
        #expect(try mode(shop.db) == 0o600)
        // An older Tora Sera's shop: its own migrations, no application_id.
        try DatabaseQueue(path: shop.db).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 0") }
        #expect(try shop.ok(["catalogue", "list"]).contains("0 products"))
        #expect(try applicationID(shop.db) == 0)  // reading writes nothing
        try shop.ok(["config", "set", "shop.name", "Toko Lama"])
        #expect(try applicationID(shop.db) == 0x544F_5241)
        #expect(try shop.ok(["config", "get", "shop.name"]) == "Toko Lama\n")
    }

    @Test("reading commands open read-only: an empty file is not made a shop, and a read makes no change")
    func readsWriteNothing() throws {
        let empty = shop.folder.write("kosong.sqlite", "")
        let run = try shop.tora.run(["catalogue", "list", "--db", empty], environment: shop.env)
        #expect(run.status == 74 && run.stderr.contains("tora init"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
    }

    @Test("each database has its own outbox; retry prints only that shop's receipts that failed on a queue")
    func outboxPerFile() throws {
        // The demo shop in the same folder as the real one, its receipt kept with no queue set.
        let demo = shop.folder.file("demo.sqlite")
        let demoEnv = shop.env(user: "03", pin: "3456").merging(["TORA_DB": demo]) { $1 }
        #expect(try shop.tora.run(["demo", "--no-till"], environment: demoEnv).status == 0)
        let sale = try shop.tora.run(
            ["till", "--register", "01"], stdin: "01\n1234\n0\nKOPI-ROB-250\nbayar\nkeluar\n", environment: demoEnv)
        #expect(sale.status == 0 && sale.stdout.contains("01-20261129-0001"), "\(sale.stdout)")
        #expect(FileManager.default.fileExists(atPath: shop.folder.file("demo.outbox/kept/01-20261129-0001.bin")))
        #expect(!FileManager.default.fileExists(atPath: shop.folder.file("outbox")))

        // The real shop, with a printer queue on a CUPS server that does not answer.
        let cupsDown = ["CUPS_SERVER": "127.0.0.1:9"]
        let real = shop.env.merging(cupsDown) { $1 }
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["config", "set", "printer.queue", "kasir"])
        let retry = try shop.tora.run(["printer", "retry"], environment: real)
        #expect(retry.status == 0 && retry.stdout == "the outbox is empty: nothing to print\n", "\(retry.stdout)\(retry.stderr)")

        // The demo shop with a queue: its kept receipt is not sent unless asked.
        let demoWithQueue = demoEnv.merging(cupsDown) { $1 }
        #expect(try shop.tora.run(["config", "set", "printer.queue", "kasir"], environment: demoWithQueue).status == 0)
        let notKept = try shop.tora.run(["printer", "retry"], environment: demoWithQueue)
        #expect(notKept.status == 0 && notKept.stdout.contains("nothing to print"), "\(notKept.stdout)\(notKept.stderr)")
        #expect(notKept.stdout.contains("1 receipt kept while no queue was set; --include-kept prints them"))
        let asked = try shop.tora.run(["printer", "retry", "--include-kept"], environment: demoWithQueue)
        #expect(asked.status == 69, "\(asked.stdout)\(asked.stderr)")
        #expect(FileManager.default.fileExists(atPath: shop.folder.file("demo.outbox/kept/01-20261129-0001.bin")))
    }
}
