import Foundation
import GRDB
import ToraCore

/// One savings movement as asked for: who, which account, how much, which way.
public struct SavingsRequest: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case deposit, withdrawal }
    /// Where a movement came from, beside ordinary deposits and withdrawals.
    public enum Note: String, Sendable, Hashable {
        /// A sale's change put into sukarela (`tabung`).
        case change
        /// An opening balance migrated once from the old books.
        case opening
        /// Savings paid out when membership ends.
        case closing
    }

    public var member: String
    public var account: SavingsAccount
    public var amount: Money
    public var direction: Direction
    public var method: TenderMethod
    public var note: Note?

    public init(
        member: String, account: SavingsAccount, amount: Money, direction: Direction, method: TenderMethod = .cash, note: Note? = nil
    ) {
        self.member = member
        self.account = account
        self.amount = amount
        self.direction = direction
        self.method = method
        self.note = note
    }
}

/// A savings movement as recorded: the slip (at a till) and the balances after it.
public struct SavingsMovement: Sendable, Hashable {
    public let member: Member
    public let request: SavingsRequest
    /// The slip printed at the till; nil for a movement recorded in the back office.
    public let receipt: Receipt?
    public let balances: SavingsBalances
    /// The sale whose change was saved (`tabung`).
    public let ofReceipt: String?
}

extension MemberStore {
    /// The member's savings balances (Σ movements per account), nil for an unknown member.
    public func savingsBalances(member number: String) throws -> SavingsBalances? {
        try read { db in try Self.member(number: number, db).map { try Self.savingsBalances($0.number, upTo: nil, db) } }
    }

    static func savingsBalances(_ number: String, upTo day: String?, _ db: Database) throws -> SavingsBalances {
        var balances = SavingsBalances()
        let totals = try GroupTotal<String>.byKey(
            db,
            sql: """
                SELECT account AS key, sum(amount) AS total FROM member_money
                WHERE member_number = ? AND account <> 'credit' AND business_day <= ? GROUP BY account
                """, arguments: [number, day ?? "9999-12-31"])
        for (key, total) in totals {
            if let account = SavingsAccount(rawValue: key) { balances[account] = Money(total) }
        }
        return balances
    }

    /// Every member's savings total (pokok + wajib + sukarela) at the end of `day`, by number.
    static func savingsTotals(upTo day: String, _ db: Database) throws -> [String: Int64] {
        try GroupTotal<String>.byKey(
            db,
            sql: """
                SELECT member_number AS key, sum(amount) AS total FROM member_money
                WHERE account <> 'credit' AND business_day <= ? GROUP BY member_number
                """, arguments: [day])
    }

    /// Records a savings deposit or withdrawal in ONE transaction with its journal entry
    /// (`savings.deposited` / `savings.withdrawn`). The rules (more than zero, never below
    /// zero, pokok and wajib only when membership ends) are `SavingsBalances`'. At a till
    /// (`context` given) it belongs to the shift's business day, takes the next receipt
    /// number of the register and its slip is returned to print; `ofReceipt` names the sale
    /// whose change is saved (`tabung`), checked here against that sale's change.
    public func moveSavings(
        _ request: SavingsRequest, context: TillContext?, actor: String, ofReceipt: String? = nil
    ) throws -> SavingsMovement {
        try write { db in try self.recordSavings(request, context: context, actor: actor, ofReceipt: ofReceipt, db) }
    }

    /// `moveSavings` inside a transaction already open (a members import's opening balances).
    /// Over 60 lines on purpose: the steps of one transaction, in the order they must run,
    /// read top to bottom; split up they would hand a dozen values between pieces.
    func recordSavings(
        _ request: SavingsRequest, context: TillContext?, actor: String, ofReceipt: String?, _ db: Database
    ) throws -> SavingsMovement {
        guard let member = try Self.member(number: request.member, db) else {
            throw StoreError(.notFound, "member: no member with number '\(request.member)'")
                .because(.unknownMember(request.member))
        }
        if request.note == .opening {
            let earlier =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM member_money WHERE member_number = ? AND account = ?",
                    arguments: [member.number, request.account.rawValue]) ?? 0
            guard earlier == 0 else {
                throw StoreError(
                    .invalidInput,
                    "member \(member.number): simpanan \(request.account.rawValue) already has movements; an opening balance is recorded only once"
                )
            }
        }
        if let ofReceipt { try Self.checkChange(of: ofReceipt, member: member.number, amount: request.amount, db) }
        let before = try Self.savingsBalances(member.number, upTo: nil, db)
        // Sukarela at the other outlets, as the last sync brought it (docs/savings.md "Across outlets").
        let elsewhere = try Self.otherOutletsSavings(member.number, db)
        let after: SavingsBalances
        do throws(CoreError) {
            switch request.direction {
            case .deposit: after = try before.depositing(request.amount, into: request.account, by: request.method)
            case .withdrawal:
                after = try before.withdrawing(
                    request.amount, from: request.account, by: request.method, member: member.number, closing: request.note == .closing,
                    elsewhere: elsewhere?.balances.sukarela ?? .zero)
            }
        } catch {
            throw StoreError(error)
        }
        let settings = try SettingsSnapshot(db)
        var moment = self.moment(in: settings.timeZone)
        var number: (seq: Int64, text: String)?
        if let context {
            moment = try ShiftStore.shiftMoment(moment, shiftID: context.shiftID, register: context.register, db)
            number = try SalesStore.nextReceiptNumber(register: context.register, day: moment.day, db)
        }
        let signed = request.direction == .deposit ? request.amount.rupiah : -request.amount.rupiah
        var payload: [String: JSONValue] = [
            "member": .string(member.number), "account": .string(request.account.rawValue),
            "kind": .string(request.direction.rawValue), "amount": .int(signed), "method": .string(request.method.rawValue),
            "receipt": .optional(number?.text), "register": .optional(context?.register.text),
            "shift": context?.shiftID.map { .int($0) } ?? .null, "business_day": .string(moment.day),
            "note": .optional(request.note?.rawValue), "of_receipt": .optional(ofReceipt),
            "balance_after": .int(after[request.account].rupiah),
        ]
        // A withdrawal that took the other outlets' sukarela too names what it relied on.
        let relied = request.direction == .withdrawal && after[request.account].isNegative ? elsewhere : nil
        if let relied {
            payload["elsewhere"] = .int(relied.balances.sukarela.rupiah)
            payload["elsewhere_as_of"] = .string(relied.asOf)
        }
        let audit = try AuditJournal.append(
            db, store: self, kind: request.direction == .deposit ? JournalKind.savingsDeposited : .savingsWithdrawn, actor: actor,
            register: context?.register, payload: payload, at: moment)
        var receipt: Receipt?
        if let context, let number {
            receipt = try Self.savingsSlip(
                request, member: member, number: number.text, after: after, ofReceipt: ofReceipt, context: context,
                settings: settings, moment: moment, auditHash: audit.hash, elsewhere: elsewhere?.balances.sukarela, db)
        }
        let receiptJSON = try receipt.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try db.execute(
            sql: """
                INSERT INTO member_money(member_number, account, kind, amount, method, receipt_no, register, business_day, seq,
                    shift_id, actor, at, audit_seq, audit_hash, receipt_json, note, of_receipt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                member.number, request.account.rawValue, request.direction.rawValue, signed, request.method.rawValue, number?.text,
                context?.register, moment.day, number?.seq, context?.shiftID, actor, moment.at, audit.seq, audit.hash, receiptJSON,
                request.note?.rawValue, ofReceipt,
            ])
        return SavingsMovement(member: member, request: request, receipt: receipt, balances: after, ofReceipt: ofReceipt)
    }

    /// `tabung`: the sale must be the member's, have given change in cash, and the amount
    /// with what was already saved from it must not pass that change.
    static func checkChange(of receipt: String, member: String, amount: Money, _ db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT member_number, change_given FROM sales WHERE receipt_no = ? AND kind = 'sale'", arguments: [receipt])
        else {
            throw StoreError(.notFound, "receipt: no sale \(receipt)").because(.unknownReceipt(receipt))
        }
        let saved =
            try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM member_money WHERE of_receipt = ?", arguments: [receipt])
            ?? 0
        guard (row["member_number"] as String?) == member else {
            throw StoreError(.invalidInput, "sale \(receipt) is not member \(member)'s").because(.noChangeToSave)
        }
        let change = Money((row["change_given"] as Int64) - saved)
        do throws(CoreError) {
            _ = try ChangeToSavings.amount(change: change, requested: amount)
        } catch {
            throw StoreError(error)
        }
    }

    static func savingsSlip(
        _ request: SavingsRequest, member: Member, number: String, after: SavingsBalances, ofReceipt: String?, context: TillContext,
        settings: SettingsSnapshot, moment: ShopMoment, auditHash: String, elsewhere: Money? = nil, _ db: Database
    ) throws -> Receipt {
        let amount = request.direction == .deposit ? request.amount : Money(-request.amount.rupiah)
        let what =
            ofReceipt.map { "Tabung kembalian \($0)" }
            ?? (request.direction == .deposit ? "Setor simpanan \(request.account.rawValue)" : "Tarik simpanan \(request.account.rawValue)")
        var balance = "\(what), saldo \(request.account.rawValue) \(after[request.account].formatted)"
        if request.account == .sukarela, let elsewhere, after.sukarela.isNegative {
            balance += " di toko ini, \(Money(after.sukarela.rupiah + elsewhere.rupiah).formatted) semua gerai"
        }
        return Receipt(
            kind: .savings, header: ReceiptFactory.header(settings), number: number, issuedAt: moment.local,
            register: context.register.text, cashier: context.cashier.name,
            lines: [Receipt.Line(name: balance, quantity: "1", unit: .pcs, unitPrice: amount, amount: amount)],
            gross: amount, discounts: .zero, total: amount, payments: [Receipt.PaymentLine(method: request.method, amount: amount)],
            member: Receipt.MemberLine(
                number: member.number, name: member.name,
                purchasesThisYear: try SalesStore.memberPurchases(member.number, year: String(moment.day.prefix(4)), db)),
            footer: settings.value(.receiptFooter), auditHash: auditHash,
            opensDrawer: request.method == .cash && settings.flag(.printerDrawer))
    }

    /// What `tabung` may save: the register's last receipt when it is a member's sale
    /// (nothing has been receipted at the register since), with its change not yet saved.
    public func lastChange(register: RegisterID) throws -> (receipt: String, member: String, change: Money)? {
        guard let last = try SalesStore(database: database).lastReceiptNumber(register: register) else { return nil }
        return try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT member_number, change_given FROM sales WHERE receipt_no = ? AND kind = 'sale' AND member_number IS NOT NULL",
                    arguments: [last])
            else { return nil }
            let saved =
                try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM member_money WHERE of_receipt = ?", arguments: [last])
                ?? 0
            return (last, row["member_number"], Money((row["change_given"] as Int64) - saved))
        }
    }

    /// The savings section of a report: deposits and withdrawals by method of the
    /// members' money moved in `scope`; opening balances are not money
    /// that moved and stay out.
    static func savingsSummary(_ scope: ReportScope, _ db: Database) throws -> SalesReport.Savings {
        var summary = SalesReport.Savings()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT kind, method, sum(amount) AS total FROM member_money
                WHERE account <> 'credit' AND note IS NOT 'opening' AND \(scope.conditions.memberMoney) GROUP BY kind, method
                """, arguments: scope.arguments)
        {
            guard let method = TenderMethod(rawValue: row["method"]) else { continue }
            if (row["kind"] as String) == "deposit" {
                summary.depositsByMethod[method] = Money(row["total"])
            } else {
                summary.withdrawalsByMethod[method] = Money(-(row["total"] as Int64))
            }
        }
        return summary
    }
}
