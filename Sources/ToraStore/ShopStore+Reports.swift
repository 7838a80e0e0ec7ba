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
    public var net: Money { Money(gross.rupiah - discounts.rupiah - rounding.rupiah - refunds.rupiah) }
}

/// One product in the products report: sold net of refunds, at what cost.
public struct ProductSales: Sendable, Hashable {
    public let sku: String
    public let name: String
    public let category: String
    public let unit: MeasureUnit
    public let isLocal: Bool
    public let quantity: Quantity
    public let net: Money
    /// Σ quantity × the cost recorded on each line when it was sold.
    public let cost: Money
    public var margin: Money { Money(net.rupiah - cost.rupiah) }
}

/// One product in the stock report.
public struct StockValue: Sendable, Hashable {
    public let product: StockedProduct
    /// on-hand × cost, round-half-up; zero for negative stock (flagged instead).
    public let value: Money
}

extension ShopStore {
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

    /// Products sold from `from` to `to` net of refunds, best net first.
    public func productSales(from: String, to: String) throws -> [ProductSales] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.sku, max(l.name) AS name, max(l.category) AS category, max(l.unit) AS unit, max(l.local) AS local,
                        sum(CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END) AS quantity,
                        sum(CASE WHEN s.kind = 'sale' THEN l.net ELSE -l.net END) AS net,
                        sum(CASE WHEN s.kind = 'sale' THEN 1 ELSE -1 END * ((l.quantity * l.cost + 500) / 1000)) AS cost
                    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                    WHERE s.business_day BETWEEN ? AND ? AND l.voided = 0
                    GROUP BY l.sku ORDER BY net DESC, l.sku
                    """, arguments: [from, to])
            return rows.map {
                ProductSales(
                    sku: $0["sku"], name: $0["name"], category: $0["category"], unit: MeasureUnit(rawValue: $0["unit"]) ?? .pcs,
                    isLocal: $0["local"], quantity: Quantity(thousandths: $0["quantity"]), net: Money($0["net"]), cost: Money($0["cost"]))
            }
        }
    }

    /// Every active product with its stock value at cost, by category and name.
    public func stockValuation() throws -> [StockValue] {
        try products().map { stocked in
            let value = stocked.onHand.isNegative ? .zero : (try? stocked.product.cost.times(stocked.onHand)) ?? .zero
            return StockValue(product: stocked, value: value)
        }
    }
}
