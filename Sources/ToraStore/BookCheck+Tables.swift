import GRDB
import ToraCore

/// The book tables `tora audit verify` checks against the journal, one `BookCheck` each
/// (docs/audit-journal.md, "Checking the books"). To cover a new table, append a check
/// here: its SQL (id first, then the compared columns), the entry kinds that write it,
/// and what one entry says its rows hold.
extension BookCheck {
    static let all: [BookCheck] = [
        sales, saleLines, payments, stockMovements, shiftsOpened, shiftsClosed, settlements, memberMoney, subsidySales,
        sharedDataVersions,
    ]

    /// A version of the cooperative's data applied (docs/shared-data.md).
    static let sharedDataVersions = BookCheck(
        table: "shared_data_versions", kinds: ["hub.data_applied"],
        sql: "SELECT version, audit_seq, audit_hash, version, cooperative, changes FROM shared_data_versions ORDER BY version",
        matching: .inOrder
    ) { entry in
        let p = entry.payload
        return [
            ExpectedRow([
                entry.seq.databaseValue, entry.hash.databaseValue, field(p["version"]), field(p["cooperative"]), field(p["changes"]),
            ])
        ]
    }

    /// A completed sale or refund: its row names its entry (`audit_seq`, `audit_hash`);
    /// the receipt number is also rebuilt from the row's register, day and number.
    static let sales = BookCheck(
        table: "sales", kinds: ["sale.completed", "refund.completed"],
        sql: """
            SELECT s.id, s.audit_seq, s.audit_hash, s.kind, s.receipt_no, s.register, s.cashier, s.completed_at, s.shift_id,
                s.member_number, s.gross, s.discounts, s.total, s.rounding, s.tax, s.dpp, s.change_given, s.supervisor,
                o.receipt_no AS refund_of,
                s.register || '-' || replace(s.business_day, '-', '') || '-' || substr('000' || s.seq, -4) AS receipt_of_day
            FROM sales s LEFT JOIN sales o ON o.id = s.refund_of ORDER BY s.id
            """, matching: .inOrder
    ) { entry in
        let p = entry.payload
        let isSale = entry.kind == "sale.completed"
        let change = p["payments"]?.arrayValue.map { payments in
            payments.reduce(Int64(0)) { $0 + ($1["tendered"]?.intValue ?? 0) - ($1["amount"]?.intValue ?? 0) }
        }
        return [
            ExpectedRow([
                entry.seq.databaseValue, entry.hash.databaseValue, (isSale ? "sale" : "refund").databaseValue, field(p["receipt"]),
                entry.register.databaseValue, entry.actor.databaseValue, entry.at.databaseValue, field(p["shift"]), field(p["member"]),
                field(p["gross"]), field(p["discounts"]), field(p["total"]), isSale ? field(p["rounding"]) : 0.databaseValue,
                field(p["tax"]), field(p["dpp"]), isSale ? change?.databaseValue : 0.databaseValue,
                isSale ? .null : field(p["supervisor"]), isSale ? .null : field(p["refund_of"]), field(p["receipt"]),
            ])
        ]
    }

    /// The lines of a sale or refund, in line order. A voided line keeps no amount or
    /// discount in its row; a refund line names the sold line it returns.
    static let saleLines = BookCheck(
        table: "sale_lines", kinds: ["sale.completed", "refund.completed"],
        sql: """
            SELECT l.id, s.audit_seq, l.line_no, l.sku, l.quantity, l.unit_price, l.amount, l.discount, l.net, l.voided,
                o.line_no AS refund_of_line, l.name, l.category, l.unit, l.local
            FROM sale_lines l LEFT JOIN sales s ON s.id = l.sale_id LEFT JOIN sale_lines o ON o.id = l.refund_of_line ORDER BY l.id
            """, matching: .inOrder
    ) { entry in
        let lines = entry.payload["lines"]?.arrayValue ?? []
        guard entry.kind == "sale.completed" else {
            return lines.enumerated().map { index, line in
                let values: [DatabaseValue?] = [
                    entry.seq.databaseValue, (index + 1).databaseValue, field(line["sku"]), field(line["quantity"]),
                    field(line["unit_price"]), field(line["amount"]), field(line["discount"]), field(line["net"]), false.databaseValue,
                    field(line["line"]),
                ]
                return ExpectedRow(values + soldAs(line))
            }
        }
        return lines.map { line in
            let voided = line["voided"]?.boolValue == true
            let values: [DatabaseValue?] = [
                entry.seq.databaseValue, field(line["line"]), field(line["sku"]), field(line["quantity"]), field(line["unit_price"]),
                voided ? 0.databaseValue : field(line["amount"]), voided ? 0.databaseValue : field(line["discount"]),
                field(line["net"]), voided.databaseValue, .null,
            ]
            return ExpectedRow(values + soldAs(line))
        }
    }

    /// A line's product as sold (name, category, unit, local), which the Z report sums by
    /// and the hub projects it from (docs/journal-projection.md); nil (not checked) for
    /// entries written before lines recorded it.
    static func soldAs(_ line: JSONView) -> [DatabaseValue?] {
        [field(line["name"]), field(line["category"]), field(line["unit"]), field(line["local"])]
    }

    /// Money in and out: a sale's payments as tendered; a refund's one payment out.
    static let payments = BookCheck(
        table: "payments", kinds: ["sale.completed", "refund.completed"],
        sql: "SELECT p.id, s.audit_seq, p.method, p.amount, p.tendered FROM payments p LEFT JOIN sales s ON s.id = p.sale_id ORDER BY p.id",
        matching: .inOrder
    ) { entry in
        let p = entry.payload
        guard entry.kind == "sale.completed" else {
            let out = p["total"]?.intValue.map { (-$0).databaseValue }
            return [ExpectedRow([entry.seq.databaseValue, field(p["method"]), out, out])]
        }
        return (p["payments"]?.arrayValue ?? []).map { payment in
            ExpectedRow([entry.seq.databaseValue, field(payment["method"]), field(payment["amount"]), field(payment["tendered"])])
        }
    }

    /// The stock ledger: receipts, adjustments and counts journal each movement (by id);
    /// a sale or refund journals its movements as its lines (goods out, goods back).
    static let stockMovements = BookCheck(
        table: "stock_movements", kinds: ["stock.receive", "stock.adjust", "stock.count", "sale.completed", "refund.completed"],
        sql: """
            SELECT m.id, m.id AS movement, m.kind, upper(p.sku) AS sku, m.quantity, m.unit_cost, m.reason, m.party, m.reference,
                m.actor, m.at
            FROM stock_movements m LEFT JOIN products p ON p.id = m.product_id ORDER BY m.id
            """, matching: .inOrder
    ) { entry in
        let p = entry.payload
        func sku(_ value: JSONView?) -> DatabaseValue? { value?.stringValue.map { $0.uppercased().databaseValue } }
        switch entry.kind {
        case "sale.completed", "refund.completed":
            let isSale = entry.kind == "sale.completed"
            return (p["lines"]?.arrayValue ?? []).filter { $0["voided"]?.boolValue != true }.map { line in
                let quantity = line["quantity"]?.intValue.map { (isSale ? -$0 : $0).databaseValue }
                return ExpectedRow([
                    nil, (isSale ? "sale" : "refund").databaseValue, sku(line["sku"]), quantity, nil, .null, .null, field(p["receipt"]),
                    entry.actor.databaseValue, entry.at.databaseValue,
                ])
            }
        default:
            return [
                ExpectedRow([
                    field(p["movement"]), String(entry.kind.dropFirst("stock.".count)).databaseValue, sku(p["sku"]), field(p["quantity"]),
                    field(p["unit_cost"]), field(p["reason"]), field(p["party"]), field(p["reference"]), entry.actor.databaseValue,
                    entry.at.databaseValue,
                ])
            ]
        }
    }

    /// A shift as opened: register, cashier, day and float.
    static let shiftsOpened = BookCheck(
        table: "shifts", kinds: ["shift.opened"],
        sql: "SELECT id, register, cashier, business_day, opening_float FROM shifts ORDER BY id", matching: .byID
    ) { entry in
        let p = entry.payload
        return [
            ExpectedRow(
                id: p["shift"]?.intValue,
                [entry.register.databaseValue, entry.actor.databaseValue, field(p["business_day"]), field(p["opening_float"])])
        ]
    }

    /// A shift as closed: the expected and the counted cash.
    static let shiftsClosed = BookCheck(
        table: "shifts (closing)", kinds: ["shift.closed"],
        sql: "SELECT id, expected_cash, counted_cash FROM shifts WHERE closed_at IS NOT NULL ORDER BY id", matching: .byID
    ) { entry in
        [ExpectedRow(id: entry.payload["shift"]?.intValue, [field(entry.payload["expected"]), field(entry.payload["counted"])])]
    }

    /// A settlement with a consignor: who, up to which day, how much.
    static let settlements = BookCheck(
        table: "consignment_settlements", kinds: ["consignment.settled"],
        sql: "SELECT id, audit_seq, consignor, to_day, amount, units, actor FROM consignment_settlements ORDER BY id", matching: .inOrder
    ) { entry in
        let p = entry.payload
        return [
            ExpectedRow([
                entry.seq.databaseValue, field(p["consignor"]), field(p["to"]), field(p["amount"]), field(p["units"]),
                entry.actor.databaseValue,
            ])
        ]
    }

    /// Members' money that is not a sale (credit repayments, savings deposits and
    /// withdrawals): member, account, signed amount, method, receipt, register, shift, day,
    /// who took it, and where a savings movement came from (note, the sale of saved change).
    static let memberMoney = BookCheck(
        table: "member_money", kinds: ["credit.repaid", "savings.deposited", "savings.withdrawn"],
        sql: """
            SELECT id, audit_seq, member_number, account, kind, amount, method, receipt_no, register, shift_id, business_day, actor,
                note, of_receipt
            FROM member_money ORDER BY id
            """, matching: .inOrder
    ) { entry in
        let p = entry.payload
        return [
            ExpectedRow([
                entry.seq.databaseValue, field(p["member"]), field(p["account"]), field(p["kind"]), field(p["amount"]),
                field(p["method"]), field(p["receipt"]), field(p["register"]), field(p["shift"]), field(p["business_day"]),
                entry.actor.databaseValue, field(p["note"]), field(p["of_receipt"]),
            ])
        ]
    }

    /// Subsidised lines of sales and refunds: the units, amount and buyer that count
    /// against a programme's limit. The journal keeps the NIK masked, so the row's NIK is
    /// compared in that form (docs/subsidised-goods.md).
    static let subsidySales = BookCheck(
        table: "subsidy_sales", kinds: ["sale.completed", "refund.completed"],
        sql: """
            SELECT id, audit_seq, receipt_no, programme,
                CASE WHEN nik IS NULL THEN NULL ELSE substr(nik, 1, 4) || '********' || substr(nik, 13, 4) END,
                sku, quantity, amount
            FROM subsidy_sales ORDER BY id
            """, matching: .inOrder
    ) { entry in
        (entry.payload["subsidy"]?.arrayValue ?? []).map { row in
            ExpectedRow([
                entry.seq.databaseValue, field(entry.payload["receipt"]), field(row["programme"]), field(row["nik"]), field(row["sku"]),
                field(row["quantity"]), field(row["amount"]),
            ])
        }
    }
}
