import Foundation
import Testing
import ToraTestSupport

/// What a till keeps in memory (docs/performance.md): a till runs all day on a small
/// machine beside other registers, so its resident set is a target of its own.
@Suite("till memory")
struct TillMemoryTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-memory", now: "2026-11-29T10:00:00+07:00") }

    /// Kilobytes of the process's resident pages that belong to Foundation's ICU library
    /// (`/proc/PID/smaps`); 0 where ICU is not a separate library.
    static func icuKilobytes(pid: Int32) throws -> Int {
        // Read to the end: `String(contentsOfFile:)` stops after the first page of a /proc file.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/smaps"))
        defer { try? file.close() }
        let smaps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        #expect(smaps.contains("Rss:"))
        var total = 0
        var inICU = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first else { continue }
            if !first.hasSuffix(":") {
                inICU = line.contains("FoundationICU")
            } else if inICU, first == "Rss:", fields.count > 1, let kilobytes = Int(fields[1]) {
                total += kilobytes
            }
        }
        return total
    }

    @Test("logging in to a register whose shift is open does not load ICU's date formatter")
    func loginIntoOpenShiftStaysSmall() throws {
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir 01", "--role", "cashier"], stdin: "1234\n")
        let opening = try shop.tora.run(
            ["till", "--register", "01", "--lang", "en"], stdin: "01\n1234\n50000\nquit\n", environment: shop.env)
        #expect(opening.status == 0 && opening.stdout.contains("Ready."), "\(opening.stdout)")

        let till = try LiveTora(shop.tora, arguments: ["till", "--register", "01", "--lang", "en"], environment: shop.env)
        till.send("01")
        till.send("1234")
        #expect(till.waitFor("Ready."), "\(till.text)")
        let icu = try Self.icuKilobytes(pid: till.processIdentifier)
        #expect(till.finish() == 0)
        // Reading the shift's opening time through `ISO8601DateFormatter` built an ICU date
        // formatter at every such login and paged in about 5 MB of ICU's locale and calendar
        // data (6.2 MB of ICU in all); the time zone alone needs about 3 MB.
        #expect(icu < 4_096, "ICU resident: \(icu) kB")
    }
}
