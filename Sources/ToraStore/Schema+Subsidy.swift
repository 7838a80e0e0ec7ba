import GRDB

extension Schema {
    /// Subsidised goods (docs/subsidised-goods.md): programmes with a HET and a limit per
    /// buyer, the product's programme, the member's NIK, and one `subsidy_sales` row per
    /// subsidised line of a completed sale or refund, written in the sale's transaction
    /// (with the journal entry that records it, `audit_seq`). A refund's row is negative
    /// and counts on `quota_day`, the day of the sale it gives units back to.
    static func createSubsidy(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE subsidy_programmes (
                    code TEXT PRIMARY KEY NOT NULL COLLATE NOCASE
                        CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9_-]*'),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                    het INTEGER NOT NULL CHECK (het BETWEEN 1 AND 9999999999),
                    limit_units INTEGER NOT NULL CHECK (limit_units > 0),
                    period TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
                    nik_required INTEGER NOT NULL DEFAULT 0 CHECK (nik_required IN (0, 1)),
                    updated_at TEXT NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE products ADD COLUMN subsidy TEXT;
                ALTER TABLE members ADD COLUMN nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*'));
                CREATE TABLE subsidy_sales (
                    id INTEGER PRIMARY KEY,
                    audit_seq INTEGER NOT NULL,
                    sale_id INTEGER NOT NULL REFERENCES sales(id),
                    line_id INTEGER NOT NULL REFERENCES sale_lines(id),
                    receipt_no TEXT NOT NULL,
                    business_day TEXT NOT NULL,
                    quota_day TEXT NOT NULL,
                    programme TEXT NOT NULL,
                    nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
                    sku TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    amount INTEGER NOT NULL
                );
                CREATE INDEX subsidy_sales_buyer ON subsidy_sales(programme, nik, quota_day);
                CREATE INDEX subsidy_sales_day ON subsidy_sales(business_day);
                CREATE INDEX subsidy_sales_line ON subsidy_sales(line_id);
                CREATE TRIGGER subsidy_sales_no_update BEFORE UPDATE ON subsidy_sales BEGIN
                    SELECT RAISE(ABORT, 'subsidy sales are append-only');
                END;
                CREATE TRIGGER subsidy_sales_no_delete BEFORE DELETE ON subsidy_sales BEGIN
                    SELECT RAISE(ABORT, 'subsidy sales are append-only');
                END;
                """)
    }
}
