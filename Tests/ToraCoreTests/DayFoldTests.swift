import Testing
import ToraCore

/// The Z report's fold: every breakdown adds up to the net, with the cash rounding and
/// the refunds carried by the sale's own register, cashier and hour.
@Suite("day fold")
struct DayFoldTests {
    static func sale(
        _ register: String, _ cashier: String, hour: Int, gross: Int64, discounts: Int64 = 0, rounding: Int64 = 0, refund: Bool = false
    ) -> ReportSale {
        ReportSale(
            isRefund: refund, register: register, cashier: cashier, hour: hour, isMember: false, gross: Money(gross),
            discounts: Money(discounts), rounding: Money(rounding), total: Money(gross - discounts), tax: .zero, dpp: .zero)
    }

    static func line(_ sku: String, _ category: String, _ unit: MeasureUnit, _ thousandths: Int64, net: Int64, refund: Bool = false)
        -> ReportLine
    {
        ReportLine(
            isRefund: refund, sku: sku, name: sku, category: category, unit: unit, quantity: Quantity(thousandths: thousandths),
            net: Money(net), isVoided: false, isLocal: false)
    }

    /// Register 01, cashier A, 09:00: rice 2,5 kg 37.500 + 2 oil 31.400 = 68.900, cash due
    ///   rounded down to 68.800 (rounding 100).
    /// Register 02, cashier B, 14:00: 3 noodles 9.000 − 500 discount = 8.500, rounding 0;
    ///   an egg 0,777 kg 23.310, cash rounded to 23.300 (rounding 10).
    /// Register 02, cashier B, 15:00: one of register 01's oils comes back: 15.700.
    /// net = (68.900 + 9.000 + 23.310) − 500 − 110 − 15.700 = 84.900.
    static func day() -> DayFold {
        var fold = DayFold()
        fold.add(sale("01", "A", hour: 9, gross: 68_900, rounding: 100))
        fold.add(line("BERAS", "sembako", .kg, 2_500, net: 37_500))
        fold.add(line("MINYAK", "sembako", .pcs, 2_000, net: 31_400))
        fold.add(sale("02", "B", hour: 14, gross: 9_000, discounts: 500))
        fold.add(line("MIE", "makanan", .pcs, 3_000, net: 8_500))
        fold.add(sale("02", "B", hour: 14, gross: 23_310, rounding: 10))
        fold.add(line("TELUR", "sembako", .kg, 777, net: 23_310))
        fold.add(sale("02", "B", hour: 15, gross: 15_700, refund: true))
        fold.add(line("MINYAK", "sembako", .pcs, 1_000, net: 15_700, refund: true))
        return fold
    }

    @Test("by register, cashier, hour and category each add up to the net, rounding and refunds included")
    func everyBreakdownAddsUp() {
        let fold = Self.day()
        #expect(fold.net == Money(84_900))
        #expect(fold.rounding == 110 && fold.refunds == 15_700)
        #expect(fold.byRegister().map(\.key) == ["01", "02"])
        #expect(fold.byRegister().map(\.net) == [Money(68_800), Money(8_500 + 23_300 - 15_700)])
        #expect(fold.byRegister().map(\.count) == [1, 2])
        #expect(fold.byCashier { "Kasir \($0)" }.map(\.name) == ["Kasir A", "Kasir B"])
        #expect(fold.byHour().map(\.key) == ["9", "14", "15"])
        #expect(fold.byHour().map(\.net) == [Money(68_800), Money(31_800), Money(-15_700)])
        // sembako: 37.500 + 31.400 + 23.310 − 15.700 = 76.510; makanan 8.500; rounding −110.
        let categories = fold.byCategory()
        #expect(categories.map(\.key) == ["sembako", "makanan", DayFold.roundingRow])
        #expect(categories.map(\.net) == [Money(76_510), Money(8_500), Money(-110)])
        for list in [fold.byRegister(), fold.byCashier { $0 }, fold.byHour(), categories] {
            #expect(list.reduce(Int64(0)) { $0 + $1.net.rupiah } == fold.net.rupiah)
        }
    }

    @Test("kilograms and pieces of one category stay apart, net of refunds")
    func quantitiesPerUnit() {
        let sembako = Self.day().byCategory()[0]
        #expect(sembako.quantities == [.kg: Quantity(thousandths: 3_277), .pcs: Quantity(thousandths: 1_000)])
        #expect(sembako.quantityList.map(\.unit) == [.pcs, .kg])
        let oil = Self.day().topProducts().first { $0.key == "MINYAK" }
        #expect(oil?.quantities == [.pcs: Quantity(thousandths: 1_000)] && oil?.net == Money(15_700))
    }

    @Test("a refunded amount that no line names is a row of its own, so the categories still add up")
    func refundWithoutLines() {
        var fold = Self.day()
        fold.add(Self.sale("01", "A", hour: 16, gross: 2_000, refund: true))
        let categories = fold.byCategory()
        #expect(categories.last?.key == DayFold.refundsRow && categories.last?.net == Money(-2_000))
        #expect(categories.reduce(Int64(0)) { $0 + $1.net.rupiah } == fold.net.rupiah)
        #expect(fold.net == Money(82_900))
    }

    @Test("voided lines are counted but add nothing")
    func voidedLines() {
        var fold = DayFold()
        fold.add(Self.sale("01", "A", hour: 8, gross: 5_000))
        fold.add(Self.line("MIE", "makanan", .pcs, 1_000, net: 5_000))
        var voided = Self.line("KOPI", "minuman", .pcs, 1_000, net: 0)
        voided.isVoided = true
        fold.add(voided)
        #expect(fold.voidLines == 1)
        #expect(fold.byCategory().map(\.key) == ["makanan"])
    }
}
