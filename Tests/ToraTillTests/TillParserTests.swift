import Testing
import ToraCore
import ToraTill

@Suite("till line parser")
struct TillParserTests {
    @Test(
        "scanner lines and quantities",
        arguments: [
            ("8991002101012", TillCommand.add(code: "8991002101012", quantity: nil)),
            ("3*8991002101012", .add(code: "8991002101012", quantity: "3")),
            ("1,255 * TLR-RAS", .add(code: "TLR-RAS", quantity: "1,255")),
            ("2 x KOPI-KPA", .add(code: "KOPI-KPA", quantity: "2")),
            ("2 X KOPI-KPA", .add(code: "KOPI-KPA", quantity: "2")),
            ("#3", .pick(result: 3, quantity: nil)),
            ("2*#3", .pick(result: 3, quantity: "2")),
            ("  ?gula aren ", .search("gula aren")),
        ])
    func additions(line: String, expected: TillCommand) {
        #expect(TillParser.parse(line) == expected)
    }

    @Test(
        "commands in English and Indonesian, any case",
        arguments: [
            ("member KDMP-1", TillCommand.member("KDMP-1")), ("ANGGOTA KDMP-1", .member("KDMP-1")), ("void 2", .void(line: 2)),
            ("batal 2", .void(line: 2)), ("qty 1 3", .quantity(line: 1, quantity: "3")), ("disc 1 10%", .discount(line: 1, value: "10%")),
            ("diskon 1 5.000", .discount(line: 1, value: "5.000")), ("price 2 12000", .price(line: 2, amount: "12000")), ("total", .total),
            ("pay", .pay(method: .cash, amount: nil)), ("pay 50000", .pay(method: .cash, amount: "50000")),
            ("bayar tunai 50.000", .pay(method: .cash, amount: "50.000")), ("pay qris 20000", .pay(method: .qris, amount: "20000")),
            ("pay debit", .pay(method: .debit, amount: nil)), ("pay credit", .pay(method: .credit, amount: nil)),
            ("bayar kredit", .pay(method: .credit, amount: nil)), ("park", .park), ("resume", .resume(nil)), ("resume 4", .resume(4)),
            ("cancel", .cancel), ("refund 01-20261129-0001", .refund(receipt: "01-20261129-0001")),
            ("retur 01-20261129-0001", .refund(receipt: "01-20261129-0001")), ("reprint", .reprint(receipt: nil)),
            ("cetak 01-20261129-0002", .reprint(receipt: "01-20261129-0002")), ("drawer", .drawer), ("x", .shiftReport), ("close", .close),
            ("tutup", .close), ("help", .help), ("?", .help), ("quit", .quit), ("keluar", .quit), ("", .empty),
        ])
    func commands(line: String, expected: TillCommand) {
        #expect(TillParser.parse(line) == expected)
    }

    @Test(
        "malformed commands say what is expected",
        arguments: ["void", "void two", "qty 1", "disc 1", "pay qris 1 2", "two words", "3*", "*3", "#x"])
    func malformed(line: String) {
        switch TillParser.parse(line) {
        case .invalid(let usage): #expect(!usage.contains(" "), "'\(usage)' is a key of the translations, not a sentence")
        case .unknownCommand(let word): #expect(word == "two")
        default: Issue.record("'\(line)' should be refused")
        }
    }
}

@Suite("till line parser: credit repayment")
struct RepayParserTests {
    @Test(
        "bayar-kasbon, kasbon and repay take a member, an amount and cash (default), qris or debit",
        arguments: [
            ("bayar-kasbon M1 50.000", TillCommand.repay(member: "M1", amount: "50.000", method: .cash)),
            ("BAYAR-KASBON M1 20000 qris", .repay(member: "M1", amount: "20000", method: .qris)),
            ("kasbon M1 5000 tunai", .repay(member: "M1", amount: "5000", method: .cash)),
            ("repay M1 5000 debit", .repay(member: "M1", amount: "5000", method: .debit)),
            ("repay M1 5000 credit", .invalid(usage: "repay_method")),
            ("repay M1", .invalid(usage: "repay")),
        ])
    func repay(line: String, expected: TillCommand) {
        #expect(TillParser.parse(line) == expected)
    }
}
