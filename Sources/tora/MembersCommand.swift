import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "The cooperative's members: import and export CSV, list, add, show, statements, savings, credit repayments.",
        subcommands: [
            Import.self, Export.self, List.self, Add.self, Show.self, Statement.self, Deposit.self, Withdraw.self, Repay.self,
        ],
        aliases: ["anggota"])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import members from CSV (upsert by number; all rows or none).",
            discussion: """
                Columns (English or Indonesian: nomor, nama, tingkat, telepon, batas_kredit, aktif):
                number required; name for a new member; tier, phone, credit_limit, active optional. \
                A row for an existing member changes only the columns the file has.
                """)
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check the file and report; write nothing.") var dryRun = false

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                let report = try store.members.importMembers(path: file, dryRun: dryRun, actor: actor)
                let verb = report.isDryRun ? "would be" : "were"
                print(
                    "\(file): \(report.created) members \(verb) created, \(report.updated) updated, \(report.unchanged) unchanged\(report.openingBalances > 0 ? ", \(counted(report.openingBalances, "opening savings balance"))" : "")\(report.isDryRun ? " (dry run: nothing written)" : "")"
                )
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every member as CSV (the import format).")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The file to write; standard output when omitted.") var file: String?

        func run() throws {
            try reportingErrors { try writeOutput(try shop.open().members.exportMembers(), to: file) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List members by number.")
        @OptionGroup var shop: ShopOptions
        @Flag(help: "Include inactive members.") var all = false

        func run() throws {
            try reportingErrors {
                let members = try shop.open().members.all(includeInactive: all)
                var table = TextTable([("number", .left), ("name", .left), ("tier", .left), ("phone", .left), ("credit limit", .right)])
                for member in members {
                    table.add([
                        member.number, member.name + (member.isActive ? "" : " (inactive)"), member.tier, member.phone ?? "",
                        member.creditLimit.formatted,
                    ])
                }
                print(table.rendered + counted(members.count, "member"))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add one member.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "Member number, printed on the card.") var number: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Tier name.") var tier = Tier.defaultTier.name
        @Option(help: "Phone number.") var phone: String?
        @Option(name: .customLong("credit-limit"), help: "How much the member may owe the shop.", transform: Money.argument)
        var creditLimit = Money.zero
        @Option(help: "The member's NIK (16 digits of the KTP), naming the buyer of subsidised goods.") var nik: String?

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.members.addMember(
                    Member(number: number, name: name, tier: tier, phone: phone, creditLimit: creditLimit, nik: nik), actor: actor)
                print("added member \(number): \(name) (\(tier))")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one member, with savings balances, credit owed and available and purchases this year.")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The member number.") var number: String

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                guard let standing = try store.members.memberStanding(number: number),
                    let savings = try store.members.savingsBalances(member: number)
                else {
                    throw StoreError(.notFound, "no member with number '\(number)'")
                }
                let member = standing.member
                print(
                    """
                    number            \(member.number)
                    name              \(member.name)
                    tier              \(member.tier)
                    phone             \(member.phone ?? "-")
                    NIK               \(member.nik.map(NIK.mask) ?? "-")
                    active            \(member.isActive ? "yes" : "no")
                    credit limit      \(member.creditLimit.formatted)
                    credit owed       \(standing.credit.owed.formatted)
                    credit available  \(standing.credit.available.formatted)
                    simpanan pokok    \(savings.pokok.formatted)
                    simpanan wajib    \(savings.wajib.formatted)
                    simpanan sukarela \(savings.sukarela.formatted)
                    savings total     \(savings.total.formatted)
                    purchases \(standing.day.prefix(4))    \(standing.purchasesThisYear.formatted)
                    """)
                if let elsewhere = try store.members.otherOutletsSavings(member: member.number) {
                    print(MembersCommand.acrossOutlets(here: savings, elsewhere: elsewhere))
                }
            }
        }
    }

    /// The member's savings at this shop, at the cooperative's other outlets as the last
    /// `tora sync` brought them, and both together (docs/savings.md "Across outlets").
    static func acrossOutlets(here: SavingsBalances, elsewhere: OtherOutletsSavings) -> String {
        func accounts(_ balances: SavingsBalances) -> String {
            SavingsAccount.allCases.map { "\($0.rawValue) \(balances[$0].formatted)" }.joined(separator: ", ")
        }
        var both = SavingsBalances()
        for account in SavingsAccount.allCases { both[account] = Money(here[account].rupiah + elsewhere.balances[account].rupiah) }
        return """
            savings here      \(here.total.formatted) (\(accounts(here)))
            other outlets     \(elsewhere.balances.total.formatted) (\(accounts(elsewhere.balances))), as of \(elsewhere.asOfLocal)
            all outlets       \(both.total.formatted) (\(accounts(both)))
            """
    }
}

extension MembersCommand {
    struct Repay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a member's repayment of credit (kasbon) taken in the back office; journaled.",
            discussion: "At a till, `bayar-kasbon <member> <amount> [cash|qris|debit]` does the same with a slip and counts in the drawer.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The member number.") var member: String
        @Argument(help: "The amount repaid, e.g. 50.000.", transform: Money.argument) var amount: Money
        @Option(help: "cash, qris or debit.") var method = "cash"

        func validate() throws {
            guard let parsed = TenderMethod.parse(method), parsed != .credit else {
                throw ValidationError("--method '\(method)' is not cash, qris or debit")
            }
        }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .supervisor)
                let repayment = try store.members.repayCredit(
                    member: member, amount: amount, method: TenderMethod.parse(method) ?? .cash, context: nil, actor: actor)
                print(
                    "member \(repayment.member.number) repaid \(repayment.amount.formatted) (\(repayment.method.rawValue)); still owed \(repayment.position.owed.formatted), available \(repayment.position.available.formatted)"
                )
            }
        }
    }
}

struct TiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract: "Member tiers and their discounts.",
        subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tiers.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingErrors {
                var table = TextTable([("tier", .left), ("discount %", .right), ("local discount %", .right)])
                for tier in try shop.open().members.tiers() {
                    table.add([tier.name, String(tier.discountPct), String(tier.localDiscountPct)])
                }
                print(table.rendered, terminator: "")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or change a tier.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Tier name.") var name: String
        @Option(name: .customLong("discount-pct"), help: "Whole percent off discountable non-local products.") var discountPct: String
        @Option(name: .customLong("local-discount-pct"), help: "Whole percent off discountable local products.") var localDiscountPct:
            String

        func run() throws {
            try reportingErrors {
                let tier = Tier(
                    name: name, discountPct: try Tier.parsePercent(discountPct, field: "discount-pct"),
                    localDiscountPct: try Tier.parsePercent(localDiscountPct, field: "local-discount-pct"))
                let (store, actor) = try signIn.open(shop, as: .manager)
                try store.members.setTier(tier, actor: actor)
                print("tier \(tier.name): \(tier.discountPct)% off, \(tier.localDiscountPct)% off local products")
            }
        }
    }
}
