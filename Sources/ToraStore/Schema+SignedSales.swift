import GRDB

extension Schema {
    /// The one SQL statement of how a sale or a refund counts in the day's totals
    /// (docs/reports.md): `signed_sales` and `signed_sale_lines` give every row's signed
    /// values (a refund's tax, DPP, member and local net negative; its total under
    /// `refunds`), and the `day_totals` triggers and the recomputation of
    /// `dayTotalsMismatches()` sum those same columns. ToraCore's `DayFold` holds the
    /// rule; the tests check `day_totals` against it.
    static func createSignedSales(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIEW signed_sales AS
                SELECT id, business_day,
                    kind = 'sale' AS sales_count, kind = 'refund' AS refund_count,
                    CASE WHEN kind = 'sale' THEN gross ELSE 0 END AS gross,
                    CASE WHEN kind = 'sale' THEN discounts ELSE 0 END AS discounts,
                    CASE WHEN kind = 'sale' THEN rounding ELSE 0 END AS rounding,
                    CASE WHEN kind = 'refund' THEN total ELSE 0 END AS refunds,
                    CASE WHEN kind = 'sale' THEN tax ELSE -tax END AS tax,
                    CASE WHEN kind = 'sale' THEN dpp ELSE -dpp END AS dpp,
                    CASE WHEN member_number IS NULL THEN 0 WHEN kind = 'sale' THEN total ELSE -total END AS member_net,
                    member_number IS NOT NULL AND kind = 'sale' AS member_sales_count
                FROM sales;

                CREATE VIEW signed_sale_lines AS
                SELECT l.id, s.business_day,
                    CASE WHEN l.local = 1 AND l.voided = 0 THEN (CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END) ELSE 0 END
                        AS local_net,
                    l.voided = 1 AS void_lines
                FROM sale_lines l JOIN sales s ON s.id = l.sale_id;

                DROP TRIGGER sales_day_totals;
                CREATE TRIGGER sales_day_totals AFTER INSERT ON sales BEGIN
                    INSERT INTO day_totals(business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, dpp,
                        member_net, member_sales_count)
                    SELECT business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, dpp, member_net,
                        member_sales_count
                    FROM signed_sales WHERE id = NEW.id
                    ON CONFLICT(business_day) DO UPDATE SET
                        sales_count = sales_count + excluded.sales_count, refund_count = refund_count + excluded.refund_count,
                        gross = gross + excluded.gross, discounts = discounts + excluded.discounts,
                        rounding = rounding + excluded.rounding, refunds = refunds + excluded.refunds, tax = tax + excluded.tax,
                        dpp = dpp + excluded.dpp, member_net = member_net + excluded.member_net,
                        member_sales_count = member_sales_count + excluded.member_sales_count;
                END;

                DROP TRIGGER sale_lines_day_totals;
                CREATE TRIGGER sale_lines_day_totals AFTER INSERT ON sale_lines WHEN NEW.local = 1 OR NEW.voided = 1 BEGIN
                    INSERT INTO day_totals(business_day, local_net, void_lines)
                    SELECT business_day, local_net, void_lines FROM signed_sale_lines WHERE id = NEW.id
                    ON CONFLICT(business_day) DO UPDATE SET
                        local_net = local_net + excluded.local_net, void_lines = void_lines + excluded.void_lines;
                END;
                """)
    }

    /// `day_totals` computed afresh by summing `signed_sales` and `signed_sale_lines`, in
    /// its column order (the check of `dayTotalsMismatches()`).
    static let summedDayTotals = """
        WITH per_sale AS (
            SELECT business_day, sum(sales_count) AS sales_count, sum(refund_count) AS refund_count, sum(gross) AS gross,
                sum(discounts) AS discounts, sum(rounding) AS rounding, sum(refunds) AS refunds, sum(tax) AS tax, sum(dpp) AS dpp,
                sum(member_net) AS member_net, sum(member_sales_count) AS member_sales_count
            FROM signed_sales GROUP BY business_day
        ), per_line AS (
            SELECT business_day, sum(local_net) AS local_net, sum(void_lines) AS void_lines FROM signed_sale_lines GROUP BY business_day
        )
        SELECT d.business_day, d.sales_count, d.refund_count, d.gross, d.discounts, d.rounding, d.refunds, d.tax, d.dpp,
            d.member_net, d.member_sales_count, coalesce(l.local_net, 0), coalesce(l.void_lines, 0)
        FROM per_sale d LEFT JOIN per_line l ON l.business_day = d.business_day
        """
}
