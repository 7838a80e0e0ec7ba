import Foundation
import GRDB
import ToraCore

/// Who completes a sale, where.
public struct TillContext: Sendable, Hashable {
    public let register: RegisterID
    public let cashier: User
    public let shiftID: Int64?

    public init(register: RegisterID, cashier: User, shiftID: Int64?) {
        self.register = register
        self.cashier = cashier
        self.shiftID = shiftID
    }
}

extension SalesStore {
    /// A member's purchases in the calendar year of `day` (docs/catalogue-and-stock.md): Σ completed sales'
    /// totals minus their refunds.
    static func memberPurchases(_ number: String, year: String, _ db: Database) throws -> Money {
        Money(
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT coalesce(sum(CASE kind WHEN 'sale' THEN total ELSE -total END), 0) FROM sales
                    WHERE member_number = ? AND business_day BETWEEN ? AND ?
                    """,
                arguments: [number, "\(year)-01-01", "\(year)-12-31"]) ?? 0)
    }

    /// Completes a settled sale in ONE transaction (DESIGN: the sale path): the sale, its
    /// lines and payments, the stock movements, the gapless receipt number
    /// `RR-YYYYMMDD-NNNN` of the register and business day, the audit entry, and the
    /// open sale removed. Returns the receipt, ready to print.
    /// Over 60 lines on purpose: the steps of one transaction, in the order they must run,
    /// read top to bottom; split up they would hand a dozen values between pieces.
    public func completeSale(openSaleID: Int64?, sale: Sale, context: TillContext) throws -> Receipt {
        try write { db in
            let settings = try SettingsSnapshot(db)
            let rules = settings.pricingRules
            let priced = try sale.priced(with: rules)
            guard try sale.isSettled(with: rules) else {
                let due = try sale.remaining(with: rules)
                throw StoreError(.invalidInput, "the sale is not paid in full: \(due.formatted) still due").because(
                    .notPaidInFull(due: due))
            }
            if let credit = sale.payments.first(where: { $0.method == .credit }), let member = sale.member {
                let available = try MemberStore.availableCredit(member: member.number, db)
                guard credit.amount <= available else {
                    throw StoreError(.invalidInput, "member \(member.number)'s available credit is now \(available.formatted)")
                        .because(.creditNow(member: member.number, available: available))
                }
            }
            let moment = try ShiftStore.shiftMoment(
                self.moment(in: settings.timeZone), shiftID: context.shiftID, register: context.register, db)
            // The buyer's limits, counted inside this write so two registers cannot both
            // sell the last units (docs/subsidised-goods.md).
            try SubsidyStore.checkSubsidy(sale, changed: nil, day: moment.day, db)
            var subsidised: [(line: PricedLine, programme: String)] = []
            for line in priced.lines where !line.isVoided {
                if let code = line.line.item.subsidy { subsidised.append((line, code.uppercased())) }
            }
            let number = try Self.nextReceiptNumber(register: context.register, day: moment.day, db)
            let newBuyers = try SubsidyStore.newBuyers(subsidised.map { ($0.programme, sale.buyer?.digits) }, day: moment.day, db)
            var productIDs: [String: Int64] = [:]
            for line in sale.lines where productIDs[line.item.sku] == nil {
                productIDs[line.item.sku] = try Self.productID(of: line.item, db)
            }
            let audit = try AuditJournal.append(
                db, store: self, kind: .saleCompleted, actor: context.cashier.code, register: context.register,
                payload: Self.auditPayload(number: number.text, priced: priced, sale: sale, shiftID: context.shiftID)
                    .merging(Self.taxRulesPayload(rules)) { $1 }
                    .merging(SubsidyStore.subsidyPayload(subsidised, buyer: sale.buyer, newBuyers: newBuyers)) { $1 }, at: moment)
            var memberLine: Receipt.MemberLine?
            if let member = sale.member {
                let before = try Self.memberPurchases(member.number, year: String(moment.day.prefix(4)), db)
                memberLine = Receipt.MemberLine(
                    number: member.number, name: member.name, purchasesThisYear: Money(before.rupiah + priced.total.rupiah))
            }
            let receipt = ReceiptFactory.saleReceipt(
                number: number.text, sale: sale, priced: priced, context: context, issuedAt: moment.local, member: memberLine,
                auditHash: audit.hash, settings: settings)
            var row = try SaleRecord(
                kind: "sale", number: number, moment: moment, context: context, audit: audit, receipt: receipt, taxRules: rules)
            (row.memberNumber, row.gross, row.discounts, row.total) = (sale.member?.number, priced.gross, priced.discounts, priced.total)
            (row.rounding, row.tax, row.dpp, row.changeGiven) = (sale.rounding, priced.tax, priced.dpp, Receipt.change(of: sale.payments))
            let saleID = try Self.insertSale(row, db)
            for line in priced.lines {
                let productID = productIDs[line.line.item.sku] ?? 0
                try Self.insertLine(saleID: saleID, line: line, productID: productID, refundOfLine: nil, db)
                guard !line.isVoided else { continue }
                if let programme = line.line.item.subsidy {
                    try SubsidyStore.insertSubsidyRow(
                        audit: audit.seq, saleID: saleID, lineID: db.lastInsertedRowID, receipt: number.text, day: moment.day,
                        quotaDay: moment.day, programme: programme.uppercased(), nik: sale.buyer?.digits, item: line.line.item,
                        quantity: line.line.quantity, amount: line.net, db)
                }
                try StockStore(database: database).recordMovement(
                    StockChange(
                        productID: productID, sku: line.line.item.sku, kind: .sale, quantity: -line.line.quantity,
                        unitCost: line.line.item.cost, reference: number.text, actor: context.cashier.code, register: context.register.text),
                    journal: false, at: moment, db)
            }
            for payment in sale.payments {
                try db.cachedStatement(sql: "INSERT INTO payments(sale_id, method, amount, tendered) VALUES (?, ?, ?, ?)").execute(
                    arguments: [saleID, payment.method.rawValue, payment.amount.rupiah, payment.tendered.rupiah])
            }
            if let openSaleID {
                try db.cachedStatement(sql: "DELETE FROM open_sales WHERE id = ?").execute(arguments: [openSaleID])
            }
            return receipt
        }
    }

    /// The row id of the item's product: the id the item carries when it still names the
    /// same sku (its row was just read at the scan, so this is cheap), else found by sku.
    static func productID(of item: SaleItem, _ db: Database) throws -> Int64 {
        if let id = item.productID,
            let sku = try String.fetchOne(db.cachedStatement(sql: "SELECT sku FROM products WHERE id = ?"), arguments: [id]),
            sku.caseInsensitiveCompare(item.sku) == .orderedSame
        {
            return id
        }
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM products WHERE sku = ?"), arguments: [item.sku]) else {
            throw StoreError(.notFound, "product \(item.sku) is no longer in the catalogue").because(.productGone(sku: item.sku))
        }
        return id
    }

    static func nextReceiptNumber(register: RegisterID, day: String, _ db: Database) throws -> (seq: Int64, text: String) {
        // One sequence per register and day for sales, refunds and members' money slips.
        let seq =
            (try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT max(coalesce((SELECT max(seq) FROM sales WHERE register = ?1 AND business_day = ?2), 0),
                            coalesce((SELECT max(seq) FROM member_money WHERE register = ?1 AND business_day = ?2), 0))
                        """), arguments: [register, day])
                ?? 0)
            + 1
        guard seq <= 9999 else {
            throw StoreError(.invalidInput, "register \(register) has used all 9999 receipt numbers of \(day)").because(
                .receiptNumbersUsed(register: register.text, day: day))
        }
        let padded = String(repeating: "0", count: 4 - String(seq).count) + String(seq)
        return (seq, "\(register)-\(day.replacingOccurrences(of: "-", with: ""))-\(padded)")
    }

    /// Inserts a completed sale or refund row; returns its id.
    static func insertSale(_ sale: SaleRecord, _ db: Database) throws -> Int64 {
        var row = sale
        try row.insert(db)
        return row.id ?? db.lastInsertedRowID
    }

    static func insertLine(saleID: Int64, line: PricedLine, productID: Int64, refundOfLine: Int64?, _ db: Database) throws {
        let item = line.line.item
        try db.cachedStatement(
            sql: """
                INSERT INTO sale_lines(sale_id, line_no, product_id, sku, name, category, unit, quantity, unit_price, amount, discount, net,
                    tax, local, consignor, consignor_price, cost, voided, refund_of_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                saleID, line.number, productID, item.sku, item.name, item.category, item.unit.rawValue, line.line.quantity.thousandths,
                line.unitPrice.rupiah, line.isVoided ? 0 : line.amount.rupiah, line.isVoided ? 0 : line.discount.rupiah, line.net.rupiah,
                item.tax.rawValue, item.isLocal, item.consignor, item.consignorPrice?.rupiah, item.cost.rupiah, line.isVoided, refundOfLine,
            ])
    }

    /// The PPN rate (hundredths of a percent) and PKP status a sale or refund was priced
    /// under, as its journal entry records them beside the row's `ppn_rate` and `pkp`.
    static func taxRulesPayload(_ rules: PricingRules) -> [String: JSONValue] {
        ["ppn_rate": .int(rules.ppnRate.hundredthsOfPercent), "pkp": .bool(rules.isPKP)]
    }

    static func auditPayload(number: String, priced: PricedSale, sale: Sale, shiftID: Int64?) -> [String: JSONValue] {
        [
            "receipt": .string(number), "shift": shiftID.map { .int($0) } ?? .null, "member": .optional(sale.member?.number),
            "gross": .int(priced.gross.rupiah), "discounts": .int(priced.discounts.rupiah), "total": .int(priced.total.rupiah),
            "rounding": .int(sale.rounding.rupiah), "tax": .int(priced.tax.rupiah), "dpp": .int(priced.dpp.rupiah),
            "lines": .array(
                priced.lines.map { line in
                    .object([
                        "line": .int(Int64(line.number)), "sku": .string(line.line.item.sku),
                        "quantity": .int(line.line.quantity.thousandths),
                        "unit_price": .int(line.unitPrice.rupiah), "amount": .int(line.amount.rupiah),
                        "discount": .int(line.discount.rupiah),
                        "net": .int(line.net.rupiah), "voided": .bool(line.isVoided),
                        // The product as sold, for the hub's Z report (docs/journal-projection.md).
                        "name": .string(line.line.item.name), "category": .string(line.line.item.category),
                        "unit": .string(line.line.item.unit.rawValue), "local": .bool(line.line.item.isLocal),
                    ])
                }),
            "payments": .array(
                sale.payments.map {
                    .object(["method": .string($0.method.rawValue), "amount": .int($0.amount.rupiah), "tendered": .int($0.tendered.rupiah)])
                }),
        ]
    }

    /// A stored receipt by number: marked as a copy (and opening no drawer) for
    /// reprinting, or exactly as first printed when `asCopy` is false.
    public func receipt(number: String, asCopy: Bool = true) throws -> Receipt? {
        try read { db in
            var receipt: Receipt
            if let json = try String.fetchOne(
                db, sql: "SELECT receipt_json FROM sales WHERE receipt_no = ?", arguments: [number.uppercased()])
            {
                let stored: Receipt
                do {
                    stored = try JSONDecoder().decode(Receipt.self, from: Data(json.utf8))
                } catch {
                    throw StoreError.damaged(error, column: "sales.receipt_json", row: "receipt \(number.uppercased())")
                }
                receipt = try MemberStore.withSavedChange(stored, db)
            } else if let slip = try MemberStore.memberMoneyReceipt(number: number, db) {
                receipt = slip
            } else {
                return nil
            }
            if asCopy {
                receipt.isCopy = true
                receipt.opensDrawer = false
            }
            return receipt
        }
    }

    /// The last receipt number a register issued, if any.
    public func lastReceiptNumber(register: RegisterID) throws -> String? {
        try read { db in
            // The later of the last sale and the last members' money slip: one register's
            // numbers sort as issued (business day, then sequence).
            let sale = try String.fetchOne(
                db, sql: "SELECT receipt_no FROM sales WHERE register = ? ORDER BY id DESC LIMIT 1", arguments: [register])
            let slip = try String.fetchOne(
                db, sql: "SELECT receipt_no FROM member_money WHERE register = ? AND receipt_no IS NOT NULL ORDER BY id DESC LIMIT 1",
                arguments: [register])
            return [sale, slip].compactMap { $0 }.max()
        }
    }
}

extension SalesStore {
    /// Every receipt number issued — sales, refunds and members' money slips — in the
    /// order issued (for audits and tests).
    public func receiptNumbers() throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT receipt_no FROM (
                        SELECT receipt_no, register, business_day, seq FROM sales
                        UNION ALL SELECT receipt_no, register, business_day, seq FROM member_money WHERE receipt_no IS NOT NULL)
                    ORDER BY register, business_day, seq
                    """)
        }
    }
}
