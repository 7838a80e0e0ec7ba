import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Subsidised goods in the shop's books (docs/subsidised-goods.md).
@Suite("subsidised goods in the books")
struct SubsidyStoreTests {
    static let buyer = "3201015501900001"
    static let programme = SubsidyProgramme(
        code: "MINYAK", name: "Minyakita", het: Money(15_700), limit: Quantity(whole: 2), period: .day, nikRequired: true)

    /// The sample catalogue with Minyakita in a programme of 2 a day, cashiers 01 and 02
    /// with shifts open on registers 01 and 02.
    func shop() throws -> (TestShop, [TillContext]) {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        try shop.store.subsidy.setProgramme(Self.programme, actor: "test")
        try shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "test") { $0.subsidy = "MINYAK" }
        var contexts: [TillContext] = []
        for register in ["01", "02"] {
            try shop.store.users.addUser(code: register, name: "Kasir \(register)", role: .cashier, pin: "1234", actor: "test")
            let cashier = try #require(try shop.store.users.all().first { $0.code == register })
            let till = try #require(RegisterID(register))
            let shift = try shop.store.shifts.openShift(register: till, cashier: register, float: .zero)
            contexts.append(TillContext(register: till, cashier: cashier, shiftID: shift.id))
        }
        return (shop, contexts)
    }

    func sale(_ quantity: Int64, buyer: String? = SubsidyStoreTests.buyer, _ store: ShopStore) throws -> Sale {
        let oil = try #require(try store.catalogue.product(sku: "MINYAKITA"))
        var sale = try Sale().namingBuyer(try buyer.map { try NIK($0) })
        sale = try sale.adding(SaleItem(oil.product, productID: oil.id), quantity: Quantity(whole: quantity))
        return try sale.paying(.cash, tendered: nil, rules: try store.pricingRules())
    }

    func limitRefusal(_ body: () throws -> Void) -> CoreError? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error.coreError
        } catch {
            return nil
        }
    }

    @Test("a sale writes its subsidised lines; past the limit it is refused inside the completion; a refund gives units back")
    func limitAtCompletion() throws {
        let (shop, contexts) = try shop()
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[0])
        let refused = limitRefusal {
            _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(2, shop.store), context: contexts[0])
        }
        #expect(refused?.code == .subsidyLimit)
        #expect(refused?.details["remaining"] == "1")
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[1])
        #expect(
            limitRefusal { _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[0]) }?
                .code
                == .subsidyLimit)
        // The refund of the first sale gives its unit back.
        _ = try shop.store.sales.completeRefund(
            receipt: "01-20261129-0001", selections: [RefundSelection(lineNo: 1, quantity: .one)], method: .cash, context: contexts[0],
            supervisor: "test")
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[0])
        let rows = try shop.store.subsidy.subsidySales(programme: "minyak", from: "2026-11-29", to: "2026-11-29")
        #expect(rows.map(\.quantity.thousandths) == [1000, -1000, 1000, 1000])
        #expect(rows.allSatisfy { $0.nik == Self.buyer })
        let day = try shop.store.reports.dayReport(day: try #require(BusinessDay("2026-11-29")))
        #expect(day.subsidy.count == 1)
        #expect(day.subsidy.first?.units == Quantity(whole: 2))
        #expect(day.subsidy.first?.net == Money(31_400))
        #expect(day.subsidy.first?.buyers == 1)
        #expect(try shop.store.journal.verifyAudit().isIntact)
    }

    @Test("a programme that needs a NIK refuses a sale without a buyer; parked or open sales hold no units")
    func nikRequired() throws {
        let (shop, contexts) = try shop()
        let refused = limitRefusal {
            _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, buyer: nil, shop.store), context: contexts[0])
        }
        #expect(refused?.code == .nikRequired)
        let oil = try #require(try shop.store.catalogue.product(sku: "MINYAKITA"))
        let open = try Sale().namingBuyer(try NIK(Self.buyer)).adding(SaleItem(oil.product), quantity: Quantity(whole: 2))
        let parked = try shop.store.sales.saveOpenSale(id: nil, register: "01", cashier: "01", sale: open)
        try shop.store.sales.park(parked, actor: "01", register: "01")
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(2, shop.store), context: contexts[1])
    }

    @Test("two registers racing for a buyer's last unit: exactly one sells it")
    func race() throws {
        let (shop, contexts) = try shop()
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[0])
        // Two tills, each with its own connection to the file, each with a sale the early
        // check let through (one unit left when it was scanned).
        let stores = [shop.store, try ShopStore(path: shop.store.path, clock: shop.clock.shopClock)]
        let sales = [try sale(1, shop.store), try sale(1, shop.store)]
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let receipt = try stores[index].sales.completeSale(openSaleID: nil, sale: sales[index], context: contexts[index])
                outcomes.withLock { $0.append("sold " + receipt.number) }
            } catch let error as StoreError {
                outcomes.withLock { $0.append(error.coreError?.code.rawValue ?? error.message) }
            } catch {
                outcomes.withLock { $0.append("\(error)") }
            }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.filter { $0.hasPrefix("sold ") }.count == 1, "\(results)")
        #expect(results.filter { $0 == "subsidy_limit" }.count == 1, "\(results)")
        let sold = try shop.store.subsidy.subsidySales(programme: "MINYAK", from: "2026-11-29", to: "2026-11-29")
        #expect(sold.reduce(0) { $0 + $1.quantity.thousandths } == 2000)
    }

    @Test("the next business day is a new period for a daily limit")
    func nextDay() throws {
        let (shop, contexts) = try shop()
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(2, shop.store), context: contexts[0])
        for context in contexts { _ = try shop.store.shifts.closeShift(register: context.register, counted: .zero, actor: "test") }
        shop.clock.advance(seconds: 15 * 3600)  // 00:00 the next day in Jakarta
        let cashier = try #require(try shop.store.users.all().first { $0.code == "01" })
        let shift = try shop.store.shifts.openShift(register: "01", cashier: "01", float: .zero)
        let next = TillContext(register: "01", cashier: cashier, shiftID: shift.id)
        let receipt = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(2, shop.store), context: next)
        #expect(receipt.number == "01-20261130-0001")
    }

    @Test("a CSV import with prices above the HET lists every bad line and writes nothing")
    func importAboveHET() throws {
        let (shop, _) = try shop()
        let before = try shop.store.catalogue.exportCatalogue()
        let file = shop.csv(
            "het.csv",
            [
                "sku,name,price,member_price,subsidy",
                "MINYAKITA,Minyakita 1 L,16000,,MINYAK",
                "GULA-PSR,Gula Pasir Gulaku 1 kg,17500,,",
                "OIL-2,Minyakita lain,15000,15800,MINYAK",
                "OIL-3,Minyakita promo,15700,,NOPE",
            ])
        do {
            _ = try shop.store.catalogue.importCatalogue(path: file, dryRun: false, actor: "test")
            Issue.record("the import went through")
        } catch let error as StoreError {
            let text = ([error.message] + error.problems).joined(separator: "\n")
            #expect(text.contains("line 2: price"), "\(text)")
            #expect(text.contains("line 4: member_price"), "\(text)")
            #expect(text.contains("line 5: subsidy"), "\(text)")
            #expect(!text.contains("line 3"), "\(text)")
        }
        #expect(try shop.store.catalogue.exportCatalogue() == before)
        #expect(throws: StoreError.self) {
            try shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "test") { $0.price = Money(15_701) }
        }
        #expect(throws: StoreError.self) {
            try shop.store.subsidy.setProgramme(
                SubsidyProgramme(code: "MINYAK", name: "Minyakita", het: Money(15_000), limit: .one, period: .day, nikRequired: true),
                actor: "test")
        }
    }

    @Test("audit verify catches subsidy rows edited or added behind the program's back; the journal never holds a full NIK")
    func tamper() throws {
        let (shop, contexts) = try shop()
        _ = try shop.store.sales.completeSale(openSaleID: nil, sale: try sale(1, shop.store), context: contexts[0])
        try shop.store.members.addMember(Member(number: "M9", name: "Ibu Ani", nik: "3201015501900002"), actor: "test")
        let journal = try DatabaseQueue(path: shop.store.path).read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM audit_journal")
        }
        #expect(!journal.joined().contains(Self.buyer))
        #expect(!journal.joined().contains("3201015501900002"))
        #expect(journal.joined().contains("3201********0001"))
        #expect(try shop.store.journal.verifyAudit().isIntact)

        let edited = try TestShop(copying: shop)
        try GRDBTamper.execute(
            db: edited.store.path, sql: "DROP TRIGGER subsidy_sales_no_update; UPDATE subsidy_sales SET quantity = 0")
        #expect(try edited.store.journal.verifyAudit().problem?.contains("subsidy_sales") == true)

        let other = try TestShop(copying: shop)
        try GRDBTamper.execute(
            db: other.store.path, sql: "DROP TRIGGER subsidy_sales_no_update; UPDATE subsidy_sales SET nik = '3201015501900009'")
        #expect(try other.store.journal.verifyAudit().problem?.contains("subsidy_sales") == true)

        let added = try TestShop(copying: shop)
        try GRDBTamper.execute(
            db: added.store.path,
            sql: """
                INSERT INTO subsidy_sales(audit_seq, sale_id, line_id, receipt_no, business_day, quota_day, programme, nik, sku, unit,
                    quantity, amount)
                SELECT audit_seq, sale_id, line_id, receipt_no, business_day, quota_day, programme, nik, sku, unit, -quantity, -amount
                FROM subsidy_sales
                """)
        #expect(try added.store.journal.verifyAudit().problem?.contains("subsidy_sales") == true)
    }

    @Test("audit verify catches the other outlets' units changed, removed or added behind the program's back")
    func hubUseTampering() throws {
        let (shop, _) = try shop()
        let rows = [
            SubsidyUse(programme: "minyak", nik: Self.buyer, day: "2026-11-28", units: Quantity(whole: 1)),
            SubsidyUse(programme: "MINYAK", nik: "3201015501900002", day: "2026-11-27", units: Quantity(whole: 2)),
        ]
        #expect(try shop.store.subsidy.replaceHubUse(rows, actor: "hub"))
        #expect(try shop.store.journal.verifyAudit().isIntact)
        let raw = try DatabaseQueue(path: shop.store.path)
        try raw.write { db in try db.execute(sql: "UPDATE subsidy_hub_use SET units = 1 WHERE nik = ?", arguments: [Self.buyer]) }
        let changed = try shop.store.journal.verifyAudit()
        #expect(changed.bookProblem?.hasPrefix("subsidy_hub_use is not what journal entry") == true, "\(changed.problem ?? "")")
        // Applying the hub's rows again puts them back, journaled.
        #expect(try shop.store.subsidy.replaceHubUse(rows, actor: "hub"))
        #expect(try shop.store.journal.verifyAudit().isIntact)
        try raw.write { db in try db.execute(sql: "DELETE FROM subsidy_hub_use") }
        #expect(try shop.store.journal.verifyAudit().bookProblem?.contains("subsidy_hub_use") == true)

        let (fresh, _) = try self.shop()
        try DatabaseQueue(path: fresh.store.path).write { db in
            try db.execute(
                sql: "INSERT INTO subsidy_hub_use(programme, nik, day, units) VALUES ('MINYAK', ?, '2026-11-28', 5000)",
                arguments: [Self.buyer])
        }
        #expect(
            try fresh.store.journal.verifyAudit().bookProblem
                == "subsidy_hub_use holds rows (1) that no journal entry (hub.subsidy_use_applied) wrote")
    }
}
