import Foundation
import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

/// A version of the cooperative's shared data applied to a real shop file
/// (docs/shared-data.md): whole or not at all, journaled as the hub's.
@Suite("the cooperative's shared data in the books")
struct SharedDataStoreTests {
    static let buyer = "3201015501900001"
    static let oil = SubsidyProgramme(
        code: "MINYAK", name: "Minyakita", het: Money(15_700), limit: Quantity(whole: 2), period: .day, nikRequired: true)

    func shop() throws -> TestShop {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        try shop.store.members.addMember(Member(number: "KDMP-0001", name: "Siti", phone: "081210457723"), actor: "test")
        return shop
    }

    func journalCount(_ store: ShopStore) throws -> Int { try store.journal.auditEntries(last: 100_000).count }

    @Test("a version changes the cooperative's products and members, keeps the shop's own, and is journaled as the hub's")
    func applies() throws {
        let shop = try shop()
        let data = CooperativeData(
            version: 1, cooperative: "KDMP-SUKAMAJU",
            products: [
                SharedProduct(sku: "gula-psr", price: Money(17_000)),
                SharedProduct(sku: "BRS-SPHP-5KG", name: "Beras SPHP 5 kg", category: "sembako", price: Money(62_500)),
            ],
            members: [SharedMember(number: "KDMP-0001", name: "Siti Aminah", nik: Self.buyer)])
        let applied = try shop.store.applyCooperativeData(data)
        #expect(applied.isNew && applied.plan?.changeCount == 3)
        let sugar = try #require(try shop.store.catalogue.product(sku: "GULA-PSR"))
        #expect(sugar.product.price == Money(17_000) && sugar.product.cost == Money(16_000) && sugar.onHand == Quantity(whole: 40))
        #expect(try shop.store.catalogue.product(sku: "BRS-SPHP-5KG")?.product.name == "Beras SPHP 5 kg")
        #expect(try shop.store.catalogue.product(sku: "KOPI-DESA")?.product.price == Money(30_000))
        let member = try #require(try shop.store.members.member(number: "KDMP-0001"))
        #expect(member.name == "Siti Aminah" && member.nik == Self.buyer && member.phone == "081210457723")
        let entries = try shop.store.journal.auditEntries(last: 4)
        #expect(entries.map(\.kind) == ["product.created", "product.changed", "member.changed", "hub.data_applied"])
        #expect(entries.allSatisfy { $0.actor == "hub" })
        #expect(entries.last?.payload.contains("\"version\":1") == true)
        #expect(try shop.store.sharedDataVersion() == 1)
        #expect(try shop.store.journal.verifyAudit().isIntact)
        let edited = shop.folder.file("edited.sqlite")
        _ = try shop.store.backup(to: edited)
        try DatabaseQueue(path: edited).write { db in
            try db.execute(sql: "DROP TRIGGER shared_data_versions_no_update; UPDATE shared_data_versions SET changes = 0")
        }
        let caught = try ShopStore(path: edited).journal.verifyAudit()
        #expect(
            caught.bookProblem?.contains("shared_data_versions row 1: changes is 0 but journal entry") == true, "\(caught.problem ?? "")")

        let before = try journalCount(shop.store)
        #expect(try shop.store.applyCooperativeData(data).isNew == false)
        #expect(try journalCount(shop.store) == before)
        #expect(throws: StoreError.self) { try shop.store.applyCooperativeData(CooperativeData(version: 0, cooperative: "K")) }
    }

    @Test("a version with a bad entry or a barcode of the shop's own product changes nothing")
    func refusedWhole() throws {
        let shop = try shop()
        let before = try journalCount(shop.store)
        let bad = CooperativeData(
            version: 1, cooperative: "K",
            products: [SharedProduct(sku: "GULA-PSR", price: Money(17_000)), SharedProduct(sku: "BARU", name: "Tanpa harga")])
        #expect(throws: StoreError.self) { try shop.store.applyCooperativeData(bad) }
        let taken = CooperativeData(
            version: 1, cooperative: "K",
            products: [
                SharedProduct(sku: "GULA-PSR", price: Money(17_000)),
                SharedProduct(sku: "KOPI-LAIN", name: "Kopi Lain", price: Money(10_000), barcodes: ["8991002101012"]),
            ])
        do {
            _ = try shop.store.applyCooperativeData(taken)
            Issue.record("a barcode of KOPI-KPA was given to another product")
        } catch let error as StoreError {
            #expect(error.message.contains("8991002101012 already belongs to KOPI-KPA"), "\(error.message)")
        }
        #expect(try shop.store.catalogue.product(sku: "GULA-PSR")?.product.price == Money(17_500))
        #expect(try journalCount(shop.store) == before && shop.store.sharedDataVersion() == 0)
    }

    @Test("units a buyer took at other outlets count against the programme's limit here")
    func unitsSoldElsewhere() throws {
        let shop = try shop()
        try shop.store.subsidy.setProgramme(Self.oil, actor: "test")
        try shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "test") { $0.subsidy = "MINYAK" }
        try shop.store.users.addUser(code: "01", name: "Kasir", role: .cashier, pin: "1234", actor: "test")
        let cashier = try #require(try shop.store.users.all().first { $0.code == "01" })
        let shift = try shop.store.shifts.openShift(register: "01", cashier: "01", float: .zero)
        let context = TillContext(register: "01", cashier: cashier, shiftID: shift.id)
        func sale(_ units: Int64) throws -> Sale {
            let oil = try #require(try shop.store.catalogue.product(sku: "MINYAKITA"))
            return try Sale().namingBuyer(try NIK(Self.buyer))
                .adding(SaleItem(oil.product, productID: oil.id), quantity: Quantity(whole: units))
                .paying(.cash, tendered: nil, rules: try shop.store.pricingRules())
        }
        _ = try shop.store.applyCooperativeData(
            CooperativeData(
                version: 1, cooperative: "K",
                subsidyUse: [SubsidyUse(programme: "MINYAK", nik: Self.buyer, day: "2026-11-29", units: Quantity(whole: 1))]))
        do {
            _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(2), context: context)
            Issue.record("2 more units were sold to a buyer who took 1 of 2 elsewhere today")
        } catch let error as StoreError {
            #expect(error.coreError?.code == .subsidyLimit && error.coreError?.details["remaining"] == "1")
        }
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1), context: context)
        // The next version no longer lists that buyer's unit elsewhere (it was refunded there).
        _ = try shop.store.applyCooperativeData(CooperativeData(version: 2, cooperative: "K"))
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1), context: context)
        #expect(try shop.store.journal.verifyAudit().isIntact)
    }
}
