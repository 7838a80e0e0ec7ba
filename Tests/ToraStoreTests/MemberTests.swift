import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

@Suite("members and tiers")
struct MemberTests {
    @Test("members import by the catalogue's rules, with known tiers only")
    func importMembers() throws {
        let shop = try TestShop()
        try shop.store.members.setTier(Tier(name: "pengurus", discountPct: 3, localDiscountPct: 7), actor: "t")
        let bad = shop.csv(
            "m.csv",
            [
                "number;name;tier;phone;credit_limit", "KDMP-1;Siti Aminah;anggota;081234567890;Rp 250.000", "KDMP-2;Ujang;emas;;0",
                "KDMP-1;Dedeh;anggota;;0", "KDMP 3;Asep;;abc;-5",
            ])
        #expect {
            try shop.store.members.importMembers(path: bad, dryRun: false, actor: "t")
        } throws: { error in
            let problems = (error as? StoreError)?.problems ?? []
            return problems.count == 5 && problems[0].hasPrefix("line 3: tier: no tier named 'emas'")
                && problems[1].hasPrefix("line 4: number: KDMP-1 is already on line 2")
                && problems[2].hasPrefix("line 5: credit_limit:") && problems[3].hasPrefix("line 5: number:")
                && problems[4].hasPrefix("line 5: phone:")
        }
        #expect(try shop.store.members.all(includeInactive: true).isEmpty)
        let good = shop.csv(
            "m2.csv", ["number,name,tier,phone,credit_limit", "KDMP-1,Siti Aminah,Pengurus,081234567890,250.000", "KDMP-2,Ujang,,,"])
        let report = try shop.store.members.importMembers(path: good, dryRun: false, actor: "t")
        #expect(report.created == 2)
        let siti = try #require(try shop.store.members.member(number: "kdmp-1"))
        #expect(siti.tier == "pengurus" && siti.creditLimit == Money(250_000))
        #expect(try shop.store.members.member(number: "KDMP-2")?.tier == "anggota")
        let exported = try shop.store.members.exportMembers()
        let again = try shop.store.members.importMembers(path: shop.folder.write("e.csv", exported), dryRun: false, actor: "t")
        #expect(again.unchanged == 2)
    }

    @Test("tiers take whole percents from 0 to 100")
    func tiers() throws {
        let shop = try TestShop()
        #expect(throws: StoreError.self) {
            try shop.store.members.setTier(Tier(name: "x", discountPct: 101, localDiscountPct: 0), actor: "t")
        }
        try shop.store.members.setTier(Tier(name: "anggota", discountPct: 3, localDiscountPct: 6), actor: "t")
        #expect(try shop.store.members.tiers() == [Tier(name: "anggota", discountPct: 3, localDiscountPct: 6)])
        #expect(throws: CoreError.self) { try Tier.parsePercent("2.5", field: "discount_pct") }
    }

    @Test("audit verify catches the other outlets' savings balances changed behind the program's back")
    func hubSavingsTampering() throws {
        let shop = try TestShop()
        let rows = [
            HubSavingsBalance(member: "A-001", account: "sukarela", amount: 50_000),
            HubSavingsBalance(member: "A-001", account: "pokok", amount: 100_000),
        ]
        #expect(try shop.store.members.replaceHubSavings(rows, asOf: "2026-11-28T10:00:00Z", actor: "hub"))
        #expect(try shop.store.journal.verifyAudit().isIntact)
        try DatabaseQueue(path: shop.store.path).write { db in
            try db.execute(sql: "UPDATE savings_hub_balances SET amount = 5000000 WHERE account = 'sukarela'")
        }
        let result = try shop.store.journal.verifyAudit()
        #expect(result.bookProblem?.hasPrefix("savings_hub_balances is not what journal entry") == true, "\(result.problem ?? "")")
    }
}
