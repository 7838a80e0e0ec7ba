import ArgumentParser
import ToraStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the shop database (or bring an existing one up to date).",
        discussion: "A new shop gets the default member tier 'anggota' (2% off, 5% off local products) and default settings.")

    @OptionGroup var shop: ShopOptions

    @Option(name: .customLong("shop-name"), help: "The shop's name, printed on receipts.")
    var shopName: String?

    func run() throws {
        try reportingErrors {
            let store = try shop.open(create: true)
            try store.initialize(shopName: shopName, actor: commandLineActor)
            let name = try store.setting(.shopName)
            print("Shop database ready: \(store.path) (\(name))")
        }
    }
}
