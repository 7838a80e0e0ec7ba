import GRDB
import ToraCore

/// The shop database's migrations, registered by name and only ever appended: a shop's
/// file is upgraded in place by the next version of `tora`, never rewritten.
///
/// The rules SQL can hold live here as well as in ToraCore: NOT NULL, CHECK, REFERENCES,
/// and triggers that keep the stock ledger and the audit journal append-only.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-shop", migrate: createShop)
        migrator.registerMigration("v2-sales", migrate: createSales)
        migrator.registerMigration("v3-consignment", migrate: createConsignment)
        migrator.registerMigration("v4-local-hint-index") { db in
            // The till's local-product hint after each non-local scan walked the whole
            // category (14 ms at 300 000 products); this index answers it directly.
            try db.execute(sql: "CREATE INDEX products_local_by_category ON products(category_id, local, active, name)")
        }
        migrator.registerMigration("v5-day-totals", migrate: createDayTotals)
        migrator.registerMigration("v6-numbers-sale-tax-rate", migrate: addSaleTaxRules)
        migrator.registerMigration("v6-shifts-member-money", migrate: createMemberMoney)
        migrator.registerMigration("v7-subsidy-programmes", migrate: createSubsidy)
        migrator.registerMigration("v7-onedomain-signed-sales", migrate: createSignedSales)
        migrator.registerMigration("v7-savings-member-money-note", migrate: addMemberMoneyNote)
        migrator.registerMigration("v8-shared-data", migrate: createSharedData)
        migrator.registerMigration("v8-perf-sales-shift-kind-index") { db in
            // The drawer's cash by shift (Z report, shift close) splits sales from refunds:
            // with `kind` in the index it never reads the sales rows, each ~1.3 KB with its
            // receipt (a third of a Z report's time, docs/performance.md). It replaces
            // `sales_shift`, so a sale still writes as many index entries.
            try db.execute(sql: "CREATE INDEX sales_shift_kind ON sales(shift_id, kind)")
            try db.execute(sql: "DROP INDEX sales_shift")
        }
        migrator.registerMigration("v8-hub-link", migrate: createHubLink)
        migrator.registerMigration("v9-subsidy-hub-use", migrate: createSubsidyHubUse)
        migrator.registerMigration("v10-savings-hub-balances", migrate: createSavingsHubBalances)
        return migrator
    }

    /// Over 60 lines on purpose: a migration is one block of SQL, never edited once shipped.
    static func createShop(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE categories (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60)
                );

                CREATE TABLE products (
                    id INTEGER PRIMARY KEY,
                    sku TEXT NOT NULL UNIQUE COLLATE NOCASE
                        CHECK (length(sku) BETWEEN 1 AND 32 AND sku NOT GLOB '*[^A-Za-z0-9_-]*'),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                    category_id INTEGER NOT NULL REFERENCES categories(id),
                    unit TEXT NOT NULL CHECK (unit IN ('pcs', 'kg', 'l')),
                    price INTEGER NOT NULL CHECK (price BETWEEN 0 AND 9999999999),
                    member_price INTEGER CHECK (member_price IS NULL OR member_price BETWEEN 0 AND price),
                    cost INTEGER NOT NULL DEFAULT 0 CHECK (cost BETWEEN 0 AND 9999999999),
                    tax TEXT NOT NULL CHECK (tax IN ('ppn', 'exempt')),
                    local INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),
                    origin TEXT NOT NULL DEFAULT '',
                    consignor TEXT,
                    consignor_price INTEGER CHECK (consignor_price IS NULL OR consignor_price BETWEEN 0 AND 9999999999),
                    plu TEXT UNIQUE CHECK (plu IS NULL OR (length(plu) = 5 AND plu NOT GLOB '*[^0-9]*')),
                    reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
                    discountable INTEGER NOT NULL DEFAULT 1 CHECK (discountable IN (0, 1)),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    -- thousandths of the unit; always Σ stock_movements.quantity (trigger below)
                    on_hand INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    CHECK ((consignor IS NULL) = (consignor_price IS NULL))
                );
                CREATE INDEX products_category ON products(category_id);
                CREATE INDEX products_consignor ON products(consignor) WHERE consignor IS NOT NULL;
                CREATE INDEX products_low_stock ON products(active, on_hand, reorder_point);

                CREATE TABLE barcodes (
                    code TEXT PRIMARY KEY NOT NULL,
                    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE INDEX barcodes_product ON barcodes(product_id);

                -- Full-text index of the catalogue (rowid = products.id), kept by triggers.
                CREATE VIRTUAL TABLE products_fts USING fts5(
                    name, sku, category, origin,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
                    INSERT INTO products_fts(rowid, name, sku, category, origin)
                    VALUES (NEW.id, NEW.name, NEW.sku, (SELECT name FROM categories WHERE id = NEW.category_id), NEW.origin);
                END;
                CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, category_id, origin ON products BEGIN
                    UPDATE products_fts
                    SET name = NEW.name, sku = NEW.sku, origin = NEW.origin,
                        category = (SELECT name FROM categories WHERE id = NEW.category_id)
                    WHERE rowid = NEW.id;
                END;
                CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
                    DELETE FROM products_fts WHERE rowid = OLD.id;
                END;

                CREATE TABLE tiers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 32),
                    discount_pct INTEGER NOT NULL CHECK (discount_pct BETWEEN 0 AND 100),
                    local_discount_pct INTEGER NOT NULL CHECK (local_discount_pct BETWEEN 0 AND 100)
                );

                CREATE TABLE members (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(number) BETWEEN 1 AND 32),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                    tier_id INTEGER NOT NULL REFERENCES tiers(id),
                    phone TEXT,
                    credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit BETWEEN 0 AND 9999999999),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    created_at TEXT NOT NULL
                );

                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 16),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                    role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
                    pin_hash TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT,
                    created_at TEXT NOT NULL
                );

                -- The stock ledger: on-hand is the sum of these rows, never edited.
                CREATE TABLE stock_movements (
                    id INTEGER PRIMARY KEY,
                    product_id INTEGER NOT NULL REFERENCES products(id),
                    at TEXT NOT NULL,
                    business_day TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('receive', 'sale', 'refund', 'adjust', 'count')),
                    quantity INTEGER NOT NULL,
                    unit_cost INTEGER CHECK (unit_cost IS NULL OR unit_cost BETWEEN 0 AND 9999999999),
                    reason TEXT,
                    party TEXT,
                    reference TEXT,
                    actor TEXT NOT NULL
                );
                CREATE INDEX stock_movements_product ON stock_movements(product_id, id);
                CREATE INDEX stock_movements_day ON stock_movements(business_day, kind, product_id);
                CREATE TRIGGER stock_movements_on_hand AFTER INSERT ON stock_movements BEGIN
                    UPDATE products SET on_hand = on_hand + NEW.quantity WHERE id = NEW.product_id;
                END;
                CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN
                    SELECT RAISE(ABORT, 'stock movements are a ledger: record a new movement instead');
                END;
                CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN
                    SELECT RAISE(ABORT, 'stock movements are a ledger: record a new movement instead');
                END;

                -- The audit journal (docs/audit-journal.md): append-only, each entry hashing the previous.
                CREATE TABLE audit_journal (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    register TEXT,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE TRIGGER audit_journal_no_update BEFORE UPDATE ON audit_journal BEGIN
                    SELECT RAISE(ABORT, 'the audit journal is append-only');
                END;
                CREATE TRIGGER audit_journal_no_delete BEFORE DELETE ON audit_journal BEGIN
                    SELECT RAISE(ABORT, 'the audit journal is append-only');
                END;
                """)
    }
}
