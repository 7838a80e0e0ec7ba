import Foundation
import GRDB
import ToraCore

/// A credit repayment as recorded: the slip (at a till) and the account after it.
public struct CreditRepayment: Sendable, Hashable {
    public let member: Member
    public let amount: Money
    public let method: TenderMethod
    /// The slip printed at the till; nil for a repayment recorded in the back office.
    public let receipt: Receipt?
    public let position: CreditPosition
}

/// A member with their credit account and purchases this year, for `members show`.
public struct MemberStanding: Sendable, Hashable {
    public let member: Member
    public let credit: CreditPosition
    public let purchasesThisYear: Money
    /// The business day the figures were read on.
    public let day: String
}

extension MemberStore {
    /// The member's credit account: limit, taken, refunded, repaid (owed and available follow).
    public func creditPosition(member number: String) throws -> CreditPosition? {
        try read { db in try Self.member(number: number, db).map { try Self.creditPosition($0, db) } }
    }

    static func creditPosition(_ member: Member, _ db: Database) throws -> CreditPosition {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    coalesce((SELECT sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE p.method = 'credit' AND s.kind = 'sale' AND s.member_number = ?), 0) AS taken,
                    coalesce((SELECT -sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE p.method = 'credit' AND s.kind = 'refund' AND s.member_number = ?), 0) AS refunded,
                    coalesce((SELECT sum(amount) FROM member_money WHERE account = 'credit' AND member_number = ?), 0) AS repaid
                """, arguments: [member.number, member.number, member.number])
        return CreditPosition(
            limit: member.creditLimit, taken: Money(row?["taken"] ?? 0), refunded: Money(row?["refunded"] ?? 0),
            repaid: Money(row?["repaid"] ?? 0))
    }

    /// How much the member may still buy on credit: limit − owed (never below zero), where
    /// owed = Σ credit taken − Σ repaid − Σ credit refunded.
    public func availableCredit(member number: String) throws -> Money {
        try read { db in try Self.availableCredit(member: number, db) }
    }

    static func availableCredit(member number: String, _ db: Database) throws -> Money {
        guard let member = try member(number: number, db) else { return .zero }
        return try creditPosition(member, db).available
    }

    /// A member's credit account and purchases this year (of today's business day).
    public func memberStanding(number: String) throws -> MemberStanding? {
        try read { db in
            guard let member = try Self.member(number: number, db) else { return nil }
            let day = try self.moment(db).day
            return MemberStanding(
                member: member, credit: try Self.creditPosition(member, db),
                purchasesThisYear: try SalesStore.memberPurchases(member.number, year: String(day.prefix(4)), db), day: day)
        }
    }

    /// Records a repayment of the member's credit in ONE transaction with its journal entry
    /// (`credit.repaid`). At a till (`context` given) it belongs to the shift's business day
    /// and takes the next receipt number of the register, and its slip is returned to print;
    /// in the back office (`context` nil) it has no register, shift or receipt. Refused
    /// beyond what the member owes.
    /// Over 60 lines on purpose: the steps of one transaction, in the order they must run,
    /// read top to bottom; split up they would hand a dozen values between pieces.
    public func repayCredit(
        member number: String, amount: Money, method: TenderMethod, context: TillContext?, actor: String
    ) throws -> CreditRepayment {
        try write { db in
            guard let member = try Self.member(number: number, db) else {
                throw StoreError(.notFound, "member: no member with number '\(number)'")
                    .because(.unknownMember(number))
            }
            let position = try Self.creditPosition(member, db)
            let after: CreditPosition
            do throws(CoreError) {
                after = try position.repaying(amount, by: method, member: member.number)
            } catch {
                throw StoreError(error)
            }
            let settings = try SettingsSnapshot(db)
            var moment = self.moment(in: settings.timeZone)
            var receiptNumber: (seq: Int64, text: String)?
            if let context {
                moment = try ShiftStore.shiftMoment(moment, shiftID: context.shiftID, register: context.register, db)
                receiptNumber = try SalesStore.nextReceiptNumber(register: context.register, day: moment.day, db)
            }
            let audit = try AuditJournal.append(
                db, store: self, kind: .creditRepaid, actor: actor, register: context?.register,
                payload: [
                    "member": .string(member.number), "account": "credit", "kind": "repayment", "amount": .int(amount.rupiah),
                    "method": .string(method.rawValue), "receipt": .optional(receiptNumber?.text),
                    "register": .optional(context?.register.text), "shift": context?.shiftID.map { .int($0) } ?? .null,
                    "business_day": .string(moment.day), "owed_after": .int(after.owed.rupiah),
                ], at: moment)
            var receipt: Receipt?
            if let context, let receiptNumber {
                receipt = Receipt(
                    kind: .repayment, header: ReceiptFactory.header(settings), number: receiptNumber.text, issuedAt: moment.local,
                    register: context.register.text, cashier: context.cashier.name,
                    lines: [
                        Receipt.Line(
                            name: "Bayar kasbon, sisa \(after.outstanding.formatted)", quantity: "1", unit: .pcs,
                            unitPrice: amount, amount: amount)
                    ],
                    gross: amount, discounts: .zero, total: amount, payments: [Receipt.PaymentLine(method: method, amount: amount)],
                    member: Receipt.MemberLine(
                        number: member.number, name: member.name,
                        purchasesThisYear: try SalesStore.memberPurchases(member.number, year: String(moment.day.prefix(4)), db)),
                    footer: settings.value(.receiptFooter), auditHash: audit.hash,
                    opensDrawer: method == .cash && settings.flag(.printerDrawer))
            }
            let receiptJSON = try receipt.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            try db.execute(
                sql: """
                    INSERT INTO member_money(member_number, account, kind, amount, method, receipt_no, register, business_day, seq,
                        shift_id, actor, at, audit_seq, audit_hash, receipt_json)
                    VALUES (?, 'credit', 'repayment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    member.number, amount.rupiah, method.rawValue, receiptNumber?.text, context?.register, moment.day, receiptNumber?.seq,
                    context?.shiftID, actor, moment.at, audit.seq, audit.hash, receiptJSON,
                ])
            return CreditRepayment(member: member, amount: amount, method: method, receipt: receipt, position: after)
        }
    }

    /// Σ members' money in cash per shift (signed), for expected cash.
    static func memberMoneyCash(_ scope: ReportScope, _ db: Database) throws -> [Int64: Int64] {
        try GroupTotal<Int64>.byKey(
            db,
            sql: """
                SELECT shift_id AS key, sum(amount) AS total FROM member_money
                WHERE shift_id IN (SELECT id FROM shifts WHERE \(scope.conditions.shifts)) AND method = 'cash' GROUP BY shift_id
                """, arguments: scope.arguments)
    }

    /// The credit section of a report: credit taken and refunded by the sales of `scope`,
    /// and the repayments made in it.
    static func creditSummary(_ scope: ReportScope, _ db: Database) throws -> SalesReport.Credit {
        let (filter, moneyFilter, arguments) = (scope.conditions.sales, scope.conditions.memberMoney, scope.arguments)
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    coalesce((SELECT sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE \(filter) AND p.method = 'credit' AND s.kind = 'sale'), 0) AS taken,
                    coalesce((SELECT -sum(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id
                              WHERE \(filter) AND p.method = 'credit' AND s.kind = 'refund'), 0) AS refunded
                """, arguments: arguments + arguments)
        let repaid = try byMethod(
            db,
            sql: "SELECT method AS key, sum(amount) AS total FROM member_money WHERE account = 'credit' AND \(moneyFilter) GROUP BY method",
            arguments: arguments)
        return SalesReport.Credit(taken: Money(row?["taken"] ?? 0), refunded: Money(row?["refunded"] ?? 0), repaidByMethod: repaid)
    }

    /// The totals of `sql` (`method AS key, sum(…) AS total … GROUP BY method`) by tender;
    /// rows of an unknown method are left out.
    static func byMethod(_ db: Database, sql: String, arguments: StatementArguments) throws -> [TenderMethod: Money] {
        var totals: [TenderMethod: Money] = [:]
        for (key, total) in try GroupTotal<String>.byKey(db, sql: sql, arguments: arguments) {
            if let method = TenderMethod(rawValue: key) { totals[method] = Money(total) }
        }
        return totals
    }

    /// A repayment slip by receipt number, for reprinting.
    static func memberMoneyReceipt(number: String, _ db: Database) throws -> Receipt? {
        guard
            let json = try String.fetchOne(
                db, sql: "SELECT receipt_json FROM member_money WHERE receipt_no = ?", arguments: [number.uppercased()])
        else { return nil }
        do {
            return try JSONDecoder().decode(Receipt.self, from: Data(json.utf8))
        } catch {
            throw StoreError.damaged(error, column: "member_money.receipt_json", row: "receipt \(number.uppercased())")
        }
    }
}
