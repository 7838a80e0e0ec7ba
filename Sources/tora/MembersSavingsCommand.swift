import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraPrint
import ToraReports
import ToraStore

extension SavingsAccount: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension MembersCommand {
    struct Deposit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a savings deposit (simpanan pokok, wajib or sukarela) in the back office; journaled.",
            discussion: "At a till, `simpan <member> <account> <amount>` does the same with a slip and counts in the drawer.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The member number.") var member: String
        @Argument(help: "pokok, wajib or sukarela.") var account: SavingsAccount
        @Argument(help: "The amount, e.g. 50.000.", transform: Money.argument) var amount: Money
        @Option(help: "cash, qris or debit.") var method = "cash"

        func validate() throws { _ = try savingsMethod(method) }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .cashier)
                let movement = try store.members.moveSavings(
                    SavingsRequest(
                        member: member, account: account, amount: amount, direction: .deposit, method: try savingsMethod(method)),
                    context: nil, actor: actor)
                print(
                    "member \(movement.member.number) deposited \(amount.formatted) into simpanan \(account.rawValue); balance \(movement.balances[account].formatted)"
                )
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Pay out savings in the back office; journaled. Sukarela any time (supervisor); pokok and wajib only with --closing (manager).",
            discussion: "Never below the balance. At a till, `tarik <member> sukarela <amount>` (supervisor) pays sukarela with a slip.")
        @OptionGroup var shop: ShopOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The member number.") var member: String
        @Argument(help: "pokok, wajib or sukarela.") var account: SavingsAccount
        @Argument(help: "The amount, e.g. 50.000.", transform: Money.argument) var amount: Money
        @Option(help: "cash, qris or debit.") var method = "cash"
        @Flag(help: "Membership ends: pays out pokok and wajib (manager).") var closing = false

        func validate() throws { _ = try savingsMethod(method) }

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: closing ? .manager : .supervisor)
                let movement = try store.members.moveSavings(
                    SavingsRequest(
                        member: member, account: account, amount: amount, direction: .withdrawal, method: try savingsMethod(method),
                        note: closing ? .closing : nil),
                    context: nil, actor: actor)
                print(
                    "member \(movement.member.number) withdrew \(amount.formatted) from simpanan \(account.rawValue); balance \(movement.balances[account].formatted)"
                )
            }
        }
    }

    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A member's statement: every sale, savings and credit movement with running balances.",
            discussion: "--format html writes one self-contained page; --print prints it on the receipt printer (58 or 80 mm).")
        @OptionGroup var shop: ShopOptions
        @Argument(help: "The member number.") var member: String
        @Option(help: "First business day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last business day, YYYY-MM-DD.") var to: String?
        @Option(help: "text, json, csv or html.") var format = ReportFormat.text
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Also print it on the receipt printer (printer.queue; the outbox when none is set).") var print = false

        func validate() throws {
            for day in [from, to].compactMap({ $0 }) where !DayReportText.isDay(day) {
                throw ValidationError("--from and --to take YYYY-MM-DD, like 2026-11-29")
            }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        }

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                guard
                    let result = try store.members.memberStatement(
                        number: member, from: try from.map { try BusinessDay.argument($0, option: "--from") },
                        to: try to.map { try BusinessDay.argument($0, option: "--to") })
                else {
                    throw StoreError(.notFound, "no member with number '\(member)'")
                }
                let (found, statement) = result
                // Today's balances at the other outlets belong to a statement that runs to today.
                let elsewhere = to == nil ? try store.members.otherOutletsSavings(member: found.number) : nil
                if print {
                    let service = try ReceiptPrinting.service(for: store)
                    let lines = MemberReports.statementPaper(
                        found, statement, shopName: try store.setting(.shopName), columns: service.paper.columns, elsewhere: elsewhere)
                    let document = ReceiptDocument(columns: service.paper.columns, blocks: lines.map { .line(PrintedLine($0)) } + [.cut])
                    let outcome = service.deliver(
                        RenderedReceipt(name: "statement-\(found.number)", document: document, codePage: service.codePage))
                    if let failure = outcome.failure {
                        printError("the statement was not printed: \(failure.message); it waits in the outbox (tora printer retry)")
                        if service.queue != nil { throw ExitCode(failure.exitCode) }
                    }
                }
                let table = MemberReports.statement(found, statement, from: from, to: to, elsewhere: elsewhere)
                try writeOutput(table.render(format, shopName: format == .html ? try store.setting(.shopName) : ""), to: output)
            }
        }
    }
}

/// `--method` of a savings movement: cash, qris or debit.
func savingsMethod(_ text: String) throws -> TenderMethod {
    guard let method = TenderMethod.parse(text), method != .credit else {
        throw ValidationError("--method '\(text)' is not cash, qris or debit")
    }
    return method
}
