import Foundation
import GRDB
import ToraCore

/// One business day in the sales report.
public struct DaySales: Sendable, Hashable {
    public let date: String
    public let salesCount: Int
    public let refundCount: Int
    public let gross: Money
    public let discounts: Money
    public let rounding: Money
    public let refunds: Money
    public let tax: Money
    public let localNet: Money
    public var net: Money { ReportFigures.net(gross: gross, discounts: discounts, rounding: rounding, refunds: refunds) }
}

/// One product in the stock report.
public struct StockValue: Sendable, Hashable {
    public let product: StockedProduct
    /// on-hand × cost, round-half-up; zero for negative stock (flagged instead).
    public let value: Money
}

extension ReportQueries {
    /// Sales per business day from `from` to `to`, both included; days without sales left out.
    /// Read from `day_totals`, which triggers keep as sales and refunds are written.
    public func dailySales(from: BusinessDay, to: BusinessDay) throws -> [DaySales] {
        try read { db in
            try DaySales.fetchAll(
                db,
                sql: """
                    SELECT business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, local_net
                    FROM day_totals WHERE business_day BETWEEN ? AND ? ORDER BY business_day
                    """, arguments: [from, to])
        }
    }

    /// Products sold from `from` to `to` net of refunds, best net first: the period's
    /// non-voided lines folded by ToraCore's `ProductTally` (line costs rounded there).
    public func productSales(from: BusinessDay, to: BusinessDay) throws -> [ProductSales] {
        try read { db in
            var tally = ProductTally()
            let lines = try SaleLineRecord.fetchCursor(
                db,
                sql: """
                    SELECT \(SaleLineRecord.selection)
                    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                    WHERE s.business_day BETWEEN ? AND ? AND l.voided = 0
                    """, arguments: [from, to])
            while let record = try lines.next() { tally.add(record.productLine) }
            return tally.products()
        }
    }

    /// Every active product with its stock value at cost, by category and name.
    public func stockValuation() throws -> [StockValue] {
        try CatalogueStore(database: database).products().map { stocked in
            let value = stocked.onHand.isNegative ? .zero : (try? stocked.product.cost.times(stocked.onHand)) ?? .zero
            return StockValue(product: stocked, value: value)
        }
    }
}
