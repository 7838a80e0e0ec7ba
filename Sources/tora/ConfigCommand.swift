import ArgumentParser
import ToraCommandLine
import ToraReports
import ToraStore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Read and change the shop's settings (kept in the database).",
        subcommands: [Get.self, Set.self, List.self])

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one setting's value.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The setting, e.g. shop.name.") var key: String

        func run() throws {
            try reportingErrors {
                guard let setting = SettingKey.named(key) else {
                    throw StoreError(.invalidInput, "'\(key)' is not a setting; see `tora config list`")
                }
                print(try shop.open().setting(setting))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change one setting; the change is journaled.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The setting, e.g. cash.rounding.") var key: String
        // Taken as typed even when it looks like an option (`-5`), so the setting itself
        // can say why a negative value is refused.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Its new value.", valueName: "value")) var values: [String] = []

        func validate() throws {
            let values = typedValues(values)
            guard values.count == 1 else {
                throw ValidationError(values.isEmpty ? "give the new value after the key" : "give one value (quote it if it has spaces)")
            }
        }

        /// The one value; a `--` before it (`set tax.ppn_rate -- -5`) is allowed and dropped.
        var value: String { typedValues(values).first ?? "" }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let stored = try store.setSetting(key, to: value, actor: actor)
                print("\(key.lowercased()) = \(stored)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every setting with its value.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingErrors {
                var table = TextTable([("key", .left), ("value", .left), ("", .left), ("meaning", .left)])
                for entry in try shop.open().allSettings() {
                    table.add([entry.key.name, entry.value, entry.isDefault ? "(default)" : "", entry.key.help])
                }
                print(table.rendered, terminator: "")
            }
        }
    }
}
