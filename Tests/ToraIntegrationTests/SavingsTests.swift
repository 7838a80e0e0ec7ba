import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Members' savings at the till and in the back office: a shift whose Z report and close
/// reconcile to the rupiah (figures worked by hand), statements, SHU on capital, the
/// books against the journal, and kill -9 in the middle of a deposit.
@Suite("member savings")
struct MemberSavingsTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-savings", now: "2026-11-29T09:30:00+07:00") }

    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", ShiftControlTests.catalogue)])
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah", "--credit-limit", "100000"])
        try shop.ok(["members", "add", "--number", "M2", "--name", "Ujang Suryana"])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Penyelia", "--role", "supervisor"], stdin: "2345\n")
    }

    func till(_ lines: [String], lang: String = "id") throws -> String {
        let run = try shop.tora.run(
            ["till", "--register", "01", "--lang", lang], stdin: lines.joined(separator: "\n") + "\n", environment: shop.env)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a shift with deposits, withdrawals, tabung and a credit repayment: Z report and close reconcile to the rupiah")
    func shiftReconciles() throws {
        try makeShop()
        let first = try till([
            "01", "1234", "100000",
            "simpan M1 pokok 100.000",  // 0001  +100.000 cash
            "simpan M1 wajib 10.000",  // 0002  +10.000
            "simpan M1 sukarela 50000",  // 0003  +50.000
            "member M1", "TEH", "pay 10000",  // 0004  sale 3.500, change 6.500
            "tabung 5.000",  // 0005  +5.000 of the change into sukarela; 1.500 handed over
            "tabung",  // refused: the change was saved once
            "tarik M1 sukarela 20000", "02", "2345",  // 0006  −20.000 cash (supervisor)
            "tarik M1 sukarela 999999", "02", "2345",  // refused: sukarela is 35.000
            "tarik M1 pokok 1000",  // refused at once: pokok only when membership ends
            "member M1", "BERAS-5", "pay credit",  // 0007  sale 45.000 on credit
            "bayar-kasbon M1 15000",  // 0008  +15.000 cash
            "TEH", "simpan",  // `simpan` alone parks the sale
            "x", "quit",
        ])
        #expect(first.contains("Simpanan pokok M1 Siti Aminah: setor Rp100.000, struk 01-20261129-0001. Saldo Rp100.000"))
        #expect(first.contains("Lunas. Struk 01-20261129-0004") && first.contains("Kembalian Rp6.500"))
        #expect(
            first.contains(
                "Kembalian 01-20261129-0004 ditabung: Rp5.000 ke sukarela M1 Siti Aminah, struk 01-20261129-0005. Saldo Rp55.000. Kembalian diserahkan Rp1.500"
            ))
        #expect(first.contains("tidak ada kembalian untuk ditabung"))
        #expect(first.contains("Simpanan sukarela M1 Siti Aminah: tarik Rp20.000, struk 01-20261129-0006. Saldo Rp35.000"))
        #expect(first.contains("Rp999.999 melebihi simpanan sukarela anggota M1 (Rp35.000)"))
        #expect(first.contains("simpanan pokok hanya dapat ditarik saat keanggotaan berakhir"))
        #expect(first.contains("struk 01-20261129-0008. Sisa kasbon Rp30.000"))
        #expect(first.contains("Transaksi disimpan sebagai nomor"))
        // float 100.000 + cash sales 3.500 + savings in cash (100.000 + 10.000 + 50.000 + 5.000 − 20.000 = 145.000)
        // + credit repaid in cash 15.000 = 263.500.
        #expect(first.contains("= Rp263.500"), "\(first)")
        #expect(first.contains("termasuk simpanan disetor tunai Rp165.000 dan ditarik tunai Rp20.000"))

        // Back office: a QRIS deposit (not in the drawer); a cashier may not withdraw.
        try shop.ok(["members", "deposit", "M1", "sukarela", "12.000", "--method", "qris"])
        let cashier = try shop.tora.run(["members", "withdraw", "M1", "sukarela", "1000"], environment: shop.env(user: "01", pin: "1234"))
        #expect(cashier.status == 77)
        let unsigned = try shop.tora.run(["members", "deposit", "M1", "wajib", "1000"], environment: shop.unsignedEnv)
        #expect(unsigned.status == 77)

        let closing = try till(["01", "1234", "close", "263500"], lang: "en")
        #expect(closing.contains("Expected Rp263.500, counted Rp263.500, over/short Rp0"), "\(closing)")

        let z = try json(try shop.ok(["report", "eod", "--date", "2026-11-29", "--format", "json"]))
        let int = ShiftControlTests.int
        #expect(int("net", z) == 3_500 + 45_000)  // savings and repayments are not sales
        #expect(int("cash", z["payments"]) == 3_500 && int("credit", z["payments"]) == 45_000)
        let savings = z["savings"] as? [String: Any]
        #expect(int("deposits", savings) == 165_000 + 12_000 && int("withdrawals", savings) == 20_000)
        #expect(int("cash", savings?["deposits_by_method"]) == 165_000 && int("qris", savings?["deposits_by_method"]) == 12_000)
        #expect(int("cash", savings?["withdrawals_by_method"]) == 20_000)
        #expect(int("repaid", z["credit"]) == 15_000)
        #expect(int("expected", z["cash"]) == 263_500 && int("counted", z["cash"]) == 263_500 && int("over_short", z["cash"]) == 0)
        let text = try shop.ok(["report", "eod", "--date", "2026-11-29"])
        #expect(text.contains("Simpanan anggota") && text.contains("Rp177.000"))

        // Balances: pokok 100.000, wajib 10.000, sukarela 50.000 + 5.000 − 20.000 + 12.000 = 47.000.
        let show = try shop.ok(["members", "show", "M1"])
        #expect(show.contains("simpanan pokok    Rp100.000") && show.contains("simpanan wajib    Rp10.000"))
        #expect(show.contains("simpanan sukarela Rp47.000") && show.contains("savings total     Rp157.000"))
        #expect(show.contains("credit owed       Rp30.000"))

        // The journal covers every movement, and a forged one is caught.
        #expect(try shop.ok(["audit", "list", "--kind", "savings.deposited"]).split(separator: "\n").count == 5)
        #expect(try shop.ok(["audit", "list", "--kind", "savings.withdrawn"]).split(separator: "\n").count == 1)
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
        try BooksShop.sql(shop.db, "PRAGMA wal_checkpoint(TRUNCATE);")
        for (name, forgery, needle) in [
            (
                "raised",
                "DROP TRIGGER member_money_no_update; UPDATE member_money SET amount = 500000 WHERE receipt_no = '01-20261129-0003';",
                "member_money row 3: amount is 500000 but journal entry"
            ),
            (
                "inserted",
                """
                INSERT INTO member_money(member_number, account, kind, amount, method, business_day, actor, at, audit_seq, audit_hash)
                VALUES ('M1', 'sukarela', 'deposit', 1000000, 'cash', '2026-11-29', 'mgr', '2026-11-29T10:00:00+07:00', 1, 'x');
                """, "member_money"
            ),
        ] {
            let forged = shop.folder.file("\(name).sqlite")
            try FileManager.default.copyItem(atPath: shop.db, toPath: forged)
            try BooksShop.sql(forged, forgery)
            let verify = try shop.tora.run(["audit", "verify", "--db", forged], environment: shop.env)
            #expect(verify.status == 65 && verify.stderr.contains(needle), "\(name): \(verify.stderr)")
        }
    }

    @Test("pokok and wajib are paid out only at membership end, by a manager with --closing")
    func membershipEnd() throws {
        try makeShop()
        try shop.ok(["members", "deposit", "M2", "pokok", "100.000"])
        try shop.ok(["members", "deposit", "M2", "wajib", "30.000"])
        let early = try shop.tora.run(["members", "withdraw", "M2", "pokok", "100.000"], environment: shop.env)
        #expect(early.status == 65 && early.stderr.contains("paid out only when membership ends"), "\(early.stderr)")
        let supervisor = try shop.tora.run(
            ["members", "withdraw", "M2", "pokok", "100.000", "--closing"], environment: shop.env(user: "02", pin: "2345"))
        #expect(supervisor.status == 77)
        let above = try shop.tora.run(["members", "withdraw", "M2", "wajib", "30.001", "--closing"], environment: shop.env)
        #expect(above.status == 65 && above.stderr.contains("Rp30.001 is more than the wajib balance of member M2 (Rp30.000)"))
        #expect(try shop.ok(["members", "withdraw", "M2", "pokok", "100.000", "--closing"]).contains("balance Rp0"))
        #expect(try shop.ok(["members", "withdraw", "M2", "wajib", "30.000", "--closing"]).contains("balance Rp0"))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("SHU divides the capital pool by year-end savings beside the patronage pool by purchases")
    func shuBothPools() throws {
        try makeShop()
        try shop.ok(["members", "add", "--number", "M3", "--name", "Dedeh"])
        // Savings at the end of 2026: M1 157.000, M2 100.000, M3 43.000 (Σ 300.000); a
        // deposit in 2027 does not count.
        try shop.ok(["members", "deposit", "M1", "pokok", "100.000"])
        try shop.ok(["members", "deposit", "M1", "sukarela", "57.000"])
        try shop.ok(["members", "deposit", "M2", "pokok", "100.000"])
        try shop.ok(["members", "deposit", "M3", "wajib", "50.000"])
        try shop.ok(["members", "withdraw", "M3", "wajib", "7.000", "--closing"])
        _ = try shop.tora.run(
            ["members", "deposit", "M3", "sukarela", "900.000"],
            environment: shop.env.merging(["TORA_NOW": "2027-01-02T09:00:00+07:00"]) { $1 })
        // Purchases: M1 45.000 (BERAS-5), M2 7.000 (2 × TEH).
        _ = try till(["01", "1234", "0", "member M1", "BERAS-5", "pay", "member M2", "2*TEH", "pay", "quit"])
        let z = try json(
            try shop.ok(["report", "shu", "--year", "2026", "--pool", "100.000", "--capital-pool", "1.000.000", "--format", "json"]))
        let rows = try #require(z["rows"] as? [[String: Any]])
        let int = ShiftControlTests.int
        // Jasa anggota 100.000 × 45/52 = 86.538,4 → 86.538; × 7/52 = 13.461,5 → 13.461; remainder 1.
        // Jasa modal 1.000.000 × 157/300 → 523.333; × 100/300 → 333.333; × 43/300 → 143.333; remainder 1.
        #expect(rows.map { $0["number"] as? String } == ["M1", "M2", "M3"])
        #expect(rows.map { int("share", $0) } == [86_538, 13_461, 0])
        #expect(rows.map { int("savings", $0) } == [157_000, 100_000, 43_000])
        #expect(rows.map { int("capital_share", $0) } == [523_333, 333_333, 143_333])
        #expect(int("remainder", z) == 1 && int("capital_remainder", z) == 1 && int("capital_distributed", z) == 999_999)
        let csv = try shop.ok(["report", "shu", "--year", "2026", "--pool", "100.000", "--capital-pool", "1.000.000", "--format", "csv"])
        #expect(csv.contains("M1,Siti Aminah,45000,86538,157000,523333"))
        let text = try shop.ok(["report", "shu", "--year", "2026", "--pool", "100.000", "--capital-pool", "1.000.000"])
        #expect(text.contains("jasa modal: total simpanan Rp300.000; dibagikan Rp999.999; sisa tidak terbagi Rp1"))
    }

    @Test("a statement lists every sale, savings and credit movement with running balances, as text, a real page and paper")
    func statement() throws {
        try makeShop()
        _ = try till([
            "01", "1234", "0", "simpan M1 pokok 100000", "member M1", "BERAS-5", "pay credit", "member M1", "TEH", "pay 5000", "tabung",
            "bayar-kasbon M1 15000", "quit",
        ])
        let text = try shop.ok(["members", "statement", "M1"])
        #expect(text.contains("REKENING ANGGOTA M1 Siti Aminah"), "\(text)")
        let z = try json(try shop.ok(["members", "statement", "M1", "--format", "json"]))
        let rows = try #require(z["rows"] as? [[String: Any]])
        let int = ShiftControlTests.int
        #expect(rows.map { $0["kind"] as? String } == ["setor pokok", "belanja", "belanja", "setor sukarela", "bayar kasbon"])
        #expect(rows.map { int("savings_balance", $0) } == [100_000, 100_000, 100_000, 101_500, 101_500])
        #expect(rows.map { int("owed", $0) } == [0, 45_000, 45_000, 45_000, 30_000])
        #expect(int("sukarela", z) == 1_500 && int("owed", z) == 30_000 && int("purchases", z) == 48_500)
        let empty = try json(try shop.ok(["members", "statement", "M1", "--from", "2026-11-30", "--format", "json"]))
        #expect((empty["rows"] as? [Any])?.isEmpty == true && int("pokok", empty) == 100_000)

        let file = shop.folder.file("statement.html")
        try shop.ok(["members", "statement", "M1", "--format", "html", "--output", file])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script"))
        let browser = try HeadlessBrowser.locate()
        let tables = PageTables(dom: try browser.dumpDOM(file))
        let table = try #require(tables.tables["rows"])
        #expect(table.rows.count == rows.count)
        #expect(table.row(3)["savings_balance"]?.text == "Rp101.500")

        for paper in ["58", "80"] {
            try shop.ok(["config", "set", "printer.paper", paper])
            try shop.ok(["members", "statement", "M1", "--print"])
        }
        let kept = shop.db.replacingOccurrences(of: ".sqlite", with: ".outbox") + "/kept"
        let printed = try FileManager.default.contentsOfDirectory(atPath: kept).filter {
            $0.contains("statement-M1") && $0.hasSuffix(".txt")
        }
        #expect(printed.count == 2, "\(printed)")
        for name in printed {
            let lines = try String(contentsOfFile: kept + "/" + name, encoding: .utf8).split(separator: "\n")
            #expect(lines.contains { $0.contains("Simpanan sukarela") && $0.contains("Rp1.500") })
            #expect(lines.allSatisfy { $0.count <= 48 })
        }
    }

    @Test("members import takes opening balances once; importing the same file again changes nothing")
    func openingBalances() throws {
        try makeShop()
        let file = shop.folder.write(
            "saldo.csv", "nomor,simpanan_pokok,simpanan_wajib,simpanan_sukarela\nM1,100.000,60.000,25.500\nM2,100.000,0,\n")
        #expect(try shop.ok(["members", "import", file]).contains("4 opening savings balances"))
        #expect(try shop.ok(["members", "import", file]).contains("0 updated, 2 unchanged"))
        #expect(try shop.ok(["members", "show", "M1"]).contains("savings total     Rp185.500"))
        try shop.ok(["members", "deposit", "M2", "wajib", "10.000"])
        let again = shop.folder.write("lagi.csv", "number,wajib\nM2,50.000\n")
        let refused = try shop.tora.run(["members", "import", again], environment: shop.env)
        #expect(refused.status == 65 && refused.stderr.contains("an opening balance is imported only once"), "\(refused.stderr)")
        let journal = try shop.ok(["audit", "list", "--kind", "savings.deposited"])
        #expect(journal.components(separatedBy: "\"note\":\"opening\"").count - 1 == 4)
        // Opening balances are not money that moved today: not in the Z report's savings.
        let z = try json(try shop.ok(["report", "eod", "--format", "json"]))
        #expect(ShiftControlTests.int("deposits", in: z["savings"]) == 10_000)
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }

    @Test("kill -9 during deposits loses nothing that was answered and doubles nothing")
    func killNineDuringDeposit() throws {
        try makeShop()
        let till = try LiveTora(shop.tora, arguments: ["till", "--register", "01", "--lang", "en"], environment: shop.env)
        for line in ["01", "1234", "0", "simpan M1 wajib 10.000"] { till.send(line) }
        #expect(till.waitFor("receipt 01-20261129-0001"), "\(till.text)")
        till.send("simpan M1 sukarela 7.000")
        till.kill9()  // at once: this deposit is either wholly recorded or not at all

        let store = try ShopStore(path: shop.db)
        let balances = try #require(try store.members.savingsBalances(member: "M1"))
        #expect(balances.wajib == Money(10_000))
        #expect(balances.sukarela == .zero || balances.sukarela == Money(7_000))
        let numbers = try store.sales.receiptNumbers()
        #expect(numbers == (balances.sukarela.isZero ? ["01-20261129-0001"] : ["01-20261129-0001", "01-20261129-0002"]))
        let again = try self.till(["01", "1234", "simpan M1 sukarela 3.000", "quit"], lang: "en")
        let next = balances.sukarela.isZero ? "0002" : "0003"
        #expect(again.contains("receipt 01-20261129-\(next)"), "\(again)")
        #expect(try store.members.savingsBalances(member: "M1")?.sukarela == Money(balances.sukarela.rupiah + 3_000))
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("the demo shop's members start with opening savings balances, journaled and verified")
    func demoBalances() throws {
        try shop.ok(["demo", "--no-till"])
        // Resources/demo/savings.csv: KDMP-0002 has pokok 100.000, wajib 80.000, sukarela 25.000.
        let show = try shop.ok(["members", "show", "KDMP-0002"])
        #expect(show.contains("simpanan pokok    Rp100.000") && show.contains("savings total     Rp205.000"), "\(show)")
        #expect(try shop.ok(["audit", "verify"]).contains("intact"))
    }
}
