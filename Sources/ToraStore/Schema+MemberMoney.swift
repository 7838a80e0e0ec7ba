import GRDB

extension Schema {
    /// Members' money that is not a sale (docs/shifts-and-credit.md): credit repayments now,
    /// savings deposits and withdrawals later, one shape for all. `amount` is signed as money
    /// handed to the shop: a repayment or a deposit is positive, a withdrawal negative, so
    /// Σ cash amounts of a shift is what its drawer gained. A movement taken at a till has
    /// its own receipt number from the register's sequence of the shift's business day
    /// (shared with `sales`); one recorded in the back office has no register, shift or
    /// receipt. Append-only, like the sales; each row names the journal entry written in
    /// its transaction (`audit_seq`, `audit_hash`, kind `credit.repaid` for repayments).
    static func createMemberMoney(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE member_money (
                    id INTEGER PRIMARY KEY,
                    member_number TEXT NOT NULL,
                    account TEXT NOT NULL CHECK (account IN ('credit', 'pokok', 'wajib', 'sukarela')),
                    kind TEXT NOT NULL CHECK (kind IN ('repayment', 'deposit', 'withdrawal')),
                    amount INTEGER NOT NULL CHECK (amount BETWEEN -9999999999 AND 9999999999 AND amount <> 0),
                    method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'debit')),
                    receipt_no TEXT UNIQUE,
                    register TEXT,
                    business_day TEXT NOT NULL,
                    seq INTEGER CHECK (seq IS NULL OR seq BETWEEN 1 AND 9999),
                    shift_id INTEGER REFERENCES shifts(id),
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL,
                    audit_seq INTEGER NOT NULL,
                    audit_hash TEXT NOT NULL,
                    receipt_json TEXT,
                    CHECK ((receipt_no IS NULL) = (seq IS NULL) AND (seq IS NULL OR register IS NOT NULL)),
                    CHECK ((account = 'credit') = (kind = 'repayment')),
                    CHECK ((kind = 'withdrawal') = (amount < 0)),
                    UNIQUE (register, business_day, seq)
                );
                CREATE INDEX member_money_member ON member_money(member_number, account);
                CREATE INDEX member_money_day ON member_money(business_day);
                CREATE INDEX member_money_shift ON member_money(shift_id) WHERE shift_id IS NOT NULL;
                CREATE TRIGGER member_money_no_update BEFORE UPDATE ON member_money BEGIN
                    SELECT RAISE(ABORT, 'a member money movement never changes: record a new one instead');
                END;
                CREATE TRIGGER member_money_no_delete BEFORE DELETE ON member_money BEGIN
                    SELECT RAISE(ABORT, 'a member money movement never changes: record a new one instead');
                END;
                """)
    }
}

extension Schema {
    /// Savings movements (docs/savings.md) say where they came from: `note` is `change`
    /// for a sale's change put into savings (`of_receipt` names that sale), `opening` for
    /// an opening balance migrated once from the old books, `closing` for savings paid out
    /// when membership ends; NULL for an ordinary movement.
    static func addMemberMoneyNote(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE member_money ADD COLUMN note TEXT CHECK (note IS NULL OR note IN ('change', 'opening', 'closing'));
                ALTER TABLE member_money ADD COLUMN of_receipt TEXT;
                CREATE INDEX member_money_of_receipt ON member_money(of_receipt) WHERE of_receipt IS NOT NULL;
                """)
    }
}
