import GRDB
import ToraCore

/// A sale as the report folds read it (`ReportQueries.foldSales`): ToraCore's `ReportSale`
/// and the sale's journal entry.
struct ReportSaleRecord: FetchableRecord {
    /// The columns `init(row:)` reads; `s` is the sales table.
    static let selection = """
        s.kind = 'refund' AS is_refund, s.register, s.cashier, s.hour, s.member_number IS NOT NULL AS is_member, s.gross,
            s.discounts, s.rounding, s.total, s.tax, s.dpp, s.audit_seq
        """

    /// Where each column of `selection` is: a report reads every sale of the day, and a
    /// lookup by name hashes the name each time (docs/performance.md, "Records by position").
    enum Position: Int {
        case isRefund, register, cashier, hour, isMember, gross, discounts, rounding, total, tax, dpp, auditSeq
    }

    let sale: ReportSale
    let auditSeq: Int64

    init(row: Row) {
        func at(_ position: Position) -> Int { position.rawValue }
        sale = ReportSale(
            isRefund: row[at(.isRefund)], register: row[at(.register)], cashier: row[at(.cashier)], hour: row[at(.hour)],
            isMember: row[at(.isMember)], gross: Money(row[at(.gross)]), discounts: Money(row[at(.discounts)]),
            rounding: Money(row[at(.rounding)]), total: Money(row[at(.total)]), tax: Money(row[at(.tax)]), dpp: Money(row[at(.dpp)]))
        auditSeq = row[at(.auditSeq)]
    }
}

/// A sale line as the reports read it: ToraCore's `ReportLine` for the Z/X fold and
/// `ProductLine` for the products report.
struct SaleLineRecord: FetchableRecord {
    /// The columns `init(row:)` reads; `s` is the sales table, `l` the lines.
    static let selection = "s.kind = 'refund' AS is_refund, l.voided, l.local, l.quantity, l.net, l.cost, l.sku, l.category, l.name, l.unit"

    let isRefund: Bool
    let isVoided: Bool
    let isLocal: Bool
    let quantity: Quantity
    let net: Money
    let unitCost: Money
    let sku: String
    let category: String
    let name: String
    let unit: MeasureUnit

    /// Where each column of `selection` is: a Z report reads every line of the day, and a
    /// lookup by name hashes the name each time (docs/performance.md, "Records by position").
    enum Position: Int {
        case isRefund, voided, local, quantity, net, cost, sku, category, name, unit
    }

    init(row: Row) {
        func at(_ position: Position) -> Int { position.rawValue }
        isRefund = row[at(.isRefund)]
        isVoided = row[at(.voided)]
        isLocal = row[at(.local)]
        quantity = Quantity(thousandths: row[at(.quantity)])
        net = Money(row[at(.net)])
        unitCost = Money(row[at(.cost)])
        sku = row[at(.sku)]
        category = row[at(.category)]
        name = row[at(.name)]
        unit = MeasureUnit(rawValue: row[at(.unit)]) ?? .pcs
    }

    var reportLine: ReportLine {
        ReportLine(
            isRefund: isRefund, sku: sku, name: name, category: category, unit: unit, quantity: quantity, net: net, isVoided: isVoided,
            isLocal: isLocal)
    }

    var productLine: ProductLine {
        ProductLine(
            isRefund: isRefund, sku: sku, name: name, category: category, unit: unit, isLocal: isLocal, quantity: quantity, net: net,
            unitCost: unitCost)
    }
}

/// The cash payments of one shift's sales and of its refunds (`ReportQueries.shiftsCash`).
struct ShiftCashRecord: FetchableRecord {
    enum Columns {
        static let shiftID = Column("shift_id")
        static let cashSales = Column("cash_sales")
        static let cashRefunds = Column("cash_refunds")
    }

    let shiftID: Int64
    let cashSales: Int64
    let cashRefunds: Int64

    init(row: Row) {
        shiftID = row[Columns.shiftID]
        cashSales = row[Columns.cashSales]
        cashRefunds = row[Columns.cashRefunds]
    }
}

/// One row of `day_totals`, which triggers keep as sales and refunds are written.
extension DaySales: FetchableRecord {
    enum Columns {
        static let businessDay = Column("business_day")
        static let salesCount = Column("sales_count")
        static let refundCount = Column("refund_count")
        static let gross = Column("gross")
        static let discounts = Column("discounts")
        static let rounding = Column("rounding")
        static let refunds = Column("refunds")
        static let tax = Column("tax")
        static let localNet = Column("local_net")
    }

    public init(row: Row) {
        self.init(
            date: row[Columns.businessDay], salesCount: row[Columns.salesCount], refundCount: row[Columns.refundCount],
            gross: Money(row[Columns.gross]), discounts: Money(row[Columns.discounts]), rounding: Money(row[Columns.rounding]),
            refunds: Money(row[Columns.refunds]), tax: Money(row[Columns.tax]), localNet: Money(row[Columns.localNet]))
    }
}

/// A sum per group: the rows of `SELECT <group> AS key, sum(...) AS total … GROUP BY <group>`.
struct GroupTotal<Key: DatabaseValueConvertible & Hashable>: FetchableRecord {
    enum Columns {
        static var key: Column { Column("key") }
        static var total: Column { Column("total") }
    }

    let key: Key
    let total: Int64

    init(row: Row) {
        key = row[Columns.key]
        total = row[Columns.total]
    }

    /// The totals of `sql` by key.
    static func byKey(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Key: Int64] {
        var totals: [Key: Int64] = [:]
        for group in try fetchAll(db, sql: sql, arguments: arguments) { totals[group.key] = group.total }
        return totals
    }
}

/// A journal entry's number and hash (`SELECT seq, hash FROM audit_journal …`).
struct JournalHeadRecord: FetchableRecord {
    enum Columns {
        static let seq = Column("seq")
        static let hash = Column("hash")
    }

    let head: JournalHead

    init(row: Row) { head = JournalHead(seq: row[Columns.seq], hash: row[Columns.hash]) }

    /// The head `sql` selects, nil when it selects no entry.
    static func head(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> JournalHead? {
        try fetchOne(db, sql: sql, arguments: arguments)?.head
    }
}

/// One subsidised line of the subsidy report (`subsidy_sales`).
struct SubsidySaleRecord: FetchableRecord {
    enum Columns {
        static let businessDay = Column("business_day")
        static let receiptNo = Column("receipt_no")
        static let programme = Column("programme")
        static let nik = Column("nik")
        static let sku = Column("sku")
        static let unit = Column("unit")
        static let quantity = Column("quantity")
        static let amount = Column("amount")
    }

    let sale: SubsidySale

    init(row: Row) {
        sale = SubsidySale(
            day: row[Columns.businessDay], receipt: row[Columns.receiptNo], programme: row[Columns.programme], nik: row[Columns.nik],
            sku: row[Columns.sku], unit: MeasureUnit(rawValue: row[Columns.unit]) ?? .pcs,
            quantity: Quantity(thousandths: row[Columns.quantity]), amount: Money(row[Columns.amount]))
    }
}

/// One programme's line of the Z report's subsidy section.
struct SubsidyDayRecord: FetchableRecord {
    enum Columns {
        static let programme = Column("programme")
        static let unit = Column("unit")
        static let units = Column("units")
        static let net = Column("net")
        static let buyers = Column("buyers")
    }

    let line: SubsidyDayLine

    init(row: Row) {
        line = SubsidyDayLine(
            programme: row[Columns.programme], units: Quantity(thousandths: row[Columns.units]),
            unit: MeasureUnit(rawValue: row[Columns.unit]) ?? .pcs, net: Money(row[Columns.net]), buyers: row[Columns.buyers])
    }
}

/// One member's purchases net of refunds in the SHU year.
struct PurchasesRecord: FetchableRecord {
    enum Columns {
        static let number = Column("number")
        static let name = Column("name")
        static let purchases = Column("purchases")
    }

    let purchases: SHUDivision.Purchases

    init(row: Row) {
        purchases = SHUDivision.Purchases(
            number: row[Columns.number], name: row[Columns.name], purchases: Money(row[Columns.purchases]))
    }
}

/// A consigned line not yet settled, its units signed (a refund's negative).
struct ConsignedLineRecord: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let consignor = Column("consignor")
        static let sku = Column("sku")
        static let name = Column("name")
        static let unit = Column("unit")
        static let consignorPrice = Column("consignor_price")
        static let units = Column("units")
    }

    let id: Int64
    let consignor: String
    let sku: String
    let name: String?
    let unit: String?
    let consignorPrice: Int64?
    let units: Int64

    init(row: Row) {
        id = row[Columns.id]
        consignor = row[Columns.consignor]
        sku = row[Columns.sku]
        name = row[Columns.name]
        unit = row[Columns.unit]
        consignorPrice = row[Columns.consignorPrice]
        units = row[Columns.units]
    }
}
