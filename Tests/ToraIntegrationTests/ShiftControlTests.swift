import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Shifts left open, closed by a supervisor at the till or from the back office, through
/// the real `tora` with `TORA_NOW` moved between runs.
@Suite("shift control")
struct ShiftControlTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-shift", now: "2026-11-29T21:00:00+07:00") }

    /// Three products no tier discount touches, two cashiers, a supervisor, a member with credit.
    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", ShiftControlTests.catalogue)])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah", "--credit-limit", "100000"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Supervisor", "--role", "supervisor"], stdin: "2345\n")
        try shop.ok(["users", "add", "--code", "03", "--name", "Kasir Dua", "--role", "cashier"], stdin: "3456\n")
    }

    static let catalogue = """
        sku,name,category,unit,price,tax,discountable,stock
        BERAS-5,Beras Premium 5 kg,sembako,pcs,45000,exempt,no,50
        TEH,Teh Celup isi 25,minuman,pcs,3500,exempt,no,50
        MINYAK-2,Minyak Goreng 2 L,sembako,pcs,30000,exempt,no,50

        """

    /// `tora arguments…` at `now` (TORA_NOW), with extra environment.
    func run(_ arguments: [String], stdin: [String] = [], at now: String? = nil, env extra: [String: String] = [:]) throws -> ToraRun {
        // Signed in only where a test says so (`env:`): the shop's own sign-in is left out.
        var environment = shop.unsignedEnv
        if let now { environment["TORA_NOW"] = now }
        for (key, value) in extra { environment[key] = value }
        let input = stdin.isEmpty ? "" : stdin.joined(separator: "\n") + "\n"
        return try shop.tora.run(arguments, stdin: input, environment: environment)
    }

    func zReport(_ day: String) throws -> [String: Any] {
        let json = try shop.ok(["report", "eod", "--date", day, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func int(_ key: String, in object: Any?) -> Int? { ((object as? [String: Any])?[key] as? NSNumber)?.intValue }

    @Test("a shift left open on an earlier day must be counted and closed at login before anything is sold")
    func staleShiftAtLogin() throws {
        try makeShop()
        let evening = try run(["till", "--register", "01"], stdin: ["01", "1234", "100000", "BERAS-5", "pay", "TEH", "quit"])
        #expect(evening.stdout.contains("Lunas. Struk 01-20261129-0001"))

        // Next morning the same cashier logs in: the till names the old shift and wants the count.
        let morning = "2026-11-30T08:00:00+07:00"
        let leave = try run(["till", "--register", "01", "--lang", "en"], stdin: ["01", "1234", "TEH", "quit"], at: morning)
        #expect(leave.stdout.contains("Register 01's shift opened on business day 2026-11-29 (2026-11-29 21:00) and was never closed"))
        #expect(leave.stdout.contains("'TEH' is not an amount of rupiah"))  // refused: no selling before the count
        #expect(leave.stdout.contains("The shift was not closed; it stays open."))
        #expect(try run(["shift", "list", "--open"], at: morning).stdout.contains("OPEN since an earlier day"))

        let close = try run(["till", "--register", "01"], stdin: ["01", "1234", "145000", "50000", "resume", "quit"], at: morning)
        #expect(close.stdout.contains("Shift mesin kasir 01 dibuka pada hari 2026-11-29"))
        #expect(close.stdout.contains("Seharusnya Rp145.000, dihitung Rp145.000, selisih"))
        #expect(close.stdout.contains("Masih tersimpan: transaksi 1 (disimpan, 1 baris, 1 barang)"))
        #expect(close.stdout.contains("Shift dibuka dengan modal Rp50.000"))
        #expect(close.stdout.contains("1. mesin kasir 01, 1 baris, 1 barang, Rp3.500"))  // the open sale was parked, not lost

        let z29 = try zReport("2026-11-29")
        #expect(Self.int("sales_count", in: z29) == 1)
        #expect(Self.int("counted", in: z29["cash"]) == 145_000 && Self.int("over_short", in: z29["cash"]) == 0)
        let z30 = try zReport("2026-11-30")
        #expect(Self.int("sales_count", in: z30) == 0)
        #expect(Self.int("opening_float", in: z30["cash"]) == 50_000 && Self.int("open_shifts", in: z30["cash"]) == 1)
        let list = try shop.ok(["shift", "list", "--open"])
        #expect(list.contains("2026-11-30") && !list.contains("2026-11-29 ") && list.contains("1 open shift\n"))
    }

    @Test("a supervisor closes another cashier's shift at the till; a cashier cannot; both journaled")
    func supervisorClosesAtTheTill() throws {
        try makeShop()
        try shop.ok(["till", "--register", "01"], stdin: "01\n1234\n100000\nBERAS-5\npay\nquit\n")
        let cashier = try run(["till", "--register", "01", "--lang", "en"], stdin: ["03", "3456"])
        #expect(cashier.stdout.contains("Register 01 still has 01's shift open"))
        #expect(cashier.stdout.contains("A supervisor or manager can close it"))

        let supervisor = try run(["till", "--register", "01", "--lang", "en"], stdin: ["02", "2345", "140000", "quit"])
        #expect(supervisor.stdout.contains("Register 01 still has 01's shift open since 2026-11-29 21:00. Count the cash"))
        #expect(supervisor.stdout.contains("Expected Rp145.000, counted Rp140.000, over/short -Rp5.000"))
        #expect(supervisor.stdout.contains("01's shift closed by 02."))
        #expect(supervisor.stdout.contains("Opening float"))
        #expect(try shop.ok(["shift", "list", "--open"]).contains("0 open shifts"))
        let journal = try shop.ok(["audit", "list", "--kind", "shift.closed"])
        #expect(journal.contains("02@01  shift.closed") && journal.contains("\"cashier\":\"01\"") && journal.contains("\"counted\":140000"))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("tora shift close needs a supervisor or manager, closes the register's shift and journals who did")
    func closeFromTheBackOffice() throws {
        try makeShop()
        try shop.ok(["till", "--register", "01"], stdin: "01\n1234\n100000\nBERAS-5\npay 50000\nTEH\npark\nquit\n")
        let arguments = ["shift", "close", "--register", "01", "--counted", "146000"]
        let anonymous = try run(arguments)
        #expect(anonymous.status == 77 && anonymous.stderr.contains("sign in to change the shop"))
        let cashier = try run(arguments + ["--user", "03"], env: ["TORA_PIN": "3456"])
        #expect(cashier.status == 77 && cashier.stderr.contains("03 is a cashier"))
        let wrongPIN = try run(arguments + ["--user", "02"], env: ["TORA_PIN": "9999"])
        #expect(wrongPIN.status == 77)
        #expect(try shop.ok(["shift", "list", "--open"]).contains("1 open shift\n"))

        let closed = try run(arguments, at: "2026-11-30T07:30:00+07:00", env: ["TORA_USER": "02", "TORA_PIN": "2345"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout.contains("closed shift 1 of register 01 (01, business day 2026-11-29) by 02"))
        #expect(closed.stdout.contains("expected Rp145.000, counted Rp146.000, over/short Rp1.000"))
        #expect(closed.stdout.contains("still waiting: sale 1 (parked, 1 lines)"))
        let again = try run(arguments, env: ["TORA_USER": "02", "TORA_PIN": "2345"])
        #expect(again.status == 65 && again.stderr.contains("register 01 has no open shift"))

        let list = try shop.ok(["shift", "list"])
        #expect(list.contains("Rp146.000") && list.contains("Rp1.000") && list.contains("1 shift\n"))
        let z = try zReport("2026-11-29")
        #expect(Self.int("expected", in: z["cash"]) == 145_000 && Self.int("over_short", in: z["cash"]) == 1_000)
        let journal = try shop.ok(["audit", "list", "--kind", "shift.closed"])
        #expect(journal.contains("02@01  shift.closed") && journal.contains("\"cashier\":\"01\""))
        #expect(try shop.ok(["audit", "verify"]).contains("books match the journal"))
    }
}
