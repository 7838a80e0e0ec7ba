import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

/// `tora subsidy set|list`: government programmes (docs/subsidised-goods.md).
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "Subsidised goods: programmes with a ceiling price (HET) and a limit per buyer.",
        subcommands: [Set.self, List.self],
        aliases: ["subsidi"])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or change a programme (manager; journaled).",
            discussion: """
                Example: tora subsidy set SPHP --name "Beras SPHP" --het 12.500 --limit 10 --per day --nik-required
                The limit counts in the products' own unit (kg for rice sold by weight, pcs for LPG tubes), \
                per buyer (NIK) and calendar day, ISO week or calendar month of the business day.
                """)
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The programme's code (letters, digits, - or _).") var code: String
        @Option(help: "The programme's name.") var name: String
        @Option(parsing: .unconditional, help: "Ceiling retail price (HET) per unit, e.g. 12.500.") var het: String
        @Option(parsing: .unconditional, help: "Units per buyer per period, e.g. 2 or 10 (kg: 2,5).") var limit: String
        @Option(help: "day, week or month.") var per: String
        @Flag(name: .customLong("nik-required"), help: "A line of this programme needs the buyer's NIK.") var nikRequired = false

        func run() throws {
            try reportingErrors {
                let programme = SubsidyProgramme(
                    code: code.uppercased(), name: name.trimmingSpaces(), het: try Money.parse(het, field: "het"),
                    limit: try Quantity.parse(limit, unit: .kg, purpose: .level, field: "limit"), period: try SubsidyPeriod.parse(per),
                    nikRequired: nikRequired)
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.subsidy.setProgramme(programme, actor: actor)
                print(
                    "programme \(programme.code): \(programme.name), HET \(programme.het.formatted), limit \(programme.limit.formatted(.kg)) per \(programme.period.rawValue)\(nikRequired ? ", NIK required" : "")"
                )
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the programmes.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingErrors {
                let programmes = try shop.open().subsidy.programmes()
                var table = TextTable([
                    ("code", .left), ("name", .left), ("HET", .right), ("limit", .right), ("per", .left), ("NIK", .left),
                ])
                for p in programmes {
                    table.add([
                        p.code, p.name, p.het.formatted, p.limit.formatted(.kg), p.period.rawValue, p.nikRequired ? "required" : "",
                    ])
                }
                print(table.rendered + counted(programmes.count, "programme"))
            }
        }
    }
}

extension ReportCommand {
    struct Subsidy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subsidised sales of a programme: each sale, totals per buyer and per day, for the distributor.",
            discussion: """
                The NIK is masked (3201********0001). --full-nik shows it in full and needs a manager's sign-in; \
                that reading is journaled.
                """)
        @OptionGroup var shop: ShopOptions
        @Option(help: "The programme's code.") var programme: String
        @OptionGroup var period: Period
        @OptionGroup var out: Output
        @Flag(name: .customLong("full-nik"), help: "Show the full NIK (manager's sign-in).") var fullNIK = false
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            try reportingErrors {
                let store: ShopStore
                if fullNIK {
                    let (signed, actor) = try signIn.open(shop, as: .manager)
                    try signed.journal.recordEvent(
                        kind: .subsidyFullNIKRead, actor: actor,
                        payload: ["programme": .string(programme.uppercased()), "from": .string(period.from), "to": .string(period.to)])
                    store = signed
                } else {
                    store = try shop.open()
                }
                guard let found = try store.subsidy.programme(code: programme) else {
                    throw StoreError(.notFound, "no subsidy programme '\(programme)'; see `tora subsidy list`")
                }
                let rows = try store.subsidy.subsidySales(programme: found.code, from: try period.firstDay(), to: try period.lastDay())
                let report = SubsidyReport(programme: found, sales: rows, from: period.from, to: period.to, fullNIK: fullNIK)
                try out.write(report.render(out.format, shopName: out.format == .html ? try store.setting(.shopName) : ""))
            }
        }
    }
}
