import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// A business day at two registers, rung through the real `tora till`, for the Z report
/// and `audit verify` tests.
///
/// Register 01, cashier 01, 09:30: `TillShiftTests.shift` — sale 1 116.250 (rounding 50),
///   sale 2 76.100, a refund of one Minyakita 15.700, a voided and a cancelled line.
/// Register 02, cashier 03, 14:10: 0,333 kg eggs 9.990, cash due rounded down to 9.900
///   (rounding 90).
/// Then a receipt footer is set, so the day's last journal entry records no book row.
struct BooksShop {
    let shop: ToraShopFolder

    init(_ prefix: String) throws {
        shop = try ToraShopFolder(prefix, now: "2026-11-29T09:30:00+07:00")
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["config", "set", "tax.pkp", "true"])
        try shop.ok(["config", "set", "cash.rounding", "100"])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Supervisor", "--role", "supervisor"], stdin: "2345\n")
        try shop.ok(["users", "add", "--code", "03", "--name", "Kasir Tiga", "--role", "cashier"], stdin: "3456\n")
        try run(["till", "--register", "01"], stdin: TillShiftTests.shift + "\n")
        try run(
            ["till", "--register", "02"],
            stdin: ["03", "3456", "50.000", "0,333*TLR-RAS", "pay", "close", "59.900"].joined(separator: "\n") + "\n",
            at: "2026-11-29T14:10:00+07:00")
        try run(["config", "set", "receipt.footer", "Terima kasih"], at: "2026-11-29T21:00:00+07:00")
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String = "", at now: String? = nil) throws -> String {
        let environment = shop.env.merging(["TORA_NOW": now ?? shop.now]) { $1 }
        let run = try shop.tora.run(arguments, stdin: stdin, environment: environment)
        #expect(run.status == 0, "tora \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        return run.stdout
    }

    /// `tora --db PATH arguments…` on another shop file.
    func run(db path: String, _ arguments: [String]) throws -> ToraRun {
        try shop.tora.run(arguments, environment: shop.env.merging(["TORA_DB": path]) { $1 })
    }

    /// A copy of the shop file to tamper with, everything checkpointed into it first.
    func copy(_ name: String) throws -> String {
        try Self.sql(shop.db, "PRAGMA wal_checkpoint(TRUNCATE);")
        let path = shop.folder.file(name)
        try FileManager.default.copyItem(atPath: shop.db, toPath: path)
        return path
    }

    /// Runs SQL on a shop file as a forger would: with the `sqlite3` tool when it is
    /// installed (scripts/install-deps installs it), else through GRDB.
    static func sql(_ path: String, _ statements: String) throws {
        let tool = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else {
            try GRDBTamper.execute(db: path, sql: statements)
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [path, statements]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "sqlite3 \(statements) failed: \(message)")
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try run(arguments).utf8)) as? [String: Any])
    }
}
