import Testing
import ToraCore

/// Applying a version of the cooperative's shared data: what a shop keeps, what changes,
/// and that a version with any problem changes nothing (docs/shared-data.md).
@Suite("cooperative shared data plans")
struct SharedDataPlanTests {
    let rice = Product(
        sku: "BRS-5KG", barcodes: ["8991001000132"], name: "Beras 5 kg", category: "sembako", price: Money(68_000), cost: Money(54_000))
    let coffee = Product(sku: "KOPI-LOKAL", name: "Kopi Desa", category: "minuman", price: Money(12_000), isLocal: true)
    let lpg = SubsidyProgramme(
        code: "LPG3", name: "LPG 3 kg", het: Money(19_000), limit: Quantity(thousandths: 1_000), period: .day, nikRequired: true)

    func base(version: Int64 = 3) -> SharedDataBase {
        SharedDataBase(
            appliedVersion: version, products: ["brs-5kg": rice, "kopi-lokal": coffee],
            members: ["kdmp-0001": Member(number: "KDMP-0001", name: "Siti", phone: "081210457723")],
            tiers: ["anggota": Tier.defaultTier], programmes: [:])
    }

    @Test("the cooperative's price changes a shared product and keeps the shop's cost; a shop-local product is untouched")
    func keepsWhatTheCooperativeDoesNotSet() throws {
        let data = CooperativeData(
            version: 4, cooperative: "KDMP-SUKAMAJU",
            products: [
                SharedProduct(sku: "brs-5kg", price: Money(66_000)),
                SharedProduct(sku: "GULA-1KG", name: "Gula Pasir 1 kg", category: "sembako", price: Money(17_500)),
            ],
            members: [SharedMember(number: "KDMP-0001", name: "Siti Aminah", nik: "3601015207850002")])
        let plan = try #require(try data.plan(against: base()))
        #expect(plan.productsChanged.count == 1)
        let change = try #require(plan.productsChanged.first)
        #expect(change.new.price == Money(66_000) && change.new.cost == Money(54_000) && change.new.barcodes == rice.barcodes)
        #expect(plan.productsCreated.map(\.sku) == ["GULA-1KG"])
        #expect(!plan.productsChanged.contains { $0.old.sku == "KOPI-LOKAL" })
        let member = try #require(plan.membersChanged.first)
        #expect(member.new.name == "Siti Aminah" && member.new.phone == "081210457723" && member.new.nik == "3601015207850002")
    }

    @Test("the version already applied plans nothing; an older one is refused")
    func versions() throws {
        #expect(try CooperativeData(version: 3, cooperative: "K").plan(against: base()) == nil)
        #expect(throws: SharedDataError.self) { try CooperativeData(version: 2, cooperative: "K").plan(against: base()) }
    }

    @Test("a version with any bad entry is refused whole, naming every problem")
    func refusedWhole() throws {
        let data = CooperativeData(
            version: 4, cooperative: "K",
            products: [
                SharedProduct(sku: "BRS-5KG", price: Money(60_000)),
                SharedProduct(sku: "BARU", name: "Tanpa harga"),
                SharedProduct(sku: "ELPIJI-3KG", name: "LPG 3 kg", price: Money(21_000), subsidy: "LPG3"),
            ],
            programmes: [lpg],
            members: [SharedMember(number: "KDMP-0009", name: "Ujang", tier: "emas")],
            subsidyUse: [SubsidyUse(programme: "LPG3", nik: "123", day: "2026-02-30", units: Quantity(thousandths: 1_000))])
        do {
            _ = try data.plan(against: base())
            Issue.record("a version with bad entries was planned")
        } catch {
            let text = error.description
            #expect(error.problems.contains("product BARU: a product new to the shop needs a name and a price"))
            #expect(text.contains("product ELPIJI-3KG: Rp21.000 is above the HET Rp19.000 of programme LPG3"))
            #expect(error.problems.contains("member KDMP-0009: tier emas does not exist"))
            #expect(error.problems.contains { $0.hasPrefix("subsidy use of LPG3 on 2026-02-30") })
        }
    }

    @Test("programmes and tiers set in the version count for the products and members of the same version")
    func sameVersionReferences() throws {
        let data = CooperativeData(
            version: 5, cooperative: "K",
            products: [SharedProduct(sku: "ELPIJI-3KG", name: "LPG 3 kg", price: Money(19_000), subsidy: "LPG3")],
            tiers: [Tier(name: "pengurus", discountPct: 3, localDiscountPct: 7)], programmes: [lpg],
            members: [SharedMember(number: "KDMP-0002", name: "Dedeh", tier: "pengurus")],
            subsidyUse: [SubsidyUse(programme: "lpg3", nik: "3601015207850002", day: "2026-11-29", units: Quantity(thousandths: 1_000))])
        let plan = try #require(try data.plan(against: base()))
        #expect(plan.programmesSet == [lpg] && plan.tiersSet.map(\.name) == ["pengurus"])
        #expect(plan.productsCreated.first?.subsidy == "LPG3" && plan.membersCreated.first?.tier == "pengurus")
        #expect(plan.subsidyUse.count == 1 && plan.changeCount == 4)
    }
}
