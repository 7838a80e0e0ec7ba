import Foundation
import RawSQLiteBaseline
import ToraCore
import ToraStore

/// Decides the history day by day, as rows ready to insert: who bought what, priced by
/// docs/pricing.md, with the receipt JSON the store would keep and a chained audit entry. It runs
/// on its own thread while `HistoryWriter` inserts the day before (two cores, two jobs).
///
/// The audit entries form a valid chain (hashed as docs/audit-journal.md says) and
/// record every book row — sales, their lines, payments and movements, restocks, shifts
/// opened and closed — so `tora audit verify` checks the chain and the books of a
/// generated shop. Products and users have no journal entries, and no refunds, cancelled
/// sales or parked sales are generated.
struct HistoryPlanner: Sendable {
    let catalogue: [SyntheticProduct]
    let members: Int
    var random: SeededRandom
    var next: HistoryWriter.Identifiers
    private var onHand: [Int64]
    private var low: Set<Int> = []
    private let popular: [Int]

    init(catalogue: [SyntheticProduct], members: Int, random: SeededRandom, next: HistoryWriter.Identifiers) {
        self.catalogue = catalogue
        self.members = members
        self.random = random
        self.next = next
        onHand = catalogue.map(HistoryWriter.restockQuantity)
        var order = catalogue.indices.filter { catalogue[$0].isActive }
        order.shuffle(using: &self.random)
        popular = order
    }

    /// One sale before pricing: register index, second of the day, member index, lines.
    private struct Draft {
        let register: Int
        let second: Int
        let member: Int?
        var lines: [HistoryWriter.LineRow]
        let method: TenderMethod
    }

    /// The rows of one business day with `count` sales.
    mutating func plan(day: ShopCalendar.Day, count: Int, encoder: JSONEncoder) throws -> HistoryWriter.DayRows {
        var rows = HistoryWriter.DayRows(day: day)
        let opened = ShopCalendar.stamp(day, second: ShopCalendar.opening)
        // Restock what ran low yesterday, first thing in the morning.
        for product in low.sorted() {
            let item = catalogue[product]
            let quantity = HistoryWriter.restockQuantity(item)
            next.movement += 1
            let party = item.consignor ?? "Distributor"
            rows.restocks.append(
                HistoryWriter.MovementRow(id: next.movement, product: product, at: opened, quantity: quantity, party: party))
            rows.openingEntries.append(
                AuditRow.next(
                    seq: &next.audit, hash: &next.hash, kind: "stock.receive", actor: "bench", register: nil, at: opened,
                    payload: AuditRow.movementPayload(
                        id: next.movement, sku: item.sku, quantity: quantity, unitCost: item.cost, reason: nil, party: party)))
            onHand[product] += quantity
        }
        low.removeAll()
        let drafts = makeDrafts(count: count)
        var cash = [Int64](repeating: 0, count: BenchUsers.historyRegisters.count)
        for draft in drafts where draft.method == .cash {
            cash[draft.register] += draft.lines.reduce(0) { $0 + $1.amount - $1.discount }
        }
        var shiftIDs: [Int64] = []
        for (index, register) in BenchUsers.historyRegisters.enumerated() {
            next.shift += 1
            shiftIDs.append(next.shift)
            let shift = HistoryWriter.ShiftRow(
                id: next.shift, register: register, cashier: BenchUsers.historyCashiers[index], opened: opened,
                closed: ShopCalendar.stamp(day, second: ShopCalendar.closing - 1), expected: 200_000 + cash[index])
            rows.shifts.append(shift)
            rows.openingEntries.append(
                AuditRow.next(
                    seq: &next.audit, hash: &next.hash, kind: "shift.opened", actor: shift.cashier, register: register, at: opened,
                    payload: .object(["shift": .int(shift.id), "opening_float": 200_000, "business_day": .string(day.text)])))
        }
        var sequence = [Int](repeating: 0, count: BenchUsers.historyRegisters.count)
        for draft in drafts {
            sequence[draft.register] += 1
            rows.sales.append(
                try sale(draft, seq: sequence[draft.register], shiftID: shiftIDs[draft.register], day: day, encoder: encoder))
            for line in draft.lines where !line.voided {
                next.movement += 1
                onHand[line.product] -= line.quantity
                if onHand[line.product] < catalogue[line.product].reorderPoint { low.insert(line.product) }
            }
        }
        for shift in rows.shifts {
            rows.closingEntries.append(
                AuditRow.next(
                    seq: &next.audit, hash: &next.hash, kind: "shift.closed", actor: shift.cashier, register: shift.register,
                    at: shift.closed,
                    payload: .object([
                        "shift": .int(shift.id), "opening_float": 200_000, "cash_sales": .int(shift.expected - 200_000), "cash_refunds": 0,
                        "expected": .int(shift.expected), "counted": .int(shift.expected), "over_short": 0,
                    ])))
        }
        return rows
    }

    private mutating func makeDrafts(count: Int) -> [Draft] {
        var drafts: [Draft] = []
        drafts.reserveCapacity(count)
        let span = ShopCalendar.closing - ShopCalendar.opening - 1
        let seconds = (0..<count).map { _ in ShopCalendar.opening + random.int(0...span) }.sorted()
        for second in seconds {
            let member = random.chance(30) ? random.int(0...(members - 1)) : nil
            var picks: [(product: Int, quantity: Int64)] = []
            for _ in 0..<random.int(1...9) {
                let product = popular[min(Int(Double(popular.count) * pow(random.fraction(), 3)), popular.count - 1)]
                let roll = random.int(0...99)
                let quantity =
                    catalogue[product].unit == .kg
                    ? Int64(random.int(250...2000)) : Int64(roll < 70 ? 1 : roll < 90 ? 2 : random.int(3...6)) * 1000
                picks.append((product, quantity))
            }
            let voided = picks.count > 1 && random.chance(3) ? random.int(0...(picks.count - 1)) : -1
            let lines = picks.enumerated().map { index, pick in
                price(product: pick.product, quantity: pick.quantity, member: member != nil, voided: index == voided)
            }
            let roll = random.int(0...99)
            drafts.append(
                Draft(
                    register: random.int(0...3), second: second, member: member, lines: lines,
                    method: roll < 70 ? .cash : roll < 90 ? .qris : .debit))
        }
        return drafts
    }

    /// Prices one line by docs/pricing.md (no manual discount; the shop is not PKP).
    private func price(product index: Int, quantity: Int64, member: Bool, voided: Bool) -> HistoryWriter.LineRow {
        let product = catalogue[index]
        let atMemberPrice = member && product.memberPrice != nil
        let unit = atMemberPrice ? product.memberPrice ?? product.price : product.price
        let amount = (unit * quantity + 500) / 1000
        guard member, !atMemberPrice, product.isDiscountable, !voided else {
            return HistoryWriter.LineRow(
                product: index, quantity: quantity, unitPrice: unit, amount: voided ? 0 : amount, discount: 0, label: nil, voided: voided)
        }
        let percent: Int64 = product.isLocal ? 5 : 2
        return HistoryWriter.LineRow(
            product: index, quantity: quantity, unitPrice: unit, amount: amount, discount: Money(amount).percent(percent).rupiah,
            label: "Diskon anggota \(percent)%", voided: false)
    }

    private mutating func sale(
        _ draft: Draft, seq: Int, shiftID: Int64, day: ShopCalendar.Day, encoder: JSONEncoder
    ) throws -> HistoryWriter.SaleRow {
        let register = BenchUsers.historyRegisters[draft.register]
        let number = "\(register)-\(day.compact)-\(ShopCalendar.pad(seq, 4))"
        let gross = draft.lines.reduce(0) { $0 + $1.amount }
        let discounts = draft.lines.reduce(0) { $0 + $1.discount }
        let total = gross - discounts
        let tendered = draft.method == .cash ? (total + 9_999) / 10_000 * 10_000 : total
        let member = draft.member.map(HistoryWriter.memberNumber)
        var auditLines: [JSONValue] = []
        var receiptLines: [Receipt.Line] = []
        for (index, line) in draft.lines.enumerated() {
            let item = catalogue[line.product]
            auditLines.append(
                .object([
                    "line": .int(Int64(index + 1)), "sku": .string(item.sku), "quantity": .int(line.quantity),
                    "unit_price": .int(line.unitPrice), "amount": .int(line.amount), "discount": .int(line.discount),
                    "net": .int(line.amount - line.discount), "voided": .bool(line.voided),
                ]))
            guard !line.voided else { continue }
            receiptLines.append(
                Receipt.Line(
                    name: item.name, quantity: Quantity(thousandths: line.quantity).formatted(item.unit), unit: item.unit,
                    unitPrice: Money(line.unitPrice), amount: Money(line.amount), discount: Money(line.discount),
                    discountLabel: line.label, isLocal: item.isLocal))
        }
        let payload = JSONValue.object([
            "receipt": .string(number), "shift": .int(shiftID), "member": .optional(member), "gross": .int(gross),
            "discounts": .int(discounts), "total": .int(total), "rounding": .int(0), "tax": .int(0), "lines": .array(auditLines),
            "payments": .array([
                .object(["method": .string(draft.method.rawValue), "amount": .int(total), "tendered": .int(tendered)])
            ]),
        ]).canonical
        let at = ShopCalendar.stamp(day, second: draft.second, millisecond: random.int(0...999))
        let cashier = BenchUsers.historyCashiers[draft.register]
        let previous = next.hash
        next.audit += 1
        next.sale += 1
        // The entry's hash as docs/audit-journal.md defines it, so `tora audit verify` passes.
        let entry =
            "{\"actor\":\(JSONValue.string(cashier).canonical),\"at\":\(JSONValue.string(at).canonical),\"kind\":\"sale.completed\","
            + "\"payload\":\(payload),\"prev\":\(JSONValue.string(previous).canonical),"
            + "\"register\":\(JSONValue.string(register).canonical),\"seq\":\(next.audit)}"
        next.hash = Self.sha256(entry)
        let receipt = Receipt(
            header: Receipt.Header(shopName: "Toko Rakyat Serba Ada Sukamaju"), number: number,
            issuedAt: ShopCalendar.local(day, second: draft.second), register: register, cashier: "Kasir \(register)",
            lines: receiptLines, gross: Money(gross), discounts: Money(discounts), total: Money(total),
            payments: [Receipt.PaymentLine(method: draft.method, amount: Money(tendered))], change: Money(tendered - total),
            member: member.map { Receipt.MemberLine(number: $0, name: "Anggota \($0)", purchasesThisYear: Money(total)) },
            auditHash: next.hash, opensDrawer: draft.method == .cash)
        return HistoryWriter.SaleRow(
            id: next.sale, number: number, register: register, cashier: cashier, seq: seq, shiftID: shiftID, member: member, at: at,
            hour: draft.second / 3600, gross: gross, discounts: discounts, total: total, method: draft.method, tendered: tendered,
            auditSeq: next.audit, payload: payload, previousHash: previous, hash: next.hash,
            receiptJSON: String(decoding: try encoder.encode(receipt), as: UTF8.self), lines: draft.lines)
    }

    /// Lowercase hex SHA-256 of a text, through the baseline's C implementation.
    static func sha256(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var hex = [CChar](repeating: 0, count: 65)
        bytes.withUnsafeMutableBytes { buffer in
            hex.withUnsafeMutableBufferPointer { out in rsb_sha256_hex(buffer.baseAddress, UInt64(buffer.count), out.baseAddress) }
        }
        return String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
