import Testing
import ToraCore

@Suite("subsidised goods: NIK, HET, limits")
struct SubsidyTests {
    static let lpg = SubsidyProgramme(
        code: "LPG3", name: "LPG 3 kg", het: Money(19_000), limit: Quantity(whole: 2), period: .day, nikRequired: true)
    static let rice = SubsidyProgramme(
        code: "SPHP", name: "Beras SPHP", het: Money(12_500), limit: Quantity(whole: 10), period: .week, nikRequired: false)

    func why(_ text: String) -> String? {
        do {
            _ = try NIK(text)
            return nil
        } catch {
            return error.code == .invalidNIK ? error.details["why"] : "other"
        }
    }

    @Test("a NIK is 16 digits, a province 11–94 and a date of birth (day + 40 for women)")
    func nikShape() throws {
        #expect(try NIK("3201011201900001").digits == "3201011201900001")
        #expect(try NIK("3201015201900001").digits == "3201015201900001", "a woman born on the 12th: 52")
        #expect(try NIK("3201 0112 0190 0001").digits == "3201011201900001", "spaces between groups are ignored")
        #expect(try NIK("1101010101000001").digits.hasPrefix("11"))
        #expect(try NIK("9401012902000001").digits.hasPrefix("94"), "29 February of a year 00 (2000, a leap year)")
        #expect(why("320101120190001") == "digits")
        #expect(why("32010112019000011") == "digits")
        #expect(why("32010112019000a1") == "digits")
        #expect(why("1001011201900001") == "province")
        #expect(why("9501011201900001") == "province")
        #expect(why("3201013201900001") == "birth_date", "day 32")
        #expect(why("3201017201900001") == "birth_date", "a woman's day 72 is the 32nd")
        #expect(why("3201010001900001") == "birth_date", "day 0")
        #expect(why("3201013102900001") == "birth_date", "31 February")
        #expect(why("3201012902010001") == "birth_date", "29 February 2001")
        #expect(why("3201011213900001") == "birth_date", "month 13")
        #expect(why("3201014000900001") == "birth_date", "day 40 is no day of a man or a woman")
    }

    @Test("a NIK is shown masked, and a refusal never repeats the digits in full")
    func masking() throws {
        #expect(try NIK("3201011201900001").masked == "3201********0001")
        #expect(try NIK("3201011201900001").description == "3201********0001")
        do {
            _ = try NIK("9901011201900001")
            Issue.record("a province 99 was taken")
        } catch {
            #expect(error.value == "9901********0001")
            #expect(!error.reason.contains("9901011201900001"))
        }
    }

    @Test("periods: the day, the ISO week from Monday to Sunday (week 53 across the new year), the calendar month")
    func periods() throws {
        #expect(try SubsidyPeriod.day.window(containing: "2026-11-29") == ("2026-11-29", "2026-11-29"))
        // 23:59 and 00:00 are different business days: the next day is a new period.
        #expect(try SubsidyPeriod.day.window(containing: "2026-11-30").from != "2026-11-29")
        #expect(try SubsidyPeriod.week.window(containing: "2026-11-29") == ("2026-11-23", "2026-11-29"), "a Sunday ends its week")
        #expect(try SubsidyPeriod.week.window(containing: "2026-11-30") == ("2026-11-30", "2026-12-06"), "a Monday starts one")
        // 2026 begins on a Thursday, so it has an ISO week 53: 28 December 2026 to 3 January 2027.
        #expect(try SubsidyPeriod.week.window(containing: "2026-12-31") == ("2026-12-28", "2027-01-03"))
        #expect(try SubsidyPeriod.week.window(containing: "2027-01-03") == ("2026-12-28", "2027-01-03"))
        #expect(try SubsidyPeriod.week.window(containing: "2027-01-04") == ("2027-01-04", "2027-01-10"))
        #expect(try SubsidyPeriod.month.window(containing: "2026-02-28") == ("2026-02-01", "2026-02-28"))
        #expect(try SubsidyPeriod.month.window(containing: "2028-02-29") == ("2028-02-01", "2028-02-29"))
        #expect(try SubsidyPeriod.month.window(containing: "2026-01-31") == ("2026-01-01", "2026-01-31"))
        #expect(try SubsidyPeriod.month.window(containing: "2026-12-31") == ("2026-12-01", "2026-12-31"))
        #expect(throws: CoreError.self) { try SubsidyPeriod.day.window(containing: "2026-02-30") }
        #expect(try SubsidyPeriod.parse("minggu") == .week)
        #expect(throws: CoreError.self) { try SubsidyPeriod.parse("year") }
    }

    @Test("the limit: what remains after a line, refused past it with what remains, counted in the product's unit")
    func limitArithmetic() throws {
        let buyer = try NIK("3201011201900001")
        #expect(try Self.lpg.remaining(used: .zero, asking: Quantity(whole: 2), unit: .pcs, buyer: buyer) == .zero)
        #expect(try Self.lpg.remaining(used: Quantity(whole: 1), asking: Quantity(whole: 1), unit: .pcs, buyer: buyer) == .zero)
        do {
            _ = try Self.lpg.remaining(used: Quantity(whole: 1), asking: Quantity(whole: 2), unit: .pcs, buyer: buyer)
            Issue.record("a third tube was allowed")
        } catch {
            #expect(error.code == .subsidyLimit)
            #expect(error.details["remaining"] == "1")
            #expect(error.details["nik"] == "3201********0001")
        }
        // A limit lowered below what was already sold leaves nothing, never a negative.
        do {
            _ = try Self.lpg.remaining(used: Quantity(whole: 3), asking: Quantity(whole: 1), unit: .pcs, buyer: buyer)
            Issue.record("sold past a lowered limit")
        } catch {
            #expect(error.details["remaining"] == "0")
        }
        // Rice by the kilogram: 7,5 kg this week leaves 2,5 kg.
        #expect(
            try Self.rice.remaining(used: Quantity(thousandths: 7_500), asking: Quantity(thousandths: 2_500), unit: .kg, buyer: buyer)
                == .zero)
        do {
            _ = try Self.rice.remaining(used: Quantity(thousandths: 7_500), asking: Quantity(thousandths: 2_501), unit: .kg, buyer: buyer)
            Issue.record("a gram past the limit was allowed")
        } catch {
            #expect(error.details["remaining"] == "2,5")
        }
    }

    @Test("no price above the HET; at the HET is fine")
    func het() throws {
        try Self.lpg.checkPrice(Money(19_000), field: "price", sku: "LPG")
        #expect(throws: CoreError.self) { try Self.lpg.checkPrice(Money(19_001), field: "price", sku: "LPG") }
        do {
            try Self.lpg.checkPrice(Money(22_000), field: "member_price", sku: "LPG")
        } catch {
            #expect(error.code == .aboveHET)
            #expect(error.field == "member_price")
            #expect(error.details["het"] == "Rp19.000")
        }
    }

    @Test("a programme's own rules: code, name, HET above zero, a limit")
    func programmeRules() {
        #expect(Self.lpg.problems().isEmpty)
        let bad = SubsidyProgramme(code: "LPG 3", name: "", het: .zero, limit: .zero, period: .day, nikRequired: false)
        #expect(Set(bad.problems().compactMap(\.field)) == ["code", "name", "het", "limit"])
    }

    @Test("a sale names its buyer; a payment fixes the sale")
    func saleBuyer() throws {
        let buyer = try NIK("3201011201900001")
        let sale = try Sale().namingBuyer(buyer)
        #expect(sale.buyer == buyer)
        let product = Product(sku: "LPG", name: "LPG 3 kg", price: Money(19_000), subsidy: "LPG3")
        let item = SaleItem(product)
        #expect(item.subsidy == "LPG3")
        let paid = try sale.adding(item, quantity: .one).paying(.cash, tendered: nil, rules: PricingRules())
        #expect(throws: CoreError.self) { try paid.namingBuyer(nil) }
    }
}
