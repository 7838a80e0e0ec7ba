import GRDB

extension Schema {
    /// Shifts, the open (and parked) sales of each register, completed sales and refunds
    /// with their lines and payments, and cancelled sales.
    /// Over 60 lines on purpose: a migration is one block of SQL, never edited once shipped.
    static func createSales(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE shifts (
                    id INTEGER PRIMARY KEY,
                    register TEXT NOT NULL CHECK (length(register) = 2 AND register NOT GLOB '*[^0-9]*'),
                    cashier TEXT NOT NULL,
                    business_day TEXT NOT NULL,
                    opened_at TEXT NOT NULL,
                    opening_float INTEGER NOT NULL CHECK (opening_float BETWEEN 0 AND 9999999999),
                    closed_at TEXT,
                    closed_day TEXT,
                    expected_cash INTEGER,
                    counted_cash INTEGER CHECK (counted_cash IS NULL OR counted_cash BETWEEN 0 AND 9999999999)
                );
                CREATE UNIQUE INDEX shifts_one_open_per_register ON shifts(register) WHERE closed_at IS NULL;
                CREATE INDEX shifts_day ON shifts(business_day);

                -- The cart at each register, stored after every change; parked carts wait here.
                CREATE TABLE open_sales (
                    id INTEGER PRIMARY KEY,
                    register TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('open', 'parked')),
                    cashier TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    sale_json TEXT NOT NULL
                );
                CREATE UNIQUE INDEX open_sales_one_open_per_register ON open_sales(register) WHERE state = 'open';

                CREATE TABLE sales (
                    id INTEGER PRIMARY KEY,
                    receipt_no TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
                    refund_of INTEGER REFERENCES sales(id),
                    register TEXT NOT NULL,
                    business_day TEXT NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 9999),
                    shift_id INTEGER REFERENCES shifts(id),
                    cashier TEXT NOT NULL,
                    supervisor TEXT,
                    member_number TEXT,
                    completed_at TEXT NOT NULL,
                    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
                    gross INTEGER NOT NULL,
                    discounts INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    rounding INTEGER NOT NULL DEFAULT 0,
                    tax INTEGER NOT NULL DEFAULT 0,
                    dpp INTEGER NOT NULL DEFAULT 0,
                    change_given INTEGER NOT NULL DEFAULT 0,
                    audit_seq INTEGER NOT NULL,
                    audit_hash TEXT NOT NULL,
                    receipt_json TEXT NOT NULL,
                    UNIQUE (register, business_day, seq)
                );
                CREATE INDEX sales_day ON sales(business_day, kind);
                CREATE INDEX sales_member ON sales(member_number, business_day) WHERE member_number IS NOT NULL;
                CREATE INDEX sales_refund_of ON sales(refund_of) WHERE refund_of IS NOT NULL;
                CREATE INDEX sales_shift ON sales(shift_id);

                CREATE TABLE sale_lines (
                    id INTEGER PRIMARY KEY,
                    sale_id INTEGER NOT NULL REFERENCES sales(id),
                    line_no INTEGER NOT NULL,
                    product_id INTEGER NOT NULL REFERENCES products(id),
                    sku TEXT NOT NULL,
                    name TEXT NOT NULL,
                    category TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    unit_price INTEGER NOT NULL,
                    amount INTEGER NOT NULL,
                    discount INTEGER NOT NULL,
                    net INTEGER NOT NULL,
                    tax TEXT NOT NULL,
                    local INTEGER NOT NULL,
                    consignor TEXT,
                    consignor_price INTEGER,
                    cost INTEGER NOT NULL,
                    voided INTEGER NOT NULL DEFAULT 0,
                    refund_of_line INTEGER REFERENCES sale_lines(id),
                    UNIQUE (sale_id, line_no)
                );
                CREATE INDEX sale_lines_refund_of ON sale_lines(refund_of_line) WHERE refund_of_line IS NOT NULL;
                CREATE INDEX sale_lines_product ON sale_lines(product_id);

                CREATE TABLE payments (
                    id INTEGER PRIMARY KEY,
                    sale_id INTEGER NOT NULL REFERENCES sales(id),
                    method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'debit', 'credit')),
                    amount INTEGER NOT NULL,
                    tendered INTEGER NOT NULL
                );
                CREATE INDEX payments_sale ON payments(sale_id);

                CREATE TABLE cancelled_sales (
                    id INTEGER PRIMARY KEY,
                    register TEXT NOT NULL,
                    business_day TEXT NOT NULL,
                    cashier TEXT NOT NULL,
                    supervisor TEXT NOT NULL,
                    cancelled_at TEXT NOT NULL,
                    total INTEGER NOT NULL,
                    sale_json TEXT NOT NULL
                );
                CREATE INDEX cancelled_sales_day ON cancelled_sales(business_day);

                CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                """)
    }
}
