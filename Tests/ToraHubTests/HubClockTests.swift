import Foundation
import Testing
import ToraTestSupport

/// A village shop's computer often keeps the wrong time; the hub's signature window must
/// not stop its books from reaching the cooperative (docs/hub.md "A shop's clock").
@Suite("a shop's clock at the hub")
struct HubClockTests {
    @Test("a shop whose clock is days off syncs with the hub's time and says in one line that its clock is wrong")
    func clockDaysOff() throws {
        let world = try HubWorld()
        let shop = try world.shop("jam")
        try world.join(shop, as: "G30")
        try world.sell(shop, count: 2)
        // TORA_NOW (2026-11-28 10:00 WIB) is the shop's clock; the hub keeps the real time.
        let synced = try world.sync(shop)
        #expect(synced.status == 0, "\(synced.stderr)")
        let warnings = synced.stderr.split(separator: "\n")
        #expect(warnings.count == 1, "\(synced.stderr)")
        #expect(warnings.first?.hasPrefix("tora: warning: this computer's clock is ") == true, "\(synced.stderr)")
        #expect(synced.stderr.contains(" behind the hub's; synced with the hub's time"), "\(synced.stderr)")
        #expect(try world.hubJournal("G30") == (try world.shopJournal(shop)))
    }

    @Test("a shop on the system clock syncs without a warning")
    func clockRight() throws {
        let world = try HubWorld()
        let shop = try world.shop("jamtepat")
        try world.join(shop, as: "G31")
        try world.sell(shop)
        let synced = try shop.tora.run(["sync"], environment: shop.unsignedEnv.merging(["TORA_NOW": ""]) { $1 })
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.isEmpty, "\(synced.stderr)")
        #expect(try world.hubJournal("G31") == (try world.shopJournal(shop)))
    }
}
