import GRDB

extension Schema {
    /// Settlements with consignors (docs/catalogue-and-stock.md): each sold or refunded consigned line is
    /// settled at most once, so a period never pays twice and a later refund is carried
    /// into the next settlement.
    static func createConsignment(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE consignment_settlements (
                    id INTEGER PRIMARY KEY,
                    consignor TEXT NOT NULL,
                    to_day TEXT NOT NULL,
                    settled_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    units INTEGER NOT NULL,
                    amount INTEGER NOT NULL,
                    audit_seq INTEGER NOT NULL
                );
                CREATE INDEX consignment_settlements_consignor ON consignment_settlements(consignor, to_day);
                CREATE TABLE consignment_settled_lines (
                    line_id INTEGER PRIMARY KEY REFERENCES sale_lines(id),
                    settlement_id INTEGER NOT NULL REFERENCES consignment_settlements(id)
                );
                CREATE INDEX sale_lines_consignor ON sale_lines(consignor) WHERE consignor IS NOT NULL;
                CREATE TRIGGER consignment_settlements_no_update BEFORE UPDATE ON consignment_settlements BEGIN
                    SELECT RAISE(ABORT, 'a settlement never changes');
                END;
                CREATE TRIGGER consignment_settlements_no_delete BEFORE DELETE ON consignment_settlements BEGIN
                    SELECT RAISE(ABORT, 'a settlement never changes');
                END;
                """)
    }
}
