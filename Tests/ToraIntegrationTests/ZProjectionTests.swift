import Foundation
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// The hub's Z report of an outlet is projected from the outlet's journal alone
/// (docs/journal-projection.md): for every day of these shops, `DayProjection` over all of
/// the shop's journal entries gives exactly the JSON `tora report eod --format json` prints.
@Suite("the Z report projected from the journal")
struct ZProjectionTests {
    static let days = ["2026-11-25", "2026-11-26", "2026-11-27"]

    @Test("the demo shop's days with members, weighed goods, voids, a cancelled sale, refunds, credit, savings and subsidy")
    func demoShopDays() throws {
        let shop = try ProjectionShop(days: Self.days)
        try ProjectionShop.ringDemoDays(shop)
        let (first, second) = try shop.compareEveryDay(extraDays: ["2026-11-24", "2026-11-28"])
        // The days really hold what the projection must get right.
        #expect(first["cancelled_sales"]?.intValue ?? 0 >= 1 && first["void_lines"]?.intValue ?? 0 >= 1)
        #expect(first["subsidy"]?.arrayValue?.isEmpty == false)
        #expect(first["savings"]?["deposits"]?.intValue ?? 0 > 0 && first["credit"]?["taken"]?.intValue ?? 0 > 0)
        #expect(first["members"]?["sales_count"]?.intValue ?? 0 > 0 && first["local"]?["net"]?.intValue ?? 0 > 0)
        #expect(first["cash"]?["counted"]?.intValue ?? 0 > 0 && first["discounts"]?.intValue ?? 0 > 0)
        #expect(first["savings"]?["withdrawals"]?.intValue ?? 0 > 0 && first["credit"]?["repaid"]?.intValue ?? 0 > 0)
        #expect(second["refund_count"]?.intValue == 3 && second["credit"]?["refunded"]?.intValue ?? 0 > 0)
        // Two buyers of LPG3 whose masked NIKs are alike; a subsidised refund the next day.
        let lpg = first["subsidy"]?.arrayValue?.first { $0["programme"] == .string("LPG3") }
        #expect(lpg?["buyers"]?.intValue == 2 && lpg?["units"] == .int(2))
        #expect(second["subsidy"]?.arrayValue?.first?["buyers"]?.intValue == 1)
        #expect(second["credit"]?["repaid"]?.intValue ?? 0 > 0)
        // A hub that keeps each outlet's shop state need not read the journal from entry 1.
        let entries = try ProjectionShop.entries(shop.shop.db)
        let split = try #require(entries.firstIndex { $0.at >= "2026-11-25T17:00:00.000Z" })
        var state = JournalShopState()
        for entry in entries[..<split] { try state.apply(entry) }
        var projection = try #require(DayProjection(day: Self.days[2], shop: state))
        for entry in entries[split...] { try projection.add(entry) }
        #expect(projection.report() == (try ProjectionShop.projectedReport(entries, day: Self.days[2])))
    }

    @Test("a generated shop of a few hundred seeded sales at two registers")
    func generatedShopDays() throws {
        let shop = try ProjectionShop(days: Self.days)
        try ProjectionShop.ringGeneratedDays(shop, salesPerShift: 50)
        let (first, _) = try shop.compareEveryDay(extraDays: [])
        #expect(first["sales_count"]?.intValue ?? 0 >= 80)
    }

    @Test("a PKP shop with cash rounding, a voided line and a cancelled sale (the Z books shop)")
    func pkpShopDay() throws {
        let books = try BooksShop("tora-zproject-books")
        let entries = try ProjectionShop.entries(books.shop.db)
        for day in ["2026-11-28", "2026-11-29", "2026-11-30"] {
            let printed = try books.run(["report", "eod", "--date", day, "--format", "json"])
            ProjectionShop.expectSame(try ProjectionShop.projected(entries, day: day), printed, day: day)
        }
    }

    @Test("a sold line moved to another category in the books, which the Z report sums by, is caught by audit verify")
    func lineCategoryCheckedAgainstJournal() throws {
        let books = try BooksShop("tora-zproject-verify")
        let path = try books.copy("moved.sqlite")
        try BooksShop.sql(path, "DROP TRIGGER sale_lines_no_update; UPDATE sale_lines SET category = 'lain' WHERE id = 1;")
        let run = try books.run(db: path, ["audit", "verify"])
        #expect(run.status == 65 && run.stderr.contains("sale_lines row 1: category is 'lain' but journal entry"), "\(run.stderr)")
    }

    @Test("a sale of the day that cannot be read is refused naming its entry; another day's sale is passed over unread")
    func unreadableEntries() throws {
        func entry(_ seq: Int64, _ payload: String) -> AuditEntry {
            AuditEntry(
                seq: seq, at: "2026-11-29T02:00:00.000Z", actor: "01", register: "01", kind: "sale.completed", payload: payload,
                prevHash: "", hash: "")
        }
        var projection = try #require(DayProjection(day: "2026-11-29"))
        #expect(DayProjection(day: "2026-02-30") == nil)
        try projection.add(entry(1, "{\"receipt\":\"01-20261128-0001\",broken"))
        #expect(throws: JournalError(seq: 2, reason: "its payload is not JSON")) {
            try projection.add(entry(2, "{\"receipt\":\"01-20261129-0001\",broken"))
        }
        #expect(throws: JournalError(seq: 3, reason: "sale.completed has no whole number \"gross\"")) {
            try projection.add(entry(3, "{\"receipt\":\"01-20261129-0002\",\"total\":100}"))
        }
        #expect(projection.report().salesCount == 0)
    }

    @Test("a changed sale entry changes the projection: the comparison is not vacuous")
    func tamperedEntryDiffers() throws {
        let books = try BooksShop("tora-zproject-tamper")
        var entries = try ProjectionShop.entries(books.shop.db)
        let printed = try books.run(["report", "eod", "--date", "2026-11-29", "--format", "json"])
        let index = try #require(entries.firstIndex { $0.kind == "sale.completed" })
        let entry = entries[index]
        entries[index] = AuditEntry(
            seq: entry.seq, at: entry.at, actor: entry.actor, register: entry.register, kind: entry.kind,
            payload: entry.payload.replacingOccurrences(of: "\"method\":\"cash\"", with: "\"method\":\"qris\""), prevHash: entry.prevHash,
            hash: entry.hash)
        #expect(try ProjectionShop.projected(entries, day: "2026-11-29") != printed)
    }
}

/// A shop made through the real `tora` binary, its days rung through `tora till`.
struct ProjectionShop {
    let shop: ToraShopFolder
    let days: [String]
    static let cashier = ["01", "1234"]
    static let supervisor = ["02", "2345"]

    /// The demo shop (`tora demo --no-till`) on the first day at 07:00.
    init(days: [String]) throws {
        self.days = days
        shop = try ToraShopFolder("tora-zproject", now: "\(days[0])T07:00:00+07:00", environment: ["TORA_USER": "03", "TORA_PIN": "3456"])
        try shop.ok(["demo", "--no-till", "--db", shop.db])
    }

    @discardableResult
    func run(_ arguments: [String], day: String, time: String = "21:00:00", stdin: String = "") throws -> String {
        let run = try shop.tora.run(arguments, stdin: stdin, environment: shop.env.merging(["TORA_NOW": "\(day)T\(time)+07:00"]) { $1 })
        #expect(run.status == 0, "tora \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
        return run.stdout
    }

    func till(_ register: String, day: String, time: String, _ lines: [String]) throws {
        try run(["till", "--register", register], day: day, time: time, stdin: lines.joined(separator: "\n") + "\n")
    }

    /// Every journal entry of a shop file, in `seq` order.
    static func entries(_ path: String) throws -> [AuditEntry] {
        try ShopStore(path: path, access: .readOnly).journal.auditEntries(last: Int.max)
    }

    /// The projection's JSON of `day`, as `tora report eod --format json` prints it.
    static func projected(_ entries: [AuditEntry], day: String) throws -> String {
        try projectedReport(entries, day: day).json.pretty
    }

    static func projectedReport(_ entries: [AuditEntry], day: String) throws -> SalesReport {
        var projection = try #require(DayProjection(day: day))
        for entry in entries { try projection.add(entry) }
        return projection.report()
    }

    /// Byte for byte, naming the first line that differs.
    static func expectSame(_ projected: String, _ printed: String, day: String) {
        guard projected != printed else { return }
        let (a, b) = (projected.split(separator: "\n"), printed.split(separator: "\n"))
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let context = { (lines: [Substring]) in lines[max(0, line - 3)..<min(lines.count, line + 2)].joined(separator: "\n") }
        Issue.record("\(day): projection differs at line \(line + 1):\n--- projected\n\(context(a))\n--- tora report eod\n\(context(b))")
    }

    /// Compares every day of the history and `extraDays`, read after the last day; returns
    /// the first two days' reports.
    @discardableResult
    func compareEveryDay(extraDays: [String]) throws -> (JSONValue, JSONValue) {
        let entries = try Self.entries(shop.db)
        var (first, second) = (JSONValue.null, JSONValue.null)
        for day in days + extraDays {
            let printed = try run(["report", "eod", "--date", day, "--format", "json"], day: days[days.count - 1], time: "22:00:00")
            Self.expectSame(try Self.projected(entries, day: day), printed, day: day)
            if day == days[0] { first = JSONValue.parse(printed) ?? .null }
            if day == days[1] { second = JSONValue.parse(printed) ?? .null }
        }
        return (first, second)
    }
}
