import Foundation
import Testing
import ToraCore
import ToraPrint
import ToraResources
import ToraStore
import ToraTestSupport
import ToraTill

/// One way the till refuses or reports a problem: the lines typed (after the standard
/// login, unless `start` says otherwise) and the translation key the answer to the last
/// line must show. Add a row for every new error path of the till.
struct TillErrorPath: Sendable, CustomTestStringConvertible {
    enum Start: Sendable { case selling, loginPrompt }
    /// What the shop or the printer does before the lines are typed.
    enum Setup: Sendable { case none, shiftOpenByAnother, salesRefused, cupsDown, cupsAndOutboxDown, subsidy }

    let name: String
    let lines: [String]
    let key: String
    var start = Start.selling
    var setup = Setup.none

    init(_ name: String, _ lines: [String], _ key: String, start: Start = .selling, setup: Setup = .none) {
        self.name = name
        self.lines = lines
        self.key = key
        self.start = start
        self.setup = setup
    }

    var testDescription: String { name }
}

/// Every error path of the till, each run in `id` and in `en`.
enum TillErrorPaths {
    static let override = ["02", "2345"]
    static let soldAndRefunded =
        ["KOPI-KPA", "pay", "refund 01-20261129-0001", "02", "2345", "1", "pay", "refund 01-20261129-0002"] + override

    static let all: [TillErrorPath] = [
        // Signing in and opening the shift
        TillErrorPath("unknown user", ["zz", "1111"], "login.failed", start: .loginPrompt),
        TillErrorPath("wrong PIN", ["01", "9999"], "login.failed", start: .loginPrompt),
        TillErrorPath(
            "locked after five wrong PINs, told only with the right PIN",
            Array(repeating: ["01", "9999"], count: 5).flatMap { $0 } + ["01", "1234"], "login.locked",
            start: .loginPrompt),
        TillErrorPath("another cashier's shift", ["01", "1234"], "login.shift_of_other", start: .loginPrompt, setup: .shiftOpenByAnother),
        TillErrorPath("float not an amount", ["01", "1234", "banyak"], "error.invalid_amount", start: .loginPrompt),
        TillErrorPath("negative float", ["01", "1234", "-5000"], "error.negative_amount", start: .loginPrompt),
        // Words the till does not understand
        TillErrorPath("unknown command", ["foo bar"], "error.unknown_command"),
        TillErrorPath("total with words", ["total now"], "usage.total"),
        TillErrorPath("member without number", ["member"], "usage.member"),
        TillErrorPath("void without line", ["void x"], "usage.void"),
        TillErrorPath("qty without quantity", ["qty 1"], "usage.qty"),
        TillErrorPath("disc without value", ["disc 1"], "usage.disc"),
        TillErrorPath("price without amount", ["price 1"], "usage.price"),
        TillErrorPath("pay with two amounts", ["pay 1 2"], "usage.pay"),
        TillErrorPath("pay method with two amounts", ["pay qris 1 2"], "usage.pay_method"),
        TillErrorPath("park with words", ["park now"], "usage.park"),
        TillErrorPath("resume with a word", ["resume x"], "usage.resume"),
        TillErrorPath("cancel with words", ["cancel now"], "usage.cancel"),
        TillErrorPath("refund without receipt", ["refund"], "usage.refund"),
        TillErrorPath("reprint with two words", ["reprint a b"], "usage.reprint"),
        TillErrorPath("drawer with words", ["drawer now"], "usage.drawer"),
        TillErrorPath("close with words", ["close now"], "usage.close"),
        TillErrorPath("quantity without code", ["3*"], "usage.quantity_code"),
        TillErrorPath("pick without number", ["#x"], "usage.pick"),
        // Scanning
        TillErrorPath("unknown code", ["999999"], "error.unknown_code"),
        TillErrorPath("bad check digit", ["8991002101013"], "error.bad_check_digit"),
        TillErrorPath("weighed product without weight", ["TLR-RAS"], "error.needs_weight"),
        TillErrorPath("unknown PLU", ["2099999010006"], "error.unknown_plu"),
        TillErrorPath("scale label with a quantity", ["2*2000016015003"], "error.label_has_quantity"),
        TillErrorPath("quantity not a number", ["abc*KOPI-KPA"], "error.invalid_quantity"),
        TillErrorPath("part of a piece", ["1,5*KOPI-KPA"], "error.whole_quantity_required"),
        TillErrorPath("too many pieces", ["10000*KOPI-KPA"], "error.quantity_out_of_range"),
        TillErrorPath("search without hits", ["?zzqq"], "search.none"),
        TillErrorPath("pick without search", ["#5"], "search.no_result"),
        TillErrorPath("unknown member", ["member X9"], "error.unknown_member"),
        // Changing lines
        TillErrorPath("void a missing line", ["void 9"], "error.line_not_found"),
        TillErrorPath("void twice", ["KOPI-KPA", "void 1", "void 1"], "error.line_voided"),
        TillErrorPath("qty of a missing line", ["qty 5 2"], "error.line_not_found"),
        TillErrorPath("qty of a priced label", ["2200016150005", "qty 1 2"], "error.fixed_amount_line"),
        TillErrorPath("change after a payment", ["KOPI-KPA", "pay qris 10000", "void 1"], "error.sale_has_payments"),
        TillErrorPath("discount needs a supervisor", ["KOPI-KPA", "disc 1 10%"], "override.needed"),
        TillErrorPath("a cashier is no supervisor", ["KOPI-KPA", "disc 1 10%", "01", "1234"], "override.not_supervisor"),
        TillErrorPath("supervisor's wrong PIN", ["KOPI-KPA", "disc 1 10%", "02", "9999"], "login.failed"),
        TillErrorPath("discount above the line", ["KOPI-KPA", "disc 1 20000"], "error.discount_exceeds_line"),
        TillErrorPath("percent above 100", ["KOPI-KPA", "disc 1 150%"], "error.invalid_percent"),
        TillErrorPath("discount on a product without", ["MINYAKITA", "disc 1 10%"], "error.not_discountable"),
        // Paying
        TillErrorPath("pay an empty sale", ["pay 1000"], "error.empty_sale"),
        TillErrorPath("pay words", ["KOPI-KPA", "pay banyak"], "error.invalid_amount"),
        TillErrorPath("pay with a decimal comma", ["KOPI-KPA", "pay 12,5"], "error.decimal_money"),
        TillErrorPath("pay above the limit", ["KOPI-KPA", "pay 99999999999999"], "error.amount_too_large"),
        TillErrorPath("pay nothing", ["KOPI-KPA", "pay 0"], "error.zero_tender"),
        TillErrorPath("QRIS above the due", ["KOPI-KPA", "pay qris 20000"], "error.tender_exceeds_due"),
        TillErrorPath("credit without member", ["KOPI-KPA", "pay credit"], "error.credit_needs_member"),
        TillErrorPath("credit above the limit", ["member M1", "2*KOPI-DESA", "pay credit"], "error.credit_limit_exceeded"),
        TillErrorPath("the database refuses the sale", ["KOPI-KPA", "pay 20000"], "store.constraint", setup: .salesRefused),
        TillErrorPath("printer server down", ["KOPI-KPA", "pay 20000"], "print.server_unavailable", setup: .cupsDown),
        TillErrorPath("printer and outbox down", ["KOPI-KPA", "pay 20000"], "receipt.not_kept", setup: .cupsAndOutboxDown),
        TillErrorPath("drawer with the printer down", ["drawer"] + override, "drawer.failed", setup: .cupsDown),
        // Park, resume, cancel
        TillErrorPath("park nothing", ["park"], "error.nothing_to_park"),
        TillErrorPath("no parked sale", ["resume 1"], "store.no_parked_sale"),
        TillErrorPath("resume over an open sale", ["KOPI-KPA", "park", "GULA-PSR", "resume 1"], "store.open_sale_first"),
        TillErrorPath("cancel nothing", ["cancel"] + override, "error.nothing_to_cancel"),
        // Refunds and reprints
        TillErrorPath("refund an unknown receipt", ["refund 01-20261129-0099"] + override, "error.unknown_receipt"),
        TillErrorPath("refund a refund", soldAndRefunded, "store.refund_of_refund"),
        TillErrorPath("refund without lines", ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["pay"], "refund.nothing"),
        TillErrorPath("refund a missing line", ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["9"], "refund.unknown_line"),
        TillErrorPath(
            "refund beyond sold", ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["1 5"], "error.refund_exceeds_sold"),
        TillErrorPath(
            "refund pay words", ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["1", "pay foo"], "refund.pay_usage"),
        TillErrorPath(
            "refund to credit without member", ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["1", "pay credit"],
            "store.refund_credit_needs_member"),
        TillErrorPath("reprint before any receipt", ["reprint"], "error.no_receipt_yet"),
        TillErrorPath("reprint an unknown receipt", ["reprint 01-20261129-0099"] + override, "error.unknown_receipt"),
        TillErrorPath(
            "refund a line already refunded",
            ["KOPI-KPA", "pay", "refund 01-20261129-0001"] + override + ["1", "pay", "refund 01-20261129-0001"] + override + ["1"],
            "refund.line_done"),
        // Numbers as Indonesians write them, and input too long
        TillErrorPath("a dot as the decimal mark", ["1.5*TLR-RAS"], "error.decimal_point"),
        TillErrorPath("a line far too long", [String(repeating: "8", count: 5000)], "input.too_long"),
        TillErrorPath("a search far too long", ["?" + String(repeating: "kopi ", count: 60)], "search.too_long"),
        // Members' credit
        TillErrorPath("repay without amount", ["bayar-kasbon M1"], "usage.repay"),
        TillErrorPath("repay on credit", ["bayar-kasbon M1 5000 kredit"], "usage.repay_method"),
        TillErrorPath("repay more than owed", ["bayar-kasbon M1 5000"], "error.repayment_exceeds_owed"),
        // Members' savings
        TillErrorPath("deposit without an amount", ["simpan M1 wajib"], "usage.deposit"),
        TillErrorPath("deposit into no account", ["simpan M1 emas 1000"], "usage.savings_account"),
        TillErrorPath("withdraw without an amount", ["tarik M1 sukarela"], "usage.withdraw"),
        TillErrorPath("tabung with two amounts", ["tabung 1 2"], "usage.tabung"),
        TillErrorPath("deposit for an unknown member", ["simpan M9 wajib 1000"], "error.unknown_member"),
        TillErrorPath("deposit nothing", ["simpan M1 wajib 0"], "error.zero_savings"),
        TillErrorPath("withdraw above the balance, before any supervisor", ["tarik M1 sukarela 5000"], "error.withdrawal_exceeds_balance"),
        TillErrorPath("pokok withdrawn by a cashier", ["tarik M1 pokok 1000"], "error.savings_locked"),
        TillErrorPath("tabung without a sale", ["tabung"], "savings.no_change"),
        TillErrorPath("tabung after a sale without a member", ["KOPI-KPA", "pay 20000", "tabung"], "savings.no_change"),
        TillErrorPath("tabung above the change", ["member M1", "KOPI-KPA", "pay 20000", "tabung 999999"], "error.savings_exceeds_change"),
        // Closing
        TillErrorPath("counted cash not an amount", ["close", "banyak"], "error.invalid_amount"),
        // Subsidised goods (Minyakita: HET Rp15.700, 2 a day, NIK required)
        TillErrorPath("nik without digits", ["nik"], "usage.nik"),
        TillErrorPath("NIK too short", ["nik 320101550190"], "error.invalid_nik.digits"),
        TillErrorPath("NIK of no province", ["nik 9901015501900001"], "error.invalid_nik.province"),
        TillErrorPath("NIK without a date of birth", ["nik 3201013213900001"], "error.invalid_nik.birth_date"),
        TillErrorPath("subsidised goods without a buyer", ["MINYAKITA"], "error.nik_required", setup: .subsidy),
        TillErrorPath("past the buyer's limit", ["nik 3201015501900001", "3*MINYAKITA"], "error.subsidy_limit", setup: .subsidy),
        TillErrorPath(
            "a quantity past the buyer's limit", ["nik 3201015501900001", "MINYAKITA", "qty 1 3"], "error.subsidy_limit", setup: .subsidy),
        TillErrorPath(
            "a price override above the HET, before any supervisor", ["nik 3201015501900001", "MINYAKITA", "price 1 16000"],
            "error.above_het", setup: .subsidy),
    ]
}

/// Words that give away a sentence in the other language. Loanwords both languages use at
/// the till (total, shift, supervisor, printer, scan, barcode, QRIS, PLU) are not here.
enum LanguageMarkers {
    static let english: Set<String> = [
        "the", "is", "are", "was", "not", "no", "there", "write", "choose", "first", "already", "another", "does", "answer",
        "cannot", "of", "to", "and", "or", "has", "type", "again", "sale", "change", "due", "paid", "wrong", "unknown", "with",
        "for", "by", "on", "left", "takes", "nothing", "after", "still", "register", "cashier", "member", "price", "quantity",
        "amount", "line", "lines", "item", "items", "refund", "receipt", "parked", "open", "printed", "kept", "waiting", "goodbye",
        "welcome", "ready", "drawer", "rounding", "cash", "credit", "full", "saved", "failed", "more", "than", "only", "needs",
        "override", "discount", "host", "down",
    ]
    static let indonesian: Set<String> = [
        "yang", "tidak", "dan", "atau", "sudah", "belum", "ada", "baris", "barang", "struk", "transaksi", "tulis", "kasir", "mesin",
        "bayar", "tunai", "sisa", "diskon", "dibatalkan", "untuk", "dengan", "dari", "ke", "di", "anggota", "harga", "jumlah",
        "nomor", "retur", "simpan", "lanjut", "batal", "laci", "tutup", "keluar", "dulu", "lagi", "bukan", "perintah",
        "dimengerti", "tersimpan", "tercetak", "sampai", "jumpa", "selamat", "siap", "kembalian", "pembulatan", "lunas", "salah",
        "kali", "perlu", "otorisasi", "hasil", "produk", "terbuka", "disimpan", "penuh",
    ]

    /// Names from the shop's own data (products, the member and her tier), which are no sentence.
    static let data =
        SampleCatalogue.lines.dropFirst().compactMap { $0.split(separator: ",").dropFirst(2).first.map(String.init) }
        + ["Siti", "(anggota)"]

    /// The marker words of the other language found in `screen`.
    static func foreign(in screen: [String], language: String) -> Set<String> {
        var text = screen.joined(separator: "\n")
        for name in data { text = text.replacingOccurrences(of: name, with: " ") }
        // A command line quoted in a hint (`tora shift close --register 01`) keeps its flags.
        text = text.replacingOccurrences(of: "--[a-z-]+", with: " ", options: .regularExpression)
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return Set(words).intersection(language == "id" ? english : indonesian)
    }
}

extension TillHarness {
    /// A till in `language` with the row's printer and shop set up.
    static func forPath(_ path: TillErrorPath, language: String) throws -> TillHarness {
        let sink: RecordingSink
        let cupsDown = PrintError(
            .serverUnavailable, "the CUPS server at localhost:631 does not answer (httpConnect2: Host is down)",
            function: "httpConnect2")
        switch path.setup {
        case .cupsDown: sink = RecordingSink(fault: cupsDown)
        case .cupsAndOutboxDown:
            sink = RecordingSink(fault: cupsDown, outboxFault: PrintError(.io, "cannot create the outbox folder /x: disk full"))
        default: sink = RecordingSink()
        }
        var till = try TillHarness(language: language, sink: sink)
        switch path.setup {
        case .shiftOpenByAnother: _ = try till.shop.store.shifts.openShift(register: "01", cashier: "02", float: .zero)
        case .salesRefused: try GRDBTamper.refuseSales(db: till.shop.store.path)
        case .subsidy:
            try till.shop.store.subsidy.setProgramme(
                SubsidyProgramme(
                    code: "MINYAK", name: "Minyakita", het: Money(15_700), limit: Quantity(whole: 2), period: .day, nikRequired: true),
                actor: "t")
            try till.shop.store.catalogue.changeProduct(sku: "MINYAKITA", actor: "t") { $0.subsidy = "MINYAK" }
        default: break
        }
        if path.start == .selling { till.login() }
        return till
    }
}

/// The pattern of a translation: its text with every `{placeholder}` standing for anything.
func pattern(of template: String) throws -> NSRegularExpression {
    var pattern = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + ".*"
        rest = rest[rest.index(after: close)...]
    }
    return try NSRegularExpression(pattern: pattern + NSRegularExpression.escapedPattern(for: String(rest)))
}

@Suite("till language")
struct TillLanguageTests {
    @Test("every error path answers from the translations, with no English in the id till", arguments: TillErrorPaths.all)
    func indonesian(path: TillErrorPath) throws {
        try check(path, language: "id")
    }

    @Test("every error path answers from the translations, with no Indonesian in the en till", arguments: TillErrorPaths.all)
    func english(path: TillErrorPath) throws {
        try check(path, language: "en")
    }

    func check(_ path: TillErrorPath, language: String) throws {
        var till = try TillHarness.forPath(path, language: language)
        var last = ""
        for line in path.lines { last = till.type(line) }
        let texts = try Translations.load(language)
        let template = try #require(texts.strings[path.key], "no \(language) text for \(path.key)")
        let expected = try pattern(of: template)
        #expect(
            expected.firstMatch(in: last, range: NSRange(last.startIndex..., in: last)) != nil,
            "\(path.name): expected \(path.key) (\(template)), the till said: \(last)")
        let foreign = LanguageMarkers.foreign(in: till.screen, language: language)
        #expect(foreign.isEmpty, "\(path.name): words of the other language \(foreign.sorted()) in: \(till.screen)")
    }

}
