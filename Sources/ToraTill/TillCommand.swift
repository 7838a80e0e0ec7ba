import ToraCore

/// One line typed (or scanned) at the till, understood (docs/till-grammar.md). English and Indonesian
/// words both work, in any case.
public enum TillCommand: Sendable, Hashable {
    /// A barcode, sku, scale label or member card; `quantity` as typed before `*` or `x`.
    case add(code: String, quantity: String?)
    /// `#n`: add result `n` of the last search.
    case pick(result: Int, quantity: String?)
    case search(String)
    case member(String)
    /// `nik <16 digits>`: names the buyer of subsidised goods.
    case nik(String)
    case void(line: Int)
    case quantity(line: Int, quantity: String)
    case discount(line: Int, value: String)
    case price(line: Int, amount: String)
    case total
    /// `pay 50000` is cash; `pay cash` with no amount is exact cash.
    case pay(method: TenderMethod, amount: String?)
    case park
    case resume(Int?)
    case cancel
    case refund(receipt: String)
    case reprint(receipt: String?)
    case drawer
    case shiftReport
    /// `bayar-kasbon <member> <amount> [cash|qris|debit]`: a member repays credit.
    case repay(member: String, amount: String, method: TenderMethod)
    /// `simpan <member> <account> <amount>`: a savings deposit in cash (`simpan` alone parks).
    case deposit(member: String, account: SavingsAccount, amount: String)
    /// `tarik <member> sukarela <amount>`: a savings withdrawal in cash (supervisor).
    case withdraw(member: String, account: SavingsAccount, amount: String)
    /// `tabung [amount]`: the last sale's change (or part of it) into the member's sukarela.
    case saveChange(amount: String?)
    case close
    case help
    case quit
    case empty
    /// Words that look like a command but are not right: `usage` names what is expected,
    /// as the key `usage.<usage>` of the till's translations (`qty`: "write: qty <line> <quantity>").
    case invalid(usage: String)
    /// Several words that start with no command the till knows.
    case unknownCommand(String)
}

/// Reads till lines into `TillCommand`s. Pure: no database, no screen.
public enum TillParser {
    public static func parse(_ raw: String) -> TillCommand {
        let line = raw.trimmingSpaces()
        guard !line.isEmpty else { return .empty }
        if line == "?" { return .help }
        if line.hasPrefix("?") { return .search(String(line.dropFirst()).trimmingSpaces()) }
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let command = keyword(words[0].lowercased(), Array(words.dropFirst())) { return command }
        // Quantities: `3*code`, `3 * code`, `3 x code`, `1,5*code`, `2*#4`.
        if let star = line.firstIndex(of: "*") {
            let quantity = String(line[..<star]).trimmingSpaces()
            let code = String(line[line.index(after: star)...]).trimmingSpaces()
            guard !quantity.isEmpty, !code.isEmpty, !code.contains(" ") else { return .invalid(usage: "quantity_code") }
            return addition(code: code, quantity: quantity)
        }
        if words.count == 3, words[1].lowercased() == "x" {
            return addition(code: words[2], quantity: words[0])
        }
        guard words.count == 1 else { return .unknownCommand(words[0]) }
        return addition(code: words[0], quantity: nil)
    }

    /// A line number as the till takes it: 1 to 99 999.
    static func lineNumber(_ text: String) -> Int? {
        guard let value = Int(text), value > 0, value < 100_000 else { return nil }
        return value
    }

    /// The command a line starting with the word `head` is, nil when `head` is no command
    /// word (then the line is a product code). Over 60 lines on purpose: one case per
    /// command word, the till grammar's table (docs/till-grammar.md) read top to bottom.
    static func keyword(_ head: String, _ rest: [String]) -> TillCommand? {
        switch head {
        case "total", "subtotal", "jumlah":
            return rest.isEmpty ? .total : .invalid(usage: "total")
        case "member", "anggota":
            return rest.count == 1 ? .member(rest[0]) : .invalid(usage: "member")
        case "nik", "ktp":
            return rest.isEmpty ? .invalid(usage: "nik") : .nik(rest.joined())
        case "void", "batal":
            guard rest.count == 1, let number = lineNumber(rest[0]) else { return .invalid(usage: "void") }
            return .void(line: number)
        case "qty", "jml":
            guard rest.count == 2, let number = lineNumber(rest[0]) else { return .invalid(usage: "qty") }
            return .quantity(line: number, quantity: rest[1])
        case "disc", "diskon":
            guard rest.count == 2, let number = lineNumber(rest[0]) else {
                return .invalid(usage: "disc")
            }
            return .discount(line: number, value: rest[1])
        case "price", "harga":
            guard rest.count == 2, let number = lineNumber(rest[0]) else { return .invalid(usage: "price") }
            return .price(line: number, amount: rest[1])
        case "pay", "bayar":
            return parsePay(rest)
        case "park", "tunda":
            return rest.isEmpty ? .park : .invalid(usage: "park")
        case "simpan", "setor", "deposit":
            // `simpan` alone parks the sale (as it always did); with a member, an account
            // and an amount it is a savings deposit. Nothing in between is guessed.
            if rest.isEmpty { return head == "simpan" ? .park : .invalid(usage: "deposit") }
            guard rest.count == 3 else { return .invalid(usage: "deposit") }
            guard let account = SavingsAccount.parse(rest[1]) else { return .invalid(usage: "savings_account") }
            return .deposit(member: rest[0], account: account, amount: rest[2])
        case "tarik", "withdraw":
            guard rest.count == 3 else { return .invalid(usage: "withdraw") }
            guard let account = SavingsAccount.parse(rest[1]) else { return .invalid(usage: "savings_account") }
            return .withdraw(member: rest[0], account: account, amount: rest[2])
        case "tabung", "save-change":
            if rest.isEmpty { return .saveChange(amount: nil) }
            return rest.count == 1 ? .saveChange(amount: rest[0]) : .invalid(usage: "tabung")
        case "resume", "lanjut":
            if rest.isEmpty { return .resume(nil) }
            guard rest.count == 1, let number = lineNumber(rest[0]) else { return .invalid(usage: "resume") }
            return .resume(number)
        case "cancel", "batalkan":
            return rest.isEmpty ? .cancel : .invalid(usage: "cancel")
        case "refund", "retur":
            return rest.count == 1 ? .refund(receipt: rest[0].uppercased()) : .invalid(usage: "refund")
        case "reprint", "cetak":
            if rest.isEmpty { return .reprint(receipt: nil) }
            return rest.count == 1
                ? .reprint(receipt: rest[0].uppercased()) : .invalid(usage: "reprint")
        case "drawer", "laci":
            return rest.isEmpty ? .drawer : .invalid(usage: "drawer")
        case "x":
            if rest.isEmpty { return .shiftReport }
        case "bayar-kasbon", "kasbon", "repay":
            guard rest.count == 2 || rest.count == 3 else { return .invalid(usage: "repay") }
            guard let method = rest.count == 3 ? TenderMethod.parse(rest[2]) : .cash, method != .credit else {
                return .invalid(usage: "repay_method")
            }
            return .repay(member: rest[0], amount: rest[1], method: method)
        case "close", "tutup":
            return rest.isEmpty ? .close : .invalid(usage: "close")
        case "help", "bantuan":
            return .help
        case "quit", "keluar", "exit":
            return .quit
        default:
            return nil
        }
        return nil
    }

    static func addition(code: String, quantity: String?) -> TillCommand {
        if code.hasPrefix("#") {
            guard let number = Int(code.dropFirst()), number > 0 else { return .invalid(usage: "pick") }
            return .pick(result: number, quantity: quantity)
        }
        return .add(code: code, quantity: quantity)
    }

    static func parsePay(_ rest: [String]) -> TillCommand {
        guard let first = rest.first else { return .pay(method: .cash, amount: nil) }
        if let method = TenderMethod.parse(first) {
            switch rest.count {
            case 1: return .pay(method: method, amount: nil)
            case 2: return .pay(method: method, amount: rest[1])
            default: return .invalid(usage: "pay_method")
            }
        }
        guard rest.count == 1 else { return .invalid(usage: "pay") }
        return .pay(method: .cash, amount: first)
    }
}
