import Foundation
import Synchronization
import ToraCore
import ToraStore

/// A clock tests can set and move: fixed until told otherwise.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// 2026-11-29 09:00 in Jakarta (02:00 UTC), unless given.
    public init(_ start: Date = Timestamp.parse("2026-11-29T09:00:00+07:00") ?? Date()) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public var shopClock: ShopClock { ShopClock { [self] in self.now } }
}

/// A real shop database on disk in its own temp folder, with a test clock.
public struct TestShop: Sendable {
    public let folder: TemporaryFolder
    public let clock: TestClock
    public let store: ShopStore

    public init(shopName: String = "Toko Uji") throws {
        folder = TemporaryFolder("tora-shop")
        clock = TestClock()
        store = try ShopStore(path: folder.file("shop.sqlite"), clock: clock.shopClock, create: true)
        try store.initialize(shopName: shopName, actor: "test")
    }

    /// A shop whose database starts as a copy of `template`'s (not written meanwhile), in a
    /// folder and with a clock of its own: many shops set up alike without paying for each
    /// setup again (hashing a PIN is slow on purpose).
    public init(copying template: TestShop) throws {
        folder = TemporaryFolder("tora-shop")
        clock = TestClock()
        let source = template.store.path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: folder.file("shop.sqlite" + suffix))
        }
        store = try ShopStore(path: folder.file("shop.sqlite"), clock: clock.shopClock)
    }

    /// A new shop holding `SampleCatalogue`, imported as a manager would.
    public static func withSampleCatalogue() throws -> TestShop {
        let shop = try TestShop()
        _ = try shop.store.catalogue.importCatalogue(path: shop.csv("c.csv", SampleCatalogue.lines), dryRun: false, actor: "test")
        return shop
    }

    /// Writes a CSV into the shop's folder and returns its path.
    public func csv(_ name: String, _ lines: [String]) -> String {
        folder.write(name, lines.joined(separator: "\n") + "\n")
    }
}

/// A small catalogue with local and non-local products sharing words, a weighed product
/// with a PLU, a consigned product and an exempt one, in the import format.
public enum SampleCatalogue {
    public static let lines = [
        "sku,barcode,name,category,unit,price,member_price,cost,tax,local,origin,consignor,consignor_price,plu,stock,reorder_point,discountable,active",
        "KOPI-KPA,8991002101012,Kopi Kapal Api Special 165 g,minuman,pcs,16500,15300,14000,ppn,no,,,,,30,5,yes,yes",
        "KOPI-DESA,1001,Kopi Robusta Bubuk Desa 250 g,minuman,pcs,30000,,24000,ppn,yes,\"KT Makmur, Desa Cibeureum\",KT-MAKMUR,24000,,14,4,yes,yes",
        "GULA-AREN,,Gula Aren Cetak 500 g,sembako,pcs,18000,,15000,exempt,yes,UMKM Bu Sari,,,,0,5,yes,yes",
        "GULA-PSR,8992388101016,Gula Pasir Gulaku 1 kg,sembako,pcs,17500,,16000,exempt,no,,,,,40,10,yes,yes",
        "TLR-RAS,,Telur Ayam Ras,sembako,kg,30000,,27000,exempt,no,,,,00016,\"12,5\",5,yes,yes",
        "MINYAKITA,8999999001018,Minyakita 1 L,sembako,pcs,15700,,14800,ppn,no,,,,,24,6,no,yes",
    ]
}
