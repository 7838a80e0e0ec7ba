import GRDB
import ToraCore

extension Schema {
    /// Each sale and refund keeps the PPN rate and PKP status it was priced under, so a
    /// refund is taxed at its sale's own rate after the setting changes. Sales recorded
    /// before this version take the shop's settings as they are when the file is upgraded
    /// (the column default; new rows always carry their own values): older files did not
    /// keep the rate, and completed sales cannot be updated.
    static func addSaleTaxRules(_ db: Database) throws {
        let stored = try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key IN ('tax.ppn_rate', 'tax.pkp')")
        var rate: Int64 = 1100
        var pkp = 0
        for row in stored {
            let key: String = row["key"]
            let value: String = row["value"]
            if key == "tax.ppn_rate" { rate = TaxRate.parseStored(value)?.hundredthsOfPercent ?? rate }
            if key == "tax.pkp" { pkp = value == "true" ? 1 : 0 }
        }
        try db.execute(
            sql: """
                ALTER TABLE sales ADD COLUMN ppn_rate INTEGER NOT NULL DEFAULT \(rate) CHECK (ppn_rate BETWEEN 0 AND 10000);
                ALTER TABLE sales ADD COLUMN pkp INTEGER NOT NULL DEFAULT \(pkp) CHECK (pkp IN (0, 1));
                """)
    }
}
