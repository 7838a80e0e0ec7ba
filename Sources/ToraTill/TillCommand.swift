import ToraCore

/// One line typed (or scanned) at the till, understood (SPEC §6). English and Indonesian
/// words both work, in any case.
public enum TillCommand: Sendable, Hashable {
    /// A barcode, sku, scale label or member card; `quantity` as typed before `*` or `x`.
    case add(code: String, quantity: String?)
    /// `#n`: add result `n` of the last search.
    case pick(result: Int, quantity: String?)
    case search(String)
    case member(String)
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
    case close
    case help
    case quit
    case empty
    /// Words that look like a command but are not right; `reason` says what is expected.
    case invalid(reason: String)
}

/// Reads till lines into `TillCommand`s. Pure: no database, no screen.
public enum TillParser {
    public static func parse(_ raw: String) -> TillCommand {
        let line = raw.trimmingSpaces()
        guard !line.isEmpty else { return .empty }
        if line == "?" { return .help }
        if line.hasPrefix("?") { return .search(String(line.dropFirst()).trimmingSpaces()) }
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let head = words[0].lowercased()
        let rest = Array(words.dropFirst())

        func lineNumber(_ text: String) -> Int? {
            guard let value = Int(text), value > 0, value < 100_000 else { return nil }
            return value
        }

        switch head {
        case "total", "subtotal", "jumlah":
            return rest.isEmpty ? .total : .invalid(reason: "total takes nothing after it")
        case "member", "anggota":
            return rest.count == 1 ? .member(rest[0]) : .invalid(reason: "write: member <number>")
        case "void", "batal":
            guard rest.count == 1, let number = lineNumber(rest[0]) else { return .invalid(reason: "write: void <line number>") }
            return .void(line: number)
        case "qty", "jml":
            guard rest.count == 2, let number = lineNumber(rest[0]) else { return .invalid(reason: "write: qty <line> <quantity>") }
            return .quantity(line: number, quantity: rest[1])
        case "disc", "diskon":
            guard rest.count == 2, let number = lineNumber(rest[0]) else {
                return .invalid(reason: "write: disc <line> <percent>% or disc <line> <amount>")
            }
            return .discount(line: number, value: rest[1])
        case "price", "harga":
            guard rest.count == 2, let number = lineNumber(rest[0]) else { return .invalid(reason: "write: price <line> <amount>") }
            return .price(line: number, amount: rest[1])
        case "pay", "bayar":
            return parsePay(rest)
        case "park", "simpan", "tunda":
            return rest.isEmpty ? .park : .invalid(reason: "park takes nothing after it")
        case "resume", "lanjut":
            if rest.isEmpty { return .resume(nil) }
            guard rest.count == 1, let number = lineNumber(rest[0]) else { return .invalid(reason: "write: resume or resume <number>") }
            return .resume(number)
        case "cancel", "batalkan":
            return rest.isEmpty ? .cancel : .invalid(reason: "cancel takes nothing after it")
        case "refund", "retur":
            return rest.count == 1 ? .refund(receipt: rest[0].uppercased()) : .invalid(reason: "write: refund <receipt number>")
        case "reprint", "cetak":
            if rest.isEmpty { return .reprint(receipt: nil) }
            return rest.count == 1
                ? .reprint(receipt: rest[0].uppercased()) : .invalid(reason: "write: reprint or reprint <receipt number>")
        case "drawer", "laci":
            return rest.isEmpty ? .drawer : .invalid(reason: "drawer takes nothing after it")
        case "x":
            if rest.isEmpty { return .shiftReport }
        case "bayar-kasbon", "kasbon", "repay":
            guard rest.count == 2 || rest.count == 3 else {
                return .invalid(reason: "write: bayar-kasbon <member> <amount> [cash|qris|debit]")
            }
            guard let method = rest.count == 3 ? TenderMethod.parse(rest[2]) : .cash, method != .credit else {
                return .invalid(reason: "a repayment is paid in cash, qris or debit")
            }
            return .repay(member: rest[0], amount: rest[1], method: method)
        case "close", "tutup":
            return rest.isEmpty ? .close : .invalid(reason: "close takes nothing after it")
        case "help", "bantuan":
            return .help
        case "quit", "keluar", "exit":
            return .quit
        default:
            break
        }
        // Quantities: `3*code`, `3 * code`, `3 x code`, `1,5*code`, `2*#4`.
        if let star = line.firstIndex(of: "*") {
            let quantity = String(line[..<star]).trimmingSpaces()
            let code = String(line[line.index(after: star)...]).trimmingSpaces()
            guard !quantity.isEmpty, !code.isEmpty, !code.contains(" ") else { return .invalid(reason: "write: <quantity>*<code>") }
            return addition(code: code, quantity: quantity)
        }
        if words.count == 3, words[1].lowercased() == "x" {
            return addition(code: words[2], quantity: words[0])
        }
        guard words.count == 1 else { return .invalid(reason: "unknown command '\(words[0])'") }
        return addition(code: words[0], quantity: nil)
    }

    static func addition(code: String, quantity: String?) -> TillCommand {
        if code.hasPrefix("#") {
            guard let number = Int(code.dropFirst()), number > 0 else { return .invalid(reason: "write: #<result number>") }
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
            default: return .invalid(reason: "write: pay <method> <amount>")
            }
        }
        guard rest.count == 1 else { return .invalid(reason: "write: pay <amount>, pay qris <amount>, pay debit <amount> or pay credit") }
        return .pay(method: .cash, amount: first)
    }
}
