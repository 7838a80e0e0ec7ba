import Synchronization
import Testing
import ToraCore
import ToraStore
import ToraTestSupport
import ToraTill

@Suite("till savings")
struct TillSavingsTests {
    @Test("simpan alone parks the sale; simpan with member, account and amount is a deposit")
    func simpanIsUnambiguous() {
        #expect(TillParser.parse("simpan") == .park)
        #expect(TillParser.parse("SIMPAN") == .park)
        #expect(TillParser.parse("park") == .park)
        #expect(TillParser.parse("simpan M1 wajib 10.000") == .deposit(member: "M1", account: .wajib, amount: "10.000"))
        #expect(TillParser.parse("deposit M1 Sukarela 5000") == .deposit(member: "M1", account: .sukarela, amount: "5000"))
        #expect(TillParser.parse("simpan M1") == .invalid(usage: "deposit"))
        #expect(TillParser.parse("simpan M1 emas 1000") == .invalid(usage: "savings_account"))
        #expect(TillParser.parse("tunda M1 wajib 1000") == .invalid(usage: "park"))
        #expect(TillParser.parse("tarik M1 sukarela 20.000") == .withdraw(member: "M1", account: .sukarela, amount: "20.000"))
        #expect(TillParser.parse("tarik M1 pokok 1") == .withdraw(member: "M1", account: .pokok, amount: "1"))
        #expect(TillParser.parse("tarik M1") == .invalid(usage: "withdraw"))
        #expect(TillParser.parse("tabung") == .saveChange(amount: nil))
        #expect(TillParser.parse("tabung 5.000") == .saveChange(amount: "5.000"))
        #expect(TillParser.parse("save-change 1 2") == .invalid(usage: "tabung"))
    }

    @Test("simpan with an open sale parks it, in both languages", arguments: ["id", "en"])
    func simpanStillParks(language: String) throws {
        var till = try TillHarness(language: language)
        till.login()
        till.type("GULA-PSR")
        let answer = till.type("simpan")
        #expect(answer.contains(language == "id" ? "Transaksi disimpan sebagai nomor" : "Sale parked as number"), "\(answer)")
        #expect(try till.shop.store.members.savingsBalances(member: "M1") == SavingsBalances())
    }

    @Test("deposit, tabung and a supervised withdrawal: own receipt numbers, slips and balances", arguments: ["id", "en"])
    func depositTabungWithdraw(language: String) throws {
        var till = try TillHarness(language: language)
        till.login()
        let deposit = till.type("simpan M1 wajib 10.000")
        #expect(
            deposit.contains(
                language == "id"
                    ? "Simpanan wajib M1 Siti: setor Rp10.000, struk 01-20261129-0001. Saldo Rp10.000"
                    : "Savings wajib of M1 Siti: deposited Rp10.000, receipt 01-20261129-0001. Balance Rp10.000"), "\(deposit)")
        till.type("simpan M1 sukarela 20000")
        // A member's sale paid in cash with change, then part of the change saved.
        till.type("member M1", "GULA-PSR", "pay 50000")
        let sale = try #require(till.sink.receipts.withLock { $0.last })
        #expect(sale.number == "01-20261129-0003" && sale.change.rupiah > 5_000)
        let saved = till.type("tabung 5.000")
        let handed = Money(sale.change.rupiah - 5_000).formatted
        #expect(
            saved.contains(
                language == "id"
                    ? "Kembalian 01-20261129-0003 ditabung: Rp5.000 ke sukarela M1 Siti, struk 01-20261129-0004. Saldo Rp25.000. Kembalian diserahkan \(handed)"
                    : "Change of 01-20261129-0003 saved: Rp5.000 into sukarela of M1 Siti, receipt 01-20261129-0004. Balance Rp25.000. Change to hand over \(handed)"
            ), "\(saved)")
        // The change is saved once: the slip is now the register's last receipt.
        #expect(till.type("tabung").contains(language == "id" ? "tidak ada kembalian" : "no change to save"))
        // Above the balance a withdrawal is refused at once, before any supervisor is asked;
        // within it, a cashier's withdrawal waits for a supervisor.
        #expect(
            till.type("tarik M1 sukarela 30000").contains(
                language == "id" ? "melebihi simpanan sukarela" : "more than the sukarela savings"))
        #expect(till.type("tarik M1 sukarela 15.000").contains(language == "id" ? "Perlu otorisasi" : "override is needed"))
        let paid = till.type("02", "2345")
        #expect(paid.contains("01-20261129-0005") && paid.contains("Rp10.000"), "\(paid)")
        // Pokok is refused at once, with no supervisor asked.
        #expect(till.type("tarik M1 pokok 1000").contains(language == "id" ? "saat keanggotaan berakhir" : "when membership ends"))
        #expect(
            try till.shop.store.members.savingsBalances(member: "M1")
                == SavingsBalances(pokok: .zero, wajib: Money(10_000), sukarela: Money(10_000)))
        let slips = till.sink.receipts.withLock { $0.filter { $0.kind == .savings } }
        #expect(slips.map(\.number) == ["01-20261129-0001", "01-20261129-0002", "01-20261129-0004", "01-20261129-0005"])
        #expect(slips.last?.total == Money(-15_000))
        #expect(slips[2].lines.first?.name == "Tabung kembalian 01-20261129-0003, saldo sukarela Rp25.000")
        // The sale printed again shows the change saved from it.
        let copy = try #require(try till.shop.store.sales.receipt(number: "01-20261129-0003"))
        #expect(copy.footer.hasPrefix("Kembalian ditabung ke sukarela Rp5.000 (struk 01-20261129-0004)."), "\(copy.footer)")
        // The X report shows the savings in the drawer.
        #expect(
            till.type("x").contains(
                language == "id"
                    ? "termasuk simpanan disetor tunai Rp35.000 dan ditarik tunai Rp15.000"
                    : "including savings deposited in cash Rp35.000 and paid out in cash Rp15.000"))
    }
}
