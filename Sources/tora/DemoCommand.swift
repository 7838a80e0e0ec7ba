import ArgumentParser
import Foundation
import ToraCommandLine
import ToraCore
import ToraResources
import ToraStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Make a fresh demo shop (catalogue, members, users) and open its till as cashier 01.",
        discussion: """
            The demo shop lives in --db, else $TORA_DB, else $XDG_DATA_HOME/tora/demo.sqlite, and is \
            made anew each time. A file holding a real shop is never replaced. \
            Users: 01 Siti (cashier, PIN 1234), 02 Ujang (supervisor, PIN 2345), 03 Dedeh (manager, PIN 3456).
            """)

    @Option(name: .long, help: ArgumentHelp("The demo shop's database file.", valueName: "path"))
    var db: String?

    @Option(help: "Language of the till: id (Bahasa Indonesia) or en.") var lang = "id"

    @Flag(name: .customLong("no-till"), help: "Only make the demo shop; do not start its till.") var noTill = false

    static let users: [(code: String, name: String, role: Role, pin: String)] = [
        ("01", "Siti Aminah", .cashier, "1234"),
        ("02", "Ujang Suryana", .supervisor, "2345"),
        ("03", "Dedeh Rohaeti", .manager, "3456"),
    ]

    var path: String {
        if let db, !db.isEmpty { return db }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["TORA_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return (ShopStore.resolvePath(explicit: nil) as NSString).deletingLastPathComponent + "/demo.sqlite"
    }

    func run() throws {
        try reportingErrors {
            let path = self.path
            try Self.removeOldDemo(at: path)
            let store = try ShopStore(path: path, clock: try ShopClock.fromEnvironment(), create: true)
            let actor = "demo"
            try store.initialize(shopName: "Toko Rakyat Serba Ada Sukamaju", actor: actor)
            let settings: [(SettingKey, String)] = [
                (.shopAddress, "Jl. Raya Sukamaju No. 12, Desa Sukamaju, Kec. Cimanuk, Pandeglang, Banten"),
                (.shopPhone, "0253-123456"),
                (.shopLegalNumber, "AHU-0012345.AH.01.29.TAHUN 2025"),
                (.receiptFooter, "Terima kasih. Belanja di koperasi, untung bersama."),
            ]
            for (key, value) in settings { try store.setSetting(key.name, to: value, actor: actor) }
            let folder = ToraResources.demoFolder.path
            _ = try store.importTiers(path: folder + "/tiers.csv", actor: actor)
            _ = try store.catalogue.importCatalogue(path: folder + "/catalogue.csv", dryRun: false, actor: actor)
            _ = try store.members.importMembers(path: folder + "/members.csv", dryRun: false, actor: actor)
            // Example programmes (HETs differ by region and year: these are examples).
            for programme in Self.programmes { try store.subsidy.setProgramme(programme, actor: actor) }
            _ = try store.catalogue.importCatalogue(path: folder + "/subsidy-products.csv", dryRun: false, actor: actor)
            _ = try store.members.importMembers(path: folder + "/members-nik.csv", dryRun: false, actor: actor)
            // Members' opening savings balances, as a shop moving from paper books would.
            _ = try store.members.importMembers(path: folder + "/savings.csv", dryRun: false, actor: actor)
            for user in Self.users {
                try store.users.addUser(code: user.code, name: user.name, role: user.role, pin: user.pin, actor: actor)
            }
            try store.journal.recordEvent(kind: .demoCreated, actor: actor, payload: ["path": .string(path)])
            let summary = try store.catalogue.catalogueSummary()
            FileHandle.standardOutput.write(
                Data(
                    """
                    Demo shop ready: \(path)
                      \(try store.setting(.shopName)): \(summary.active) products in \(summary.categories) categories \
                    (\(summary.local) local, \(summary.consigned) consigned, \(summary.measured) sold by weight), \(summary.members) members
                      users: \(Self.users.map { "\($0.code) \($0.name) (\($0.role.rawValue), PIN \($0.pin))" }.joined(separator: ", "))
                      try: 8991630002637 (a barcode), ?kopi then #1, 2*KOPI-ROB-250, anggota KDMP-0001, total, pay 50000, help
                      subsidised goods: nik 3201015501900001 then ELPIJI-3KG (LPG 3 kg, 1 a day) or 3*BRS-SPHP-5KG (SPHP, 2 a day)
                      the manager's side: tora --db \(path) report eod | catalogue search kopi | stock low
                      changes sign in as the manager: tora --db \(path) config set cash.rounding 100 --user 03 (PIN 3456)

                    """.utf8))
            guard !noTill else { return }
            // The till of register 01, logged in as the demo cashier with a Rp200.000 float.
            try TillSubcommand.runTill(store: store, register: "01", lang: lang, scripted: ["01", "1234", "200000"])
        }
    }

    /// Deletes a previous demo shop at `path`; refuses to touch a file that holds a real shop.
    static func removeOldDemo(at path: String) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path) else { return }
        let isDemo: Bool
        do {
            isDemo = try ShopStore(path: path, access: .readOnly).journal.isDemo()
        } catch {
            throw StoreError(.io, "\(path) exists and is not a demo shop; give the demo another file with --db")
        }
        guard isDemo else {
            throw StoreError(.io, "\(path) holds a real shop, not a demo; give the demo another file with --db")
        }
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
            try fileManager.removeItem(atPath: path + suffix)
        }
    }
}

extension DemoCommand {
    /// The demo's example programmes (docs/subsidised-goods.md): each region and year has
    /// its own HETs and limits, so a real shop sets its own with `tora subsidy set`.
    static let programmes = [
        SubsidyProgramme(code: "LPG3", name: "LPG 3 kg", het: Money(19_000), limit: Quantity(whole: 1), period: .day, nikRequired: true),
        SubsidyProgramme(
            code: "SPHP", name: "Beras SPHP 5 kg", het: Money(62_500), limit: Quantity(whole: 2), period: .day, nikRequired: true),
        SubsidyProgramme(
            code: "MINYAKITA", name: "Minyakita 1 L", het: Money(15_700), limit: Quantity(whole: 4), period: .week, nikRequired: false),
    ]
}
