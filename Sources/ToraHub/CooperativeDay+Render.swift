import ToraCore

extension CooperativeDay {
    /// The JSON (docs/hub.md): the Z report's additive keys summed, and `outlets`.
    public var json: JSONValue {
        var object = Self.figures(total)
        object["date"] = .string(day)
        object["cooperative"] = .optional(cooperative)
        object["outlets_count"] = .int(Int64(lines.count))
        object["outlets"] = .array(
            lines.map { line in
                var outlet = Self.figures(line.totals, breakdown: false)
                outlet["cooperative"] = .string(line.outlet.cooperative)
                outlet["outlet"] = .string(line.outlet.code)
                outlet["name"] = .string(line.outlet.name)
                return .object(outlet)
            })
        return .object(object)
    }

    private static func figures(_ totals: DayTotals, breakdown: Bool = true) -> [String: JSONValue] {
        var object: [String: JSONValue] = [
            "sales_count": .int(Int64(totals.salesCount)), "refund_count": .int(Int64(totals.refundCount)),
            "gross": .int(totals.gross), "discounts": .int(totals.discounts), "rounding": .int(totals.rounding),
            "refunds": .int(totals.refunds), "net": .int(totals.net), "tax": .int(totals.tax), "cash": .int(totals.cash),
            "local": .object(["net": .int(totals.localNet), "share_pct": .number(SalesReport.decimal(tenths: totals.localShareTenths))]),
            "unreadable_entries": .int(Int64(totals.unreadable)),
        ]
        guard breakdown else { return object }
        object["void_lines"] = .int(Int64(totals.voidLines))
        object["cancelled_sales"] = .int(Int64(totals.cancelledSales))
        object["dpp"] = .int(totals.dpp)
        object["payments"] = .object(
            Dictionary(uniqueKeysWithValues: TenderMethod.allCases.map { ($0.rawValue, JSONValue.int(totals.payments[$0.rawValue] ?? 0)) }))
        object["members"] = .object(["net": .int(totals.memberNet), "sales_count": .int(Int64(totals.memberSalesCount))])
        object["credit"] = .object([
            "taken": .int(totals.creditTaken), "refunded": .int(totals.creditRefunded), "repaid": .int(totals.creditRepaid),
        ])
        object["savings"] = .object(["deposits": .int(totals.savingsDeposits), "withdrawals": .int(totals.savingsWithdrawals)])
        object["subsidy"] = .array(subsidyLines(totals).map(\.json))
        return object
    }

    /// The programmes in the order of their codes' bytes, as the Z report lists them.
    static func subsidyLines(_ totals: DayTotals) -> [SubsidyDayLine] {
        totals.subsidy.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }.map {
            SubsidyDayLine(
                programme: $0.key, units: Quantity(thousandths: $0.value.units), unit: MeasureUnit(rawValue: $0.value.unit) ?? .pcs,
                net: Money($0.value.net), buyers: $0.value.buyers)
        }
    }

    /// One row an outlet, then the sum (`*`): plain numbers, as every CSV of Tora's reports.
    public var csv: String {
        let header = [
            "cooperative", "outlet", "name", "sales_count", "refund_count", "gross", "discounts", "rounding", "refunds", "net",
            "tax", "cash", "local_net", "local_share_pct",
        ]
        func row(_ cooperative: String, _ outlet: String, _ name: String, _ totals: DayTotals) -> [String] {
            [cooperative, outlet, name]
                + [
                    Int64(totals.salesCount), Int64(totals.refundCount), totals.gross, totals.discounts,
                    totals.rounding, totals.refunds, totals.net, totals.tax, totals.cash, totals.localNet,
                ].map(String.init)
                + [SalesReport.decimal(tenths: totals.localShareTenths)]
        }
        let rows =
            [header] + lines.map { row($0.outlet.cooperative, $0.outlet.code, $0.outlet.name, $0.totals) }
            + [row(cooperative ?? "*", "*", "jumlah", total)]
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The title every format heads the report with.
    public var title: String {
        "LAPORAN HARIAN (Z) \(day) — " + (cooperative.map { "KOPERASI \($0)" } ?? "SEMUA KOPERASI") + " (\(lines.count) gerai)"
    }

    /// The text for people: the sums in rupiah as Indonesians write them, then one line an outlet.
    public var text: String {
        let sum = total
        var out = [title, ""]
        let figures: [(String, String)] =
            [
                ("Transaksi", String(sum.salesCount)), ("Retur", String(sum.refundCount)), ("Penjualan kotor", Money(sum.gross).formatted),
                ("Diskon", Money(sum.discounts).formatted), ("Pembulatan", Money(sum.rounding).formatted),
                ("Nilai retur", Money(sum.refunds).formatted), ("Penjualan bersih", Money(sum.net).formatted),
                ("PPN", Money(sum.tax).formatted),
            ]
            + TenderMethod.allCases.map { ("Bayar \($0.rawValue)", Money(sum.payments[$0.rawValue] ?? 0).formatted) }
            + [
                (
                    "Produk lokal",
                    "\(Money(sum.localNet).formatted) (\(IndonesianNumber.format(sum.localShareTenths, decimals: 1, minimumDecimals: 1))%)"
                ),
                ("Belanja anggota", "\(Money(sum.memberNet).formatted) (\(sum.memberSalesCount) transaksi)"),
                ("Batal", String(sum.cancelledSales)), ("Baris dibatalkan", String(sum.voidLines)),
            ]
        out += Self.aligned(figures.map { [$0.0, $0.1] }, right: [false, true])
        for line in Self.subsidyLines(sum) {
            out.append(
                "Subsidi \(line.programme): \(line.units.formatted(line.unit)) \(line.unit.rawValue), \(line.net.formatted), \(line.buyers) pembeli"
            )
        }
        if sum.unreadable > 0 { out.append("Entri jurnal tak terbaca (tidak dihitung): \(sum.unreadable)") }
        out += ["", "Per gerai:"]
        let rows =
            [["koperasi", "gerai", "nama", "transaksi", "bersih", "tunai", "lokal %"]]
            + lines.map { line in
                [
                    line.outlet.cooperative, line.outlet.code, line.outlet.name, String(line.totals.salesCount),
                    Money(line.totals.net).formatted, Money(line.totals.cash).formatted,
                    IndonesianNumber.format(line.totals.localShareTenths, decimals: 1, minimumDecimals: 1),
                ]
            }
        out += Self.aligned(rows, right: [false, false, false, true, true, true, true])
        return out.joined(separator: "\n") + "\n"
    }

    static func aligned(_ rows: [[String]], right: [Bool]) -> [String] {
        var widths = Array(repeating: 0, count: right.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return right[index] ? padding + cell : (index == row.count - 1 ? cell : cell + padding)
            }.joined(separator: "  ")
        }
    }
}
