import GRDB
import ToraCore

/// One subsidised line of a completed sale or refund, for the reconciliation report.
public struct SubsidySale: Sendable, Hashable {
    public let day: String
    public let receipt: String
    public let programme: String
    /// The buyer's 16 digits, or nil when no buyer was named. Show `NIK.mask` of it
    /// unless the report was asked for in full by a signed-in manager.
    public let nik: String?
    public let sku: String
    public let unit: MeasureUnit
    /// Negative for a refund.
    public let quantity: Quantity
    public let amount: Money
}

extension SubsidyStore {
    // MARK: Programmes

    /// Creates or changes a programme; refused when a product of it is priced above the
    /// new HET (named). Journaled as `subsidy.programme_set` with the old values.
    public func setProgramme(_ programme: SubsidyProgramme, actor: String) throws {
        var programme = programme
        programme.code = programme.code.uppercased()
        if let first = programme.problems().first { throw StoreError(first) }
        try write { db in try self.writeProgramme(programme, actor: actor, db) }
    }

    func writeProgramme(_ programme: SubsidyProgramme, actor: String, _ db: Database) throws {
        var programme = programme
        programme.code = programme.code.uppercased()
        let old = try Self.programme(code: programme.code, db)
        let above = try String.fetchAll(
            db,
            sql: "SELECT sku FROM products WHERE subsidy = ? COLLATE NOCASE AND max(price, coalesce(member_price, 0)) > ? ORDER BY sku",
            arguments: [programme.code, programme.het.rupiah])
        if !above.isEmpty {
            throw StoreError(
                .invalidInput,
                "het: \(above.joined(separator: ", ")) \(above.count == 1 ? "is" : "are") priced above \(programme.het.formatted); lower the price first"
            )
        }
        try db.execute(
            sql: """
                INSERT INTO subsidy_programmes(code, name, het, limit_units, period, nik_required, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, het = excluded.het, limit_units = excluded.limit_units,
                    period = excluded.period, nik_required = excluded.nik_required, updated_at = excluded.updated_at
                """,
            arguments: [
                programme.code, programme.name, programme.het.rupiah, programme.limit.thousandths, programme.period.rawValue,
                programme.nikRequired, Timestamp.format(self.clock.now),
            ])
        var payload = Self.auditFields(programme)
        payload["old"] = old.map { JSONValue.object(Self.auditFields($0)) } ?? JSONValue.null
        try AuditJournal.append(db, store: self, kind: .subsidyProgrammeSet, actor: actor, payload: payload)
    }

    static func auditFields(_ programme: SubsidyProgramme) -> [String: JSONValue] {
        [
            "code": .string(programme.code), "name": .string(programme.name), "het": .int(programme.het.rupiah),
            "limit": .int(programme.limit.thousandths), "per": .string(programme.period.rawValue),
            "nik_required": .bool(programme.nikRequired),
        ]
    }

    /// Every programme, by code.
    public func programmes() throws -> [SubsidyProgramme] {
        try read { db in try ProgrammeRecord.fetchAll(db, sql: "SELECT * FROM subsidy_programmes ORDER BY code").map(\.programme) }
    }

    /// The programme with this code (any case).
    public func programme(code: String) throws -> SubsidyProgramme? {
        try read { db in try Self.programme(code: code, db) }
    }

    static func programme(code: String, _ db: Database) throws -> SubsidyProgramme? {
        try ProgrammeRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM subsidy_programmes WHERE code = ?"), arguments: [code])?
            .programme
    }

    static func programme(row: Row) -> SubsidyProgramme {
        SubsidyProgramme(
            code: row["code"], name: row["name"], het: Money(row["het"]), limit: Quantity(thousandths: row["limit_units"]),
            period: SubsidyPeriod(rawValue: row["period"]) ?? .day, nikRequired: row["nik_required"])
    }

    /// A subsidised product's rules that need the shop: its programme exists, and neither
    /// its price nor its member price is above the HET.
    static func subsidyProblems(_ product: Product, _ db: Database) throws -> [CoreError] {
        guard let code = product.subsidy else { return [] }
        guard let programme = try programme(code: code, db) else {
            return [
                CoreError(
                    .invalidField, field: "subsidy", value: code, reason: "no subsidy programme '\(code)'; see `tora subsidy list`")
            ]
        }
        var found: [CoreError] = []
        for (field, price) in [("price", Optional(product.price)), ("member_price", product.memberPrice)] {
            guard let price else { continue }
            do { try programme.checkPrice(price, field: field, sku: product.sku) } catch { found.append(error) }
        }
        return found
    }

    // MARK: Limits

    /// Units of `programme` the buyer has in the period holding `day`, net of refunds:
    /// this shop's, those a published version of the cooperative's data lists, and those
    /// the hub counted at the other outlets (as far as the last sync; docs/shared-data.md,
    /// docs/hub.md "Subsidised units across outlets").
    static func usedUnits(programme: SubsidyProgramme, nik: NIK, day: String, _ db: Database) throws -> Quantity {
        let window = try programme.period.window(containing: day)
        return Quantity(
            thousandths: try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT (SELECT coalesce(sum(quantity), 0) FROM subsidy_sales
                                WHERE programme = ?1 AND nik = ?2 AND quota_day BETWEEN ?3 AND ?4)
                             + (SELECT coalesce(sum(units), 0) FROM subsidy_remote_use
                                WHERE programme = ?1 AND nik = ?2 AND day BETWEEN ?3 AND ?4)
                             + (SELECT coalesce(sum(units), 0) FROM subsidy_hub_use
                                WHERE programme = ?1 AND nik = ?2 AND day BETWEEN ?3 AND ?4)
                        """),
                arguments: [programme.code, nik.digits, window.from, window.to]) ?? 0)
    }

    /// Refuses a sale whose subsidised lines break a programme's rules on `day`: a line of
    /// a programme that needs a buyer when none is named, or more units than the buyer has
    /// left. `changed` is the line just added or changed, so the answer says what remains
    /// for it; without it the whole sale is checked (at completion).
    static func checkSubsidy(_ sale: Sale, changed: Int?, day: String, _ db: Database) throws {
        var byProgramme: [String: [SaleLine]] = [:]
        for line in sale.activeLines {
            if let code = line.item.subsidy { byProgramme[code.uppercased(), default: []].append(line) }
        }
        for code in byProgramme.keys.sorted() {
            guard let programme = try programme(code: code, db), let lines = byProgramme[code] else { continue }
            if programme.nikRequired && sale.buyer == nil {
                let name = lines.first?.item.name ?? code
                throw StoreError(
                    CoreError(
                        .nikRequired, field: "nik", value: code, details: ["programme": code, "name": name],
                        reason: "\(name) (\(code)) needs the buyer's NIK first"))
            }
            guard let buyer = sale.buyer else { continue }
            let used = try usedUnits(programme: programme, nik: buyer, day: day, db)
            let unit = lines.first?.item.unit ?? .pcs
            do {
                if let changed, let line = lines.first(where: { $0.number == changed }) {
                    let others = lines.filter { $0.number != changed }.reduce(Quantity.zero) { $0 + $1.quantity }
                    _ = try programme.remaining(used: used + others, asking: line.quantity, unit: unit, buyer: buyer)
                } else {
                    let asking = lines.reduce(Quantity.zero) { $0 + $1.quantity }
                    _ = try programme.remaining(used: used, asking: asking, unit: unit, buyer: buyer)
                }
            } catch {
                throw StoreError(error)
            }
        }
    }

    /// The till's early answer for a line just added or changed (the same check runs
    /// again inside the sale's completion). A refusal is journaled with the masked NIK.
    public func checkSubsidy(_ sale: Sale, changed: Int?, businessDay: BusinessDay, actor: String, register: RegisterID) throws {
        do {
            try read { db in try Self.checkSubsidy(sale, changed: changed, day: businessDay.text, db) }
        } catch let error as StoreError where error.coreError?.code == .subsidyLimit {
            try JournalStore(database: database).recordEvent(
                kind: .subsidyRefused, actor: actor, register: register,
                payload: [
                    "programme": .string(error.coreError?.details["programme"] ?? ""), "nik": .optional(sale.buyer?.masked),
                    "asked": .string(error.coreError?.value ?? ""), "remaining": .string(error.coreError?.details["remaining"] ?? ""),
                ])
            throw error
        }
    }

    // MARK: Rows of a sale

    /// The journal's record of a sale's subsidised lines: masked NIK only.
    static func subsidyPayload(_ rows: [(line: PricedLine, programme: String)], buyer: NIK?, newBuyers: [Bool]) -> [String: JSONValue] {
        guard !rows.isEmpty else { return [:] }
        return [
            "subsidy": .array(
                zip(rows, newBuyers).map { row, isNew in
                    .object([
                        "line": .int(Int64(row.line.number)), "programme": .string(row.programme), "nik": .optional(buyer?.masked),
                        "sku": .string(row.line.line.item.sku), "quantity": .int(row.line.line.quantity.thousandths),
                        "amount": .int(row.line.net.rupiah), "new_buyer": .bool(isNew),
                    ])
                })
        ]
    }

    /// For each `(programme, NIK)` about to be written on `day`, whether it is that
    /// buyer's first row of the programme that day — what the Z report's `buyers` counts —
    /// so the journal can tell the hub without holding the NIK (docs/journal-projection.md).
    static func newBuyers(_ rows: [(programme: String, nik: String?)], day: String, _ db: Database) throws -> [Bool] {
        var seen: Set<[String]> = []
        var result: [Bool] = []
        for row in rows {
            guard let nik = row.nik, seen.insert([row.programme, nik]).inserted else {
                result.append(false)
                continue
            }
            let earlier = try Bool.fetchOne(
                db.cachedStatement(
                    sql: "SELECT EXISTS(SELECT 1 FROM subsidy_sales WHERE programme = ? AND nik = ? AND business_day = ?)"),
                arguments: [row.programme, nik, day])
            result.append(!(earlier ?? false))
        }
        return result
    }

    static func insertSubsidyRow(
        audit: Int64, saleID: Int64, lineID: Int64, receipt: String, day: String, quotaDay: String, programme: String, nik: String?,
        item: SaleItem, quantity: Quantity, amount: Money, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO subsidy_sales(audit_seq, sale_id, line_id, receipt_no, business_day, quota_day, programme, nik, sku, unit,
                    quantity, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            audit, saleID, lineID, receipt, day, quotaDay, programme, nik, item.sku, item.unit.rawValue, quantity.thousandths,
            amount.rupiah,
        ])
    }

    /// For a refund of sold line `lineID`: the programme, buyer and day its units counted on.
    static func subsidyOfLine(_ lineID: Int64, _ db: Database) throws -> (programme: String, nik: String?, quotaDay: String)? {
        try Row.fetchOne(db, sql: "SELECT programme, nik, quota_day FROM subsidy_sales WHERE line_id = ? LIMIT 1", arguments: [lineID])
            .map { ($0["programme"], $0["nik"], $0["quota_day"]) }
    }

    // MARK: Reports

    /// Every subsidised line of `programme` sold or refunded from `from` to `to`.
    public func subsidySales(programme: String, from: BusinessDay, to: BusinessDay) throws -> [SubsidySale] {
        try read { db in
            try SubsidySaleRecord.fetchAll(
                db,
                sql: """
                    SELECT business_day, receipt_no, programme, nik, sku, unit, quantity, amount FROM subsidy_sales
                    WHERE programme = ? COLLATE NOCASE AND business_day BETWEEN ? AND ? ORDER BY business_day, receipt_no, id
                    """, arguments: [programme, from, to]
            ).map(\.sale)
        }
    }

    /// The Z report's `subsidy` section of `day`, by programme.
    static func subsidyDay(_ day: String, _ db: Database) throws -> [SubsidyDayLine] {
        try SubsidyDayRecord.fetchAll(
            db,
            sql: """
                SELECT programme, min(unit) AS unit, sum(quantity) AS units, sum(amount) AS net, count(DISTINCT nik) AS buyers
                FROM subsidy_sales WHERE business_day = ? GROUP BY programme ORDER BY programme
                """, arguments: [day]
        ).map(\.line)
    }

    /// The `subsidy` section of the Z report of `day`.
    public func subsidyDay(_ day: BusinessDay) throws -> [SubsidyDayLine] {
        try read { db in try Self.subsidyDay(day.text, db) }
    }
}
