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
    public func dailySales(from: String, to: String) throws -> [DaySales] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT business_day, sales_count, refund_count, gross, discounts, rounding, refunds, tax, local_net
                    FROM day_totals WHERE business_day BETWEEN ? AND ? ORDER BY business_day
                    """, arguments: [from, to])
            return rows.map {
                DaySales(
                    date: $0["business_day"], salesCount: $0["sales_count"], refundCount: $0["refund_count"], gross: Money($0["gross"]),
                    discounts: Money($0["discounts"]), rounding: Money($0["rounding"]), refunds: Money($0["refunds"]),
                    tax: Money($0["tax"]), localNet: Money($0["local_net"]))
            }
        }
    }

    /// Products sold from `from` to `to` net of refunds, best net first: the period's
    /// non-voided lines folded by ToraCore's `ProductTally` (line costs rounded there).
    public func productSales(from: String, to: String) throws -> [ProductSales] {
        try read { db in
            var tally = ProductTally()
            let lines = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.kind = 'refund', l.sku, l.name, l.category, l.unit, l.local, l.quantity, l.net, l.cost
                    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                    WHERE s.business_day BETWEEN ? AND ? AND l.voided = 0
                    """, arguments: [from, to])
            while let row = try lines.next() {
                tally.add(
                    ProductLine(
                        isRefund: row[0], sku: row[1], name: row[2], category: row[3], unit: MeasureUnit(rawValue: row[4]) ?? .pcs,
                        isLocal: row[5], quantity: Quantity(thousandths: row[6]), net: Money(row[7]), unitCost: Money(row[8])))
            }
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
