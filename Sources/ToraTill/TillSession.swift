import Foundation
import ToraCore
import ToraResources
import ToraStore

/// The cashier's till as a state machine (docs/till-grammar.md): login, opening float, the open sale,
/// overrides, payment, refunds, shift close. One line in, one `TillReply` out; every
/// change to the open sale is stored before the reply is returned, so nothing typed is
/// lost when the process dies.
public struct TillSession {
    enum State: Sendable {
        case loginCode
        case loginPIN(code: String)
        case openingFloat
        case selling
        case overrideCode(TillCommand)
        case overridePIN(TillCommand, code: String)
        case refunding
        /// Counting the drawer to close the shift; `forced` when the login found a shift that
        /// must be closed before selling (an earlier day's, or another cashier's).
        case closingCount(forced: Bool)
        case finished
    }

    let store: any TillBooks
    let register: RegisterID
    let texts: Translations
    let sink: any ReceiptSink

    var state = State.loginCode
    var user: User?
    var shift: Shift?
    var openSaleID: Int64?
    var sale = Sale()
    var rules = PricingRules()
    var cardPrefix = "M"
    var results: [StockedProduct] = []
    var refund: RefundDraft?
    /// Categories whose local product was already suggested in this sale (lowercased).
    var hintedCategories: Set<String> = []

    /// A till for `register` (two digits) on `store`, speaking `texts`' language.
    public init(store: any TillBooks, register: RegisterID, texts: Translations, sink: any ReceiptSink) {
        self.store = store
        self.register = register
        self.texts = texts
        self.sink = sink
    }

    /// The first prompt.
    public func start() -> TillReply {
        TillReply(lines: [t("till.title", ["register": register.text])], prompt: TillPrompt(t("login.code")))
    }

    /// The longest line the till reads, in UTF-8 bytes. A scanner sends a few dozen; a
    /// longer line is a stuck key or a pasted file, and is answered in one line without
    /// being repeated back.
    public static let maxLineBytes = 4096

    /// Handles one line and says what to show and ask next.
    public mutating func handle(_ line: String) -> TillReply {
        if line.utf8.count > Self.maxLineBytes {
            return reply([t("input.too_long", ["max": String(Self.maxLineBytes)])])
        }
        switch state {
        case .loginCode:
            let code = line.trimmingSpaces()
            guard !code.isEmpty else { return reply([], prompt: TillPrompt(t("login.code"))) }
            if Self.isQuit(code) { return leave() }
            state = .loginPIN(code: code)
            return reply([], prompt: TillPrompt(t("login.pin"), secret: true))
        case .loginPIN(let code):
            if Self.isQuit(line.trimmingSpaces()) { return leave() }
            return login(code: code, pin: line.trimmingSpaces())
        case .openingFloat:
            if Self.isQuit(line.trimmingSpaces()) { return leave() }
            return openShift(line)
        case .selling:
            return sell(TillParser.parse(line))
        case .overrideCode(let command):
            let code = line.trimmingSpaces()
            guard !code.isEmpty else {
                state = .selling
                return reply([t("override.abandoned")])
            }
            state = .overridePIN(command, code: code)
            return reply([], prompt: TillPrompt(t("override.pin"), secret: true))
        case .overridePIN(let command, let code):
            return authorise(command, supervisorCode: code, pin: line.trimmingSpaces())
        case .refunding:
            return refundLine(line)
        case .closingCount(let forced):
            return closeShift(line, forced: forced)
        case .finished:
            return TillReply(prompt: TillPrompt(""), isFinished: true)
        }
    }

    /// The line shown for the end of input (a pipe closed, Ctrl-D): the sale stays stored.
    public func endOfInput() -> String { t("quit.bye") }

    /// `keluar`, `quit` or `exit`: the words that leave the till, also before anyone has
    /// signed in (so they are never taken for a user code or a PIN).
    static func isQuit(_ word: String) -> Bool {
        User.reservedCodes.contains(word.lowercased())
    }

    /// Leaves before a shift is open: there is no sale to keep.
    mutating func leave() -> TillReply {
        state = .finished
        return TillReply(lines: [t("login.bye")], prompt: TillPrompt(""), isFinished: true)
    }

    // MARK: Helpers

    func t(_ key: String, _ values: [String: String] = [:]) -> String { texts.text(key, values) }

    /// `t(key, values)` in the language's form for `count` ("1 item", "2 items").
    func t(_ key: String, _ values: [String: String], count: Int) -> String { texts.text(key, values, count: count) }

    /// The prompt of the current state.
    var currentPrompt: TillPrompt {
        switch state {
        case .loginCode: return TillPrompt(t("login.code"))
        case .loginPIN: return TillPrompt(t("login.pin"), secret: true)
        case .openingFloat: return TillPrompt(t("shift.float"))
        case .overrideCode: return TillPrompt(t("override.code"))
        case .overridePIN: return TillPrompt(t("override.pin"), secret: true)
        case .refunding: return TillPrompt(t("refund.prompt", ["register": register.text]))
        case .closingCount: return TillPrompt(t("shift.close.counted"))
        case .selling, .finished: return TillPrompt("\(register)>")
        }
    }

    func reply(_ lines: [String], prompt: TillPrompt? = nil) -> TillReply {
        TillReply(lines: lines, prompt: prompt ?? currentPrompt)
    }

    /// One line for a refusal, always from the translations: the domain rule's message, the
    /// store's reason in the till's words, or a sentence for the kind of store failure. An English sentence from a
    /// lower layer is never shown as it is.
    func message(for error: any Error) -> String {
        if let error = error as? CoreError { return message(for: error) }
        if let error = error as? StoreError {
            if let core = error.coreError { return message(for: core) }
            if let (key, values) = error.reason?.tillText, texts.strings[key] != nil { return t(key, values) }
            return t(error.code == .busy ? "store.busy" : "store.failed", ["detail": error.message])
        }
        return t("error.unexpected", ["detail": String(describing: error)])
    }

    func message(for error: CoreError) -> String {
        let key = error.code == .invalidNIK ? "error.invalid_nik.\(error.details["why"] ?? "digits")" : "error.\(error.code.rawValue)"
        guard texts.strings[key] != nil else { return t("error.invalid_field", ["field": error.field ?? "", "value": error.value ?? ""]) }
        var values = error.details
        values["value"] = error.value ?? ""
        values["field"] = error.field ?? ""
        return t(key, values)
    }

    // MARK: Login and shift

    mutating func login(code: String, pin: String) -> TillReply {
        do {
            let user = try store.authenticate(code: code, pin: pin, register: register)
            if let open = try store.openShift(register: register), let refusal = try shiftToCloseFirst(open, user: user) {
                return refusal
            }
            self.user = user
            rules = try store.pricingRules()
            cardPrefix = try store.setting(.memberCardPrefix)
            var lines = [t("login.welcome", ["name": user.name, "register": register.text])]
            if let open = try store.openShift(register: register) {
                shift = open
                lines += try resumeOpenSale()
                state = .selling
                lines.append(t("sale.ready"))
            } else {
                state = .openingFloat
            }
            return reply(lines)
        } catch {
            state = .loginCode
            return reply([message(for: error)])
        }
    }

    mutating func openShift(_ line: String) -> TillReply {
        guard let user else { return reply([]) }
        if TillParser.parse(line) == .quit {
            state = .finished
            return TillReply(lines: [t("quit.bye")], prompt: TillPrompt(""), isFinished: true)
        }
        do {
            let float = try Money.parse(line, field: "float")
            shift = try store.openShift(register: register, cashier: user.code, float: float)
            state = .selling
            var lines = [t("shift.opened", ["amount": float.formatted])]
            lines += try resumeOpenSale()
            lines.append(t("sale.ready"))
            return reply(lines)
        } catch {
            return reply([message(for: error)])
        }
    }

    /// Picks up the register's open sale after a crash or a `quit`; a sale that was fully
    /// paid but not yet completed is completed now.
    mutating func resumeOpenSale() throws -> [String] {
        guard let stored = try store.openSale(register: register) else { return [] }
        openSaleID = stored.id
        sale = stored.sale
        guard !sale.lines.isEmpty || sale.member != nil else { return [] }
        var lines = [t("sale.recovered")]
        lines += saleLines()
        if try sale.isSettled(with: rules) { lines += complete() }
        return lines
    }

    var context: TillContext? {
        guard let user else { return nil }
        return TillContext(register: register, cashier: user, shiftID: shift?.id)
    }
}

/// The refund being put together in refund mode.
struct RefundDraft: Sendable {
    var sale: RefundableSale
    var selections: [RefundSelection]
    let supervisor: String
}
