import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraReports
import ToraStore

struct ShiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Cashiers' shifts: list them; close a register's open shift (supervisor or manager).",
        subcommands: [List.self, Close.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List shifts, newest first.")
        @OptionGroup var shop: ShopOptions
        @Flag(help: "Only shifts still open.") var open = false

        func run() throws {
            try reportingErrors {
                let store = try shop.open()
                let today = try store.today()
                let shifts = try store.shifts.all(openOnly: open)
                var table = TextTable([
                    ("shift", .right), ("register", .left), ("cashier", .left), ("business day", .left), ("opened", .left),
                    ("closed", .left), ("float", .right), ("expected", .right), ("counted", .right), ("over/short", .right),
                ])
                for summary in shifts {
                    let shift = summary.shift
                    let state =
                        shift.closedAt.map { store.localTime($0) }
                        ?? (shift.businessDay < today ? "OPEN since an earlier day" : "open")
                    table.add([
                        String(shift.id), shift.register, shift.cashier, shift.businessDay, store.localTime(shift.openedAt), state,
                        shift.openingFloat.formatted, summary.expected.formatted, shift.countedCash?.formatted ?? "",
                        summary.overShort?.formatted ?? "",
                    ])
                }
                print(table.rendered + counted(shifts.count, open ? "open shift" : "shift"))
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a register's open shift with the cash counted in its drawer (supervisor or manager; journaled).",
            discussion: "Open or parked sales of the register are listed and stay parked for the next shift.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "The register, two digits.") var register: String
        @Option(help: "The cash counted in the drawer, e.g. 148.500.", transform: Money.argument) var counted: Money
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            try reportingErrors {
                let (store, actor) = try signIn.open(shop, as: .supervisor)
                let closing = try store.shifts.closeShift(register: try RegisterID.argument(register), counted: counted, actor: actor)
                let shift = closing.shift
                print(
                    "closed shift \(shift.id) of register \(shift.register) (\(shift.cashier), business day \(shift.businessDay)) by \(actor)"
                )
                print(
                    "expected \(closing.cash.expected.formatted), counted \(closing.counted.formatted), over/short \(closing.overShort.formatted)"
                )
                for waiting in closing.waitingSales where !waiting.sale.lines.isEmpty {
                    print("still waiting: sale \(waiting.id) (\(waiting.state.rawValue), \(waiting.sale.activeLines.count) lines)")
                }
            }
        }
    }
}
