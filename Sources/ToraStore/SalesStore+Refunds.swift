import Foundation
import GRDB
import ToraCore

/// A line of a completed sale with what is still refundable.
public struct RefundableLine: Sendable, Hashable {
    public let lineID: Int64
    public let lineNo: Int
    public let productID: Int64
    public let item: SaleItem
    public let sold: Quantity
    public let amount: Money
    public let discount: Money
    public let net: Money
    public let unitPrice: Money
    public let refunded: Quantity
    public let refundedAmount: Money
    public let refundedDiscount: Money
    public let refundedNet: Money

    public var remaining: Quantity { sold - refunded }
}

/// A completed sale as refund mode sees it.
public struct RefundableSale: Sendable, Hashable {
    public let saleID: Int64
    public let receiptNumber: String
    public let memberNumber: String?
    public let lines: [RefundableLine]
    /// The PPN rate and PKP status the sale was priced under: its refunds are taxed so.
    public let taxRules: PricingRules
}

/// One choice in refund mode: line `lineNo`, quantity `quantity`.
public struct RefundSelection: Sendable, Hashable {
    public let lineNo: Int
    public let quantity: Quantity

    public init(lineNo: Int, quantity: Quantity) {
        self.lineNo = lineNo
        self.quantity = quantity
    }
}

extension SalesStore {
    /// The receipt's lines with what each still allows to refund. Refunds themselves
    /// cannot be refunded.
    public func refundableSale(receipt number: String) throws -> RefundableSale {
        try read { db in try Self.refundableSale(receipt: number, db) }
    }

    static func refundableSale(receipt number: String, _ db: Database) throws -> RefundableSale {
        guard let sale = try Row.fetchOne(db, sql: "SELECT * FROM sales WHERE receipt_no = ?", arguments: [number.uppercased()]) else {
            throw StoreError(.notFound, "no receipt \(number)").because(.unknownReceipt(number))
        }
        guard sale["kind"] as String == "sale" else {
            throw StoreError(.invalidInput, "\(number) is a refund receipt; refund the original sale").because(
                .refundOfRefund(receipt: number))
        }
        let saleID: Int64 = sale["id"]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT l.*,
                    coalesce(sum(r.quantity), 0) AS refunded, coalesce(sum(r.amount), 0) AS refunded_amount,
                    coalesce(sum(r.discount), 0) AS refunded_discount, coalesce(sum(r.net), 0) AS refunded_net
                FROM sale_lines l LEFT JOIN sale_lines r ON r.refund_of_line = l.id
                WHERE l.sale_id = ? AND l.voided = 0
                GROUP BY l.id ORDER BY l.line_no
                """,
            arguments: [saleID])
        let lines = rows.map { row in
            let consignorPrice: Int64? = row["consignor_price"]
            let item = SaleItem(
                Product(
                    sku: row["sku"], name: row["name"], category: row["category"], unit: MeasureUnit(rawValue: row["unit"]) ?? .pcs,
                    price: Money(row["unit_price"]), cost: Money(row["cost"]), tax: TaxClass(rawValue: row["tax"]) ?? .ppn,
                    isLocal: row["local"], consignor: row["consignor"], consignorPrice: consignorPrice.map(Money.init)))
            return RefundableLine(
                lineID: row["id"], lineNo: row["line_no"], productID: row["product_id"], item: item,
                sold: Quantity(thousandths: row["quantity"]),
                amount: Money(row["amount"]), discount: Money(row["discount"]), net: Money(row["net"]), unitPrice: Money(row["unit_price"]),
                refunded: Quantity(thousandths: row["refunded"]), refundedAmount: Money(row["refunded_amount"]),
                refundedDiscount: Money(row["refunded_discount"]), refundedNet: Money(row["refunded_net"]))
        }
        let taxRules = PricingRules(isPKP: sale["pkp"], ppnRate: TaxRate(hundredthsOfPercent: sale["ppn_rate"]))
        return RefundableSale(
            saleID: saleID, receiptNumber: sale["receipt_no"], memberNumber: sale["member_number"], lines: lines, taxRules: taxRules)
    }

    /// What refunding `selections` of `sale` pays back, line by line (pure arithmetic).
    public static func refundPortions(_ sale: RefundableSale, _ selections: [RefundSelection]) throws -> [(
        RefundableLine, Quantity, RefundPortion
    )] {
        var result: [(RefundableLine, Quantity, RefundPortion)] = []
        for selection in selections {
            guard let line = sale.lines.first(where: { $0.lineNo == selection.lineNo }) else {
                throw StoreError(.notFound, "receipt \(sale.receiptNumber) has no line \(selection.lineNo)").because(
                    .unknownRefundLine(selection.lineNo))
            }
            do {
                let portion = try RefundPortion.of(
                    sold: (line.sold, line.amount, line.discount, line.net),
                    before: (line.refunded, line.refundedAmount, line.refundedDiscount, line.refundedNet), quantity: selection.quantity,
                    unit: line.item.unit)
                result.append((line, selection.quantity, portion))
            } catch {
                throw StoreError(error)
            }
        }
        return result
    }

    /// Completes a refund in ONE transaction: its own receipt number, lines pointing at the
    /// sold lines, the payment out, the goods back into stock, and the audit entry. The
    /// refundable quantities are read again inside the transaction, so two tills cannot
    /// refund the same goods twice.
    /// Over 60 lines on purpose: the steps of one transaction, in the order they must run,
    /// read top to bottom; split up they would hand a dozen values between pieces.
    public func completeRefund(
        receipt original: String, selections: [RefundSelection], method: TenderMethod, context: TillContext, supervisor: String
    ) throws -> Receipt {
        guard !selections.isEmpty else {
            throw StoreError(.invalidInput, "choose the lines to refund first").because(.nothingToRefund)
        }
        return try write { db in
            let sale = try Self.refundableSale(receipt: original, db)
            // One selection per line: the later quantity of the same line adds up.
            var merged: [Int: Quantity] = [:]
            for selection in selections {
                merged[selection.lineNo, default: .zero] = merged[selection.lineNo, default: .zero] + selection.quantity
            }
            let portions = try Self.refundPortions(
                sale, merged.keys.sorted().map { RefundSelection(lineNo: $0, quantity: merged[$0] ?? .zero) })
            let totals = try RefundTotals.of(portions.map { ($0.2, $0.0.item.tax) }, soldUnder: sale.taxRules)
            let total = totals.total
            if method == .credit && sale.memberNumber == nil {
                throw StoreError(.invalidInput, "the sale had no member, so the refund cannot go to a credit account").because(
                    .refundCreditNeedsMember)
            }
            let settings = try SettingsSnapshot(db)
            let moment = try ShiftStore.shiftMoment(
                self.moment(in: settings.timeZone), shiftID: context.shiftID, register: context.register, db)
            let number = try Self.nextReceiptNumber(register: context.register, day: moment.day, db)
            // Refunded subsidised goods give their units back to the day they were sold.
            var subsidised: [Int64: (programme: String, nik: String?, quotaDay: String)] = [:]
            for (line, _, _) in portions {
                if let found = try SubsidyStore.subsidyOfLine(line.lineID, db) { subsidised[line.lineID] = found }
            }
            let subsidisedIDs = portions.map(\.0.lineID).filter { subsidised[$0] != nil }
            let newBuyers = Dictionary(
                uniqueKeysWithValues: zip(
                    subsidisedIDs,
                    try SubsidyStore.newBuyers(
                        subsidisedIDs.map { (subsidised[$0]?.programme ?? "", subsidised[$0]?.nik) }, day: moment.day, db)))
            let subsidyPayload: [String: JSONValue] =
                subsidised.isEmpty
                ? [:]
                : [
                    "subsidy": .array(
                        portions.compactMap { line, quantity, portion in
                            subsidised[line.lineID].map { found in
                                .object([
                                    "line": .int(Int64(line.lineNo)), "programme": .string(found.programme),
                                    "nik": .optional(found.nik.map(NIK.mask)), "sku": .string(line.item.sku),
                                    "quantity": .int(-quantity.thousandths), "amount": .int(-portion.net.rupiah),
                                    "new_buyer": .bool(newBuyers[line.lineID] ?? false),
                                ])
                            }
                        })
                ]
            let audit = try AuditJournal.append(
                db, store: self, kind: .refundCompleted, actor: context.cashier.code, register: context.register,
                payload: [
                    "receipt": .string(number.text), "refund_of": .string(sale.receiptNumber), "supervisor": .string(supervisor),
                    "method": .string(method.rawValue), "total": .int(total.rupiah),
                    "ppn_rate": .int(sale.taxRules.ppnRate.hundredthsOfPercent), "pkp": .bool(sale.taxRules.isPKP),
                    // Every stored figure of the refund, so `audit verify` can check its rows.
                    "shift": context.shiftID.map { .int($0) } ?? .null, "member": .optional(sale.memberNumber),
                    "gross": .int(totals.gross.rupiah), "discounts": .int(totals.discounts.rupiah), "tax": .int(totals.tax.rupiah),
                    "dpp": .int(totals.dpp.rupiah),
                    "lines": .array(
                        portions.map { line, quantity, portion in
                            .object([
                                "line": .int(Int64(line.lineNo)), "sku": .string(line.item.sku), "quantity": .int(quantity.thousandths),
                                "unit_price": .int(line.unitPrice.rupiah), "amount": .int(portion.amount.rupiah),
                                "discount": .int(portion.discount.rupiah), "net": .int(portion.net.rupiah),
                                "name": .string(line.item.name), "category": .string(line.item.category),
                                "unit": .string(line.item.unit.rawValue), "local": .bool(line.item.isLocal),
                            ])
                        }),
                ].merging(subsidyPayload) { $1 }, at: moment)
            var memberLine: Receipt.MemberLine?
            if let memberNumber = sale.memberNumber, let member = try MemberStore.member(number: memberNumber, db) {
                let before = try Self.memberPurchases(memberNumber, year: String(moment.day.prefix(4)), db)
                memberLine = Receipt.MemberLine(
                    number: member.number, name: member.name, purchasesThisYear: Money(before.rupiah - total.rupiah))
            }
            var receipt = Receipt(
                kind: .refund, header: ReceiptFactory.header(settings), number: number.text, refundOf: sale.receiptNumber,
                issuedAt: moment.local, register: context.register.text, cashier: context.cashier.name,
                lines: portions.map { line, quantity, portion in
                    Receipt.Line(refunded: line.item, unitPrice: line.unitPrice, quantity: quantity, portion: portion)
                },
                gross: totals.gross, discounts: totals.discounts, total: total,
                taxes: Receipt.taxLines(totals.taxes),
                payments: [Receipt.PaymentLine(method: method, amount: total)], member: memberLine,
                footer: settings.value(.receiptFooter), auditHash: audit.hash,
                opensDrawer: method == .cash && settings.flag(.printerDrawer))
            receipt.hubURL = settings.hubURL
            var row = try SaleRecord(
                kind: "refund", number: number, moment: moment, context: context, audit: audit, receipt: receipt, taxRules: sale.taxRules)
            (row.refundOf, row.supervisor, row.memberNumber) = (sale.saleID, supervisor, sale.memberNumber)
            (row.gross, row.discounts, row.total, row.tax, row.dpp) = (receipt.gross, receipt.discounts, total, totals.tax, totals.dpp)
            let refundID = try SalesStore.insertSale(row, db)
            for (index, (line, quantity, portion)) in portions.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO sale_lines(sale_id, line_no, product_id, sku, name, category, unit, quantity, unit_price, amount, discount,
                            net, tax, local, consignor, consignor_price, cost, voided, refund_of_line)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                        """,
                    arguments: [
                        refundID, index + 1, line.productID, line.item.sku, line.item.name, line.item.category, line.item.unit.rawValue,
                        quantity.thousandths, line.unitPrice.rupiah, portion.amount.rupiah, portion.discount.rupiah, portion.net.rupiah,
                        line.item.tax.rawValue, line.item.isLocal, line.item.consignor, line.item.consignorPrice?.rupiah,
                        line.item.cost.rupiah,
                        line.lineID,
                    ])
                if let found = subsidised[line.lineID] {
                    try SubsidyStore.insertSubsidyRow(
                        audit: audit.seq, saleID: refundID, lineID: db.lastInsertedRowID, receipt: number.text, day: moment.day,
                        quotaDay: found.quotaDay, programme: found.programme, nik: found.nik, item: line.item, quantity: -quantity,
                        amount: -portion.net, db)
                }
                try StockStore(database: database).recordMovement(
                    StockChange(
                        productID: line.productID, sku: line.item.sku, kind: .refund, quantity: quantity, unitCost: line.item.cost,
                        reference: number.text, actor: context.cashier.code, register: context.register.text),
                    journal: false, at: moment, db)
            }
            try db.execute(
                sql: "INSERT INTO payments(sale_id, method, amount, tendered) VALUES (?, ?, ?, ?)",
                arguments: [refundID, method.rawValue, -total.rupiah, -total.rupiah])
            return receipt
        }
    }
}
