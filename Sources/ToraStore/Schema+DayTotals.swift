import GRDB

extension Schema {
    /// Sales per business day (`day_totals`), for the per-day report over long periods:
    /// summing 2 M `sales` rows (each with its receipt JSON) and 10 M lines took seconds.
    ///
    /// Derived data, never entered by hand: triggers on `sales` and `sale_lines` add each
    /// new row's share, and those tables are append-only (`*_no_update`, `*_no_delete`),
    /// so the totals stay right whichever code path writes a sale — the store, a refund,
    /// or the benchmark's bulk SQL. Rows are only added to and never deleted;
    /// `ShopStore.dayTotalsMismatches()` recomputes them from the sales as a check.
    /// The sign rules are those of the reports: a refund counts in `refunds` (its total)
    /// and against `tax`, `dpp`, `local_net` and `member_net`; voided lines count in
    /// `void_lines` and never in `local_net`.
    /// Over 60 lines on purpose: a migration is one block of SQL, never edited once shipped.
    static func createDayTotals(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE day_totals (
                    business_day TEXT PRIMARY KEY NOT NULL,
                    sales_count INTEGER NOT NULL DEFAULT 0,
                    refund_count INTEGER NOT NULL DEFAULT 0,
                    gross INTEGER NOT NULL DEFAULT 0,
                    discounts INTEGER NOT NULL DEFAULT 0,
                    rounding INTEGER NOT NULL DEFAULT 0,
                    refunds INTEGER NOT NULL DEFAULT 0,
                    tax INTEGER NOT NULL DEFAULT 0,
                    dpp INTEGER NOT NULL DEFAULT 0,
                    member_net INTEGER NOT NULL DEFAULT 0,
                    member_sales_count INTEGER NOT NULL DEFAULT 0,
                    local_net INTEGER NOT NULL DEFAULT 0,
                    void_lines INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;

                INSERT INTO day_totals(business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, dpp,
                    member_net, member_sales_count, local_net, void_lines)
                \(recomputedDayTotals);

                CREATE TRIGGER sales_day_totals AFTER INSERT ON sales BEGIN
                    INSERT INTO day_totals(business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, dpp,
                        member_net, member_sales_count)
                    VALUES (
                        NEW.business_day, NEW.kind = 'sale', NEW.kind = 'refund',
                        CASE WHEN NEW.kind = 'sale' THEN NEW.gross ELSE 0 END,
                        CASE WHEN NEW.kind = 'sale' THEN NEW.discounts ELSE 0 END,
                        CASE WHEN NEW.kind = 'sale' THEN NEW.rounding ELSE 0 END,
                        CASE WHEN NEW.kind = 'refund' THEN NEW.total ELSE 0 END,
                        CASE WHEN NEW.kind = 'sale' THEN NEW.tax ELSE -NEW.tax END,
                        CASE WHEN NEW.kind = 'sale' THEN NEW.dpp ELSE -NEW.dpp END,
                        CASE WHEN NEW.member_number IS NULL THEN 0 WHEN NEW.kind = 'sale' THEN NEW.total ELSE -NEW.total END,
                        NEW.member_number IS NOT NULL AND NEW.kind = 'sale')
                    ON CONFLICT(business_day) DO UPDATE SET
                        sales_count = sales_count + excluded.sales_count, refund_count = refund_count + excluded.refund_count,
                        gross = gross + excluded.gross, discounts = discounts + excluded.discounts,
                        rounding = rounding + excluded.rounding, refunds = refunds + excluded.refunds, tax = tax + excluded.tax,
                        dpp = dpp + excluded.dpp, member_net = member_net + excluded.member_net,
                        member_sales_count = member_sales_count + excluded.member_sales_count;
                END;

                -- A line is written after its sale, in the same transaction: the sale gives
                -- the day and the sign. Only local and voided lines change the totals.
                CREATE TRIGGER sale_lines_day_totals AFTER INSERT ON sale_lines WHEN NEW.local = 1 OR NEW.voided = 1 BEGIN
                    INSERT INTO day_totals(business_day, local_net, void_lines)
                    SELECT s.business_day,
                        CASE WHEN NEW.local = 1 AND NEW.voided = 0 THEN (CASE WHEN s.kind = 'sale' THEN NEW.net ELSE -NEW.net END) ELSE 0 END,
                        NEW.voided = 1
                    FROM sales s WHERE s.id = NEW.sale_id
                    ON CONFLICT(business_day) DO UPDATE SET
                        local_net = local_net + excluded.local_net, void_lines = void_lines + excluded.void_lines;
                END;

                CREATE TRIGGER day_totals_no_delete BEFORE DELETE ON day_totals BEGIN
                    SELECT RAISE(ABORT, 'day totals are derived from the sales and never deleted');
                END;
                CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN
                    SELECT RAISE(ABORT, 'a completed sale never changes: refund it instead');
                END;
                """)
    }

    /// `day_totals` computed afresh from `sales` and `sale_lines`, in its column order: the
    /// backfill of `v5-day-totals`, kept as it ran (the live rule is `signed_sales`).
    static let recomputedDayTotals = """
        WITH per_sale AS (
            SELECT business_day,
                count(CASE WHEN kind = 'sale' THEN 1 END) AS sales_count, count(CASE WHEN kind = 'refund' THEN 1 END) AS refund_count,
                coalesce(sum(CASE WHEN kind = 'sale' THEN gross END), 0) AS gross,
                coalesce(sum(CASE WHEN kind = 'sale' THEN discounts END), 0) AS discounts,
                coalesce(sum(CASE WHEN kind = 'sale' THEN rounding END), 0) AS rounding,
                coalesce(sum(CASE WHEN kind = 'refund' THEN total END), 0) AS refunds,
                coalesce(sum(CASE WHEN kind = 'sale' THEN tax ELSE -tax END), 0) AS tax,
                coalesce(sum(CASE WHEN kind = 'sale' THEN dpp ELSE -dpp END), 0) AS dpp,
                coalesce(sum(CASE WHEN member_number IS NOT NULL THEN (CASE WHEN kind = 'sale' THEN total ELSE -total END) END), 0)
                    AS member_net,
                count(CASE WHEN member_number IS NOT NULL AND kind = 'sale' THEN 1 END) AS member_sales_count
            FROM sales GROUP BY business_day
        ), per_line AS (
            SELECT s.business_day,
                coalesce(sum(CASE WHEN l.local = 1 AND l.voided = 0 THEN (CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END) END), 0)
                    AS local_net,
                count(CASE WHEN l.voided = 1 THEN 1 END) AS void_lines
            FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY s.business_day
        )
        SELECT d.business_day, d.sales_count, d.refund_count, d.gross, d.discounts, d.rounding, d.refunds, d.tax, d.dpp,
            d.member_net, d.member_sales_count, coalesce(l.local_net, 0), coalesce(l.void_lines, 0)
        FROM per_sale d LEFT JOIN per_line l ON l.business_day = d.business_day
        """
}
