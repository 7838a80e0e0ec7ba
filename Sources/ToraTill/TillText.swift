import ToraCore
import ToraResources
import ToraStore

/// How the till writes a sale on the screen: plain lines, money as `Rp12.500`.
enum TillText {
    /// "3 baris, 5 barang": how many lines the sale has (voided ones left out) and how
    /// many things the customer carries — the pieces of counted goods, and one for each
    /// weighed or measured line (kilograms are never added to pieces). As the values
    /// `lines` and `items` of a message; docs/till.md explains the wording.
    static func counts(_ lines: [SaleLine], texts: Translations) -> [String: String] {
        let active = lines.filter { !$0.isVoided }
        let items = active.reduce(Int64(0)) { sum, line in
            sum + (line.item.unit.isMeasured ? 1 : max(1, line.quantity.thousandths / 1000))
        }
        let itemCount = items > Int64(Int.max) ? Int.max : Int(items)
        return [
            "lines": texts.text("count.lines", ["count": String(active.count)], count: active.count),
            "items": texts.text("count.items", ["count": String(itemCount)], count: itemCount),
        ]
    }

    static func signed(_ amount: Money) -> String {
        amount.rupiah > 0 ? "+" + amount.formatted : amount.formatted
    }

    static func line(_ line: PricedLine, texts: Translations) -> [String] {
        let item = line.line.item
        let marker = item.isLocal ? " *" : ""
        if line.isVoided {
            return [texts.text("sale.line_voided", ["line": String(line.number), "name": item.name + marker])]
        }
        let quantity = line.line.quantity.formatted(item.unit) + (item.unit.isMeasured ? " \(item.unit.rawValue)" : "")
        var lines = [
            texts.text(
                "sale.line",
                [
                    "line": String(line.number), "name": item.name + marker, "quantity": quantity, "price": line.unitPrice.formatted,
                    "amount": line.amount.formatted,
                ])
        ]
        if line.isAtMemberPrice { lines.append(texts.text("sale.member_price")) }
        if !line.discount.isZero {
            let label: String
            switch line.discountSource {
            case .tier(let pct): label = texts.text("sale.discount_tier", ["pct": String(pct)])
            case .manualPercent(let pct): label = texts.text("sale.discount_manual_pct", ["pct": String(pct)])
            case .manualAmount, .none: label = texts.text("sale.discount")
            }
            lines.append("     \(label) -\(line.discount.formatted)")
        }
        return lines
    }

    static func totals(_ priced: PricedSale, sale: Sale, rules: PricingRules, texts: Translations) -> [String] {
        var lines = [texts.text("total.gross", ["amount": priced.gross.formatted])]
        if !priced.discounts.isZero { lines.append(texts.text("total.discounts", ["amount": "-" + priced.discounts.formatted])) }
        lines.append(texts.text("total.total", ["amount": priced.total.formatted]))
        for tax in priced.taxes {
            lines.append(texts.text("total.tax", ["rate": tax.rate.description, "dpp": tax.dpp.formatted, "tax": tax.tax.formatted]))
        }
        for payment in sale.payments {
            lines.append(
                texts.text(
                    "total.payment", ["method": texts.text("method.\(payment.method.rawValue)"), "amount": payment.amount.formatted]))
        }
        if let due = try? sale.remaining(with: rules), !sale.payments.isEmpty {
            lines.append(texts.text("sale.due", ["due": due.formatted]))
        }
        if let cash = try? sale.cashDue(with: rules), let due = try? sale.remaining(with: rules), cash != due {
            lines.append(texts.text("sale.cash_due", ["due": cash.formatted]))
        }
        return lines
    }

    static func shiftReport(_ report: SalesReport, cash: ShiftCash, shift: Shift, openedAt: String, texts: Translations) -> [String] {
        var lines = [
            texts.text("x.title", ["register": shift.register, "cashier": shift.cashier, "opened": openedAt]),
            texts.text("x.sales", ["count": String(report.salesCount), "net": report.net.formatted]),
            texts.text("x.refunds", ["count": String(report.refundCount), "amount": report.refunds.formatted]),
        ]
        for method in TenderMethod.allCases {
            lines.append(
                texts.text(
                    "total.payment",
                    ["method": texts.text("method.\(method.rawValue)"), "amount": (report.payments[method] ?? .zero).formatted]))
        }
        lines.append(
            texts.text(
                "x.cash",
                [
                    "float": cash.openingFloat.formatted, "sales": cash.cashSales.formatted, "refunds": cash.cashRefunds.formatted,
                    "expected": cash.expected.formatted,
                ]))
        if !report.credit.repaid.isZero {
            lines.append(
                texts.text(
                    "x.credit_repaid",
                    [
                        "amount": report.credit.repaid.formatted, "cash": (report.credit.repaidByMethod[.cash] ?? .zero).formatted,
                    ]))
        }
        let savings = report.savings
        if !savings.deposits.isZero || !savings.withdrawals.isZero {
            lines.append(
                texts.text(
                    "x.savings",
                    [
                        "deposits": (savings.depositsByMethod[.cash] ?? .zero).formatted,
                        "withdrawals": (savings.withdrawalsByMethod[.cash] ?? .zero).formatted,
                    ]))
        }
        return lines
    }
}
