import Testing

@testable import ToraCore

/// The report rules the shop and the hub share: pure functions over stored amounts.
@Suite("report rules")
struct ReportRulesTests {
    @Test("net is gross less discounts, rounding and refunds; the local share is of the goods, in tenths, half up")
    func figures() {
        let net = ReportFigures.net(gross: Money(100_000), discounts: Money(5_000), rounding: Money(50), refunds: Money(10_000))
        #expect(net == Money(84_950))
        let goods = ReportFigures.goods(gross: Money(100_000), discounts: Money(5_000), refunds: Money(10_000))
        #expect(goods == Money(85_000))
        // 31.875 / 85.000 = 37,5 %; 1 / 3 = 33,3 %; 2 / 3 = 66,7 %.
        #expect(ReportFigures.shareTenths(Money(31_875), of: goods) == 375)
        #expect(ReportFigures.shareTenths(Money(1), of: Money(3)) == 333)
        #expect(ReportFigures.shareTenths(Money(2), of: Money(3)) == 667)
        #expect(ReportFigures.shareTenths(Money(5), of: .zero) == 0)
        #expect(ReportFigures.otherThanLocal(Money(100), local: Money(120)) == .zero)
    }

    @Test("a line's cost is its quantity times the unit cost, rounded half up per line")
    func lineCost() {
        // 1,255 kg × 12.400 = 15.562; 0,333 × 1.500 = 499,5 → 500.
        #expect(ReportFigures.lineCost(quantity: Quantity(thousandths: 1255), unitCost: Money(12_400)) == Money(15_562))
        #expect(ReportFigures.lineCost(quantity: Quantity(thousandths: 333), unitCost: Money(1_500)) == Money(500))
    }

    @Test("the products fold nets refunds out, rounds cost per line, and lists best net first then by sku")
    func products() {
        var tally = ProductTally()
        func line(_ sku: String, refund: Bool = false, _ quantity: Int64, net: Int64, cost: Int64, name: String = "Kopi") -> ProductLine {
            ProductLine(
                isRefund: refund, sku: sku, name: name, category: "minuman", unit: .kg, isLocal: sku == "B",
                quantity: Quantity(thousandths: quantity),
                net: Money(net), unitCost: Money(cost))
        }
        // Two lines of 0,333 kg at 1.500: 500 + 500, not round(0,666 × 1.500) = 999.
        tally.add(line("A", 333, net: 700, cost: 1_500))
        tally.add(line("A", 333, net: 700, cost: 1_500, name: "Kopi Baru"))
        tally.add(line("B", 2_000, net: 1_400, cost: 500))
        tally.add(line("B", refund: true, 1_000, net: 700, cost: 500))
        tally.add(line("C", 1_000, net: 700, cost: 100))
        let rows = tally.products()
        #expect(rows.map(\.sku) == ["A", "B", "C"])
        #expect(rows[0].cost == Money(1_000) && rows[0].quantity == Quantity(thousandths: 666) && rows[0].name == "Kopi Baru")
        #expect(rows[1].net == Money(700) && rows[1].cost == Money(500) && rows[1].isLocal && rows[1].margin == Money(200))
    }

    @Test("drawers add up: over/short only of closed shifts, open ones counted apart")
    func drawers() {
        var tally = DrawerTally()
        tally.add(DrawerCash(openingFloat: Money(100_000), cashSales: Money(57_000), cashRefunds: Money(28_500)), counted: Money(128_000))
        tally.add(
            DrawerCash(openingFloat: Money(50_000), cashSales: Money(9_900), cashRefunds: .zero, memberMoney: Money(20_000)),
            counted: nil)
        #expect(tally.openingFloat == Money(150_000))
        #expect(tally.expected == Money(128_500 + 79_900))
        #expect(tally.counted == Money(128_000) && tally.overShort == Money(-500) && tally.openShifts == 1)
        #expect(DrawerCash.overShort(counted: Money(60_000), expected: Money(59_900)) == Money(100))
    }

    @Test("SHU shares are floor shares of the pool by purchases; a pool times purchases beyond Int64 still divides exactly")
    func shu() {
        let members = [
            SHUDivision.Purchases(number: "M1", name: "Siti", purchases: Money(28_500)),
            SHUDivision.Purchases(number: "M2", name: "Ujang", purchases: Money(57_000)),
        ]
        let division = SHUDivision(year: "2026", pool: Money(1_000_000), members: members)
        #expect(division.shares.map(\.share) == [Money(333_333), Money(666_666)])
        #expect(division.remainder == Money(1) && division.totalPurchases == Money(85_500))
        let large = SHUDivision(year: "2026", pool: Money(9_999_999_999), members: members)
        #expect(large.shares.map(\.share) == [Money(3_333_333_333), Money(6_666_666_666)])
        #expect(SHUDivision(year: "2026", pool: Money(100), members: []).remainder == Money(100))
    }

    @Test("consignment payable is rounded half up per line, refunds negative")
    func consignment() {
        var tally = ConsignmentTally()
        tally.add(units: Quantity(thousandths: 150), consignorPrice: Money(11_700))  // 1.755
        tally.add(units: Quantity(thousandths: 333), consignorPrice: Money(1_500))  // 499,5 → 500
        tally.add(units: Quantity(thousandths: -333), consignorPrice: Money(1_500))  // −500
        #expect(tally.units == Quantity(thousandths: 150) && tally.payable == Money(1_755))
    }

    @Test("a price label stands for price ÷ unit price, half up, at least one thousandth; one unit without a price")
    func pricedLabel() {
        #expect(Quantity.ofPricedLabel(Money(1_950), unitPrice: Money(13_000)) == Quantity(thousandths: 150))
        #expect(Quantity.ofPricedLabel(Money(1), unitPrice: Money(13_000)) == Quantity(thousandths: 1))
        #expect(Quantity.ofPricedLabel(Money(5_000), unitPrice: .zero) == Quantity(thousandths: 1000))
    }
}
