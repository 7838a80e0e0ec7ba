import Synchronization
import Testing
import ToraCore
import ToraPrint
import ToraResources
import ToraStore
import ToraTestSupport
import ToraTill

/// Receipts handed to the printer, kept for the test to look at; the printer fails with
/// `fault` (a CUPS error, say), and the outbox too when `outboxFault` is set.
final class RecordingSink: ReceiptSink {
    let receipts = Mutex<[Receipt]>([])
    let fault: PrintError
    let outboxFault: PrintError?

    init(fault: PrintError = PrintError(.notConfigured, "test printer"), outboxFault: PrintError? = nil) {
        self.fault = fault
        self.outboxFault = outboxFault
    }

    func deliver(_ receipt: Receipt) -> ReceiptDelivery {
        receipts.withLock { $0.append(receipt) }
        if let outboxFault { return .lost(reason: fault, outbox: outboxFault, text: receipt.number) }
        return .kept(reason: fault, text: receipt.number)
    }

    func openDrawer() -> PrintError? { fault.code == .notConfigured ? nil : fault }
}

/// The till session in-process, on a real shop file, driven by strings.
struct TillHarness {
    let shop: TestShop
    let sink: RecordingSink
    var session: TillSession
    var screen: [String] = []

    init(language: String = "en", sink: RecordingSink = RecordingSink()) throws {
        self.sink = sink
        shop = try TestShop(copying: try Self.template.get())
        session = TillSession(store: shop.store, register: "01", texts: try Translations.load(language), sink: sink)
    }

    /// Types each line; returns everything shown for the last one.
    @discardableResult
    mutating func type(_ lines: String...) -> String {
        var last: [String] = []
        for line in lines {
            last = session.handle(line).lines
            screen += last
        }
        return last.joined(separator: "\n")
    }

    /// The sample catalogue, cashier 01 (PIN 1234), supervisor 02 (2345) and member M1,
    /// set up once and copied for each till.
    static let template = Result { () throws -> TestShop in
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "t")
        try shop.store.users.addUser(code: "01", name: "Ani", role: .cashier, pin: "1234", actor: "t")
        try shop.store.users.addUser(code: "02", name: "Supervisor", role: .supervisor, pin: "2345", actor: "t")
        try shop.store.members.addMember(Member(number: "M1", name: "Siti", creditLimit: Money(50_000)), actor: "t")
        return shop
    }

    mutating func login() {
        type("01", "1234", "0")
    }
}

@Suite("till session")
struct TillSessionTests {
    @Test("a payment that settles the sale is kept with the open sale when completing fails, and pay completes it later")
    func settlingPaymentKeptWhenCompletionFails() throws {
        var till = try TillHarness()
        till.login()
        till.type("GULA-PSR")  // 17.500
        try GRDBTamper.refuseSales(db: till.shop.store.path)
        let answer = till.type("pay 20000")
        #expect(answer.contains("type pay again to complete it"))
        let stored = try #require(try till.shop.store.sales.openSale(register: "01"))
        #expect(stored.sale.payments.map(\.tendered) == [Money(20_000)])
        try GRDBTamper.allowSales(db: till.shop.store.path)
        #expect(till.type("pay").contains("Receipt 01-20261129-0001"))
        #expect(try till.shop.store.sales.openSale(register: "01") == nil)
        #expect(till.sink.receipts.withLock { $0.map(\.change) } == [Money(2_500)])
    }

    @Test("credit goes on the member's account only within the credit limit")
    func credit() throws {
        var till = try TillHarness()
        till.login()
        till.type("2*KOPI-DESA")  // 60.000 without a member
        #expect(till.type("pay credit").contains("credit needs a member attached to the sale"))
        till.type("member M1")  // local 5%: 60.000 − 3.000 = 57.000 > 50.000 limit
        #expect(till.type("pay credit").contains("Rp57.000 is more than member M1's available credit of Rp50.000"))
        till.type("pay qris 10000")
        let paid = till.type("pay credit")
        #expect(paid.contains("Paid. Receipt 01-20261129-0001"))
        #expect(try till.shop.store.members.availableCredit(member: "M1") == Money(3_000))
        let receipt = try #require(till.sink.receipts.withLock { $0.last })
        #expect(receipt.member?.purchasesThisYear == Money(57_000))
        #expect(receipt.payments.map(\.method) == [.qris, .credit])
    }

    @Test("a line cannot be refunded beyond what was sold less what was refunded")
    func refundLimits() throws {
        var till = try TillHarness()
        till.login()
        till.type("3*KOPI-KPA", "pay")
        #expect(till.type("refund 01-20261129-0001").contains("supervisor's override"))
        let started = till.type("02", "2345")
        #expect(started.contains("1. Kopi Kapal Api Special 165 g  sold 3, refundable 3"))
        #expect(till.type("1 4").contains("only 3 of this line is left to refund"))
        #expect(till.type("1 2").contains("Refund total Rp33.000"))
        #expect(till.type("pay").contains("Refund done: receipt 01-20261129-0002, paid back Rp33.000 (Cash)"))
        till.type("refund 01-20261129-0001", "02", "2345")
        #expect(till.type("1 2").contains("only 1 of this line is left to refund"))
        #expect(till.type("1").contains("Refund total Rp16.500"))
        till.type("pay")
        #expect(try till.shop.store.catalogue.product(sku: "KOPI-KPA")?.onHand == Quantity(whole: 30))
        let refund = try #require(till.sink.receipts.withLock { $0.last })
        #expect(refund.kind == .refund && refund.refundOf == "01-20261129-0001")
    }

    @Test("parked sales wait, numbered, and resume with their lines")
    func parkAndResume() throws {
        var till = try TillHarness()
        till.login()
        till.type("KOPI-KPA", "GULA-PSR")
        #expect(till.type("park").contains("Sale parked as number 1"))
        till.type("MINYAKITA")
        #expect(till.type("resume 1").contains("finish or park the open sale first"))
        till.type("park")
        let list = till.type("resume")
        #expect(list.contains("1. register 01, 2 lines, 2 items, Rp34.000") && list.contains("2. register 01, 1 line, 1 item, Rp15.700"))
        let resumed = till.type("resume 1")
        #expect(resumed.contains("1. Kopi Kapal Api Special 165 g") && resumed.contains("2. Gula Pasir Gulaku 1 kg"))
    }

    @Test("reprint of the register's last receipt is a marked copy; another receipt needs a supervisor")
    func reprint() throws {
        var till = try TillHarness()
        till.login()
        till.type("KOPI-KPA", "pay", "GULA-PSR", "pay")
        till.type("reprint")
        let copy = try #require(till.sink.receipts.withLock { $0.last })
        #expect(copy.isCopy && copy.number == "01-20261129-0002" && !copy.opensDrawer)
        #expect(till.type("reprint 01-20261129-0001").contains("supervisor's override"))
        till.type("02", "2345")
        #expect(till.sink.receipts.withLock { $0.last?.number } == "01-20261129-0001")
        #expect(try till.shop.store.journal.auditEntries(last: 10, kind: "receipt.reprinted").count == 2)
    }

    @Test("a scale label with a price adds that amount; its quantity is worked out from the price")
    func pricedScaleLabel() throws {
        var till = try TillHarness()
        till.login()
        // 22 00016 15000 5: Rp15.000 of TLR-RAS (Rp30.000/kg) → 0,5 kg.
        let shown = till.type("2200016150005")
        #expect(shown.contains("Telur Ayam Ras  0,5 kg x Rp30.000 = Rp15.000"))
        #expect(till.type("qty 1 2").contains("was priced by its scale label"))
    }

    @Test("a cashier's till refuses a second cashier while the shift is open")
    func oneCashierPerShift() throws {
        var till = try TillHarness()
        till.login()
        till.type("quit")
        try till.shop.store.users.addUser(code: "03", name: "Other", role: .cashier, pin: "3333", actor: "t")
        var other = try TillHarness.reopen(till)
        #expect(other.type("03", "3333").contains("still has 01's shift open"))
    }
}

extension TillHarness {
    /// A new session on the same shop (another login at the same register).
    static func reopen(_ harness: TillHarness) throws -> TillHarness {
        var copy = harness
        copy.session = TillSession(store: harness.shop.store, register: "01", texts: try Translations.load("en"), sink: harness.sink)
        copy.screen = []
        return copy
    }
}
