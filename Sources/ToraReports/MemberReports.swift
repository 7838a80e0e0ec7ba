import ToraCore
import ToraStore

/// A member's statement and the SHU capital pool, as report tables and paper lines.
public enum MemberReports {
    static func kindName(_ line: MemberStatement.Line) -> String {
        switch line.kind {
        case .sale: return "belanja"
        case .refund: return "retur"
        case .deposit: return "setor \(line.account?.rawValue ?? "")"
        case .withdrawal: return "tarik \(line.account?.rawValue ?? "")"
        case .repayment: return "bayar kasbon"
        }
    }

    /// Every line with its running balances: savings (total of the three accounts) and
    /// credit owed; the opening and closing balances per account in the figures. With
    /// `elsewhere` (the member's savings at the cooperative's other outlets, docs/savings.md
    /// "Across outlets"), also those and all outlets' together.
    public static func statement(
        _ member: Member, _ statement: MemberStatement, from: String?, to: String?, elsewhere: OtherOutletsSavings? = nil
    ) -> ReportTable {
        let period = "\(from ?? "awal")…\(to ?? "sekarang")"
        var table = ReportTable(
            title: "REKENING ANGGOTA \(member.number) \(member.name) (\(period))",
            columns: [
                ("day", "tanggal", .text), ("receipt", "struk", .text), ("kind", "jenis", .text), ("purchase", "belanja", .money),
                ("savings", "simpanan", .money), ("credit", "kasbon", .money), ("savings_balance", "saldo simpanan", .money),
                ("owed", "sisa kasbon", .money),
            ])
        for line in statement.lines {
            table.rows.append([
                .text(line.day), .optional(line.receipt), .text(kindName(line)), .money(line.purchase), .money(line.savings),
                .money(line.credit), .money(line.balances.total), .money(line.owed),
            ])
        }
        let opening = statement.openingBalances
        let closing = statement.closingBalances
        table.footer = [
            "saldo awal: pokok \(opening.pokok.formatted), wajib \(opening.wajib.formatted), sukarela \(opening.sukarela.formatted), kasbon \(statement.openingOwed.formatted)",
            "saldo akhir: pokok \(closing.pokok.formatted), wajib \(closing.wajib.formatted), sukarela \(closing.sukarela.formatted), kasbon \(statement.closingOwed.formatted)",
        ]
        table.heading = "Rekening anggota \(member.number)"
        table.detail = "\(member.name), \(period)"
        table.footerOnPage = false
        table.figures = [
            ("member", "Anggota", .text("\(member.number) \(member.name)")),
            ("pokok", "Simpanan pokok", .money(closing.pokok)), ("wajib", "Simpanan wajib", .money(closing.wajib)),
            ("sukarela", "Simpanan sukarela", .money(closing.sukarela)), ("savings", "Jumlah simpanan", .money(closing.total)),
            ("owed", "Sisa kasbon", .money(statement.closingOwed)), ("purchases", "Belanja pada periode", .money(statement.purchases)),
        ]
        table.totals = [
            .text("Jumlah"), .text("\(statement.lines.count) baris"), .text(""), .money(statement.purchases),
            .money(Money(closing.total.rupiah - opening.total.rupiah)),
            .money(Money(statement.closingOwed.rupiah - statement.openingOwed.rupiah)), .money(closing.total),
            .money(statement.closingOwed),
        ]
        if let elsewhere { addOtherOutlets(&table, closing: closing, elsewhere: elsewhere) }
        return table
    }

    /// The other outlets' savings and all outlets' together, as a footer line each and figures.
    static func addOtherOutlets(_ table: inout ReportTable, closing: SavingsBalances, elsewhere: OtherOutletsSavings) {
        let all = allOutlets(closing, elsewhere)
        func accounts(_ balances: SavingsBalances) -> String {
            SavingsAccount.allCases.map { "\($0.rawValue) \(balances[$0].formatted)" }.joined(separator: ", ")
        }
        table.footer += [
            "simpanan di gerai lain (per \(elsewhere.asOfLocal)): \(accounts(elsewhere.balances))",
            "simpanan semua gerai: \(accounts(all)), jumlah \(all.total.formatted)",
        ]
        table.figures += [
            ("elsewhere_as_of", "Simpanan gerai lain per", .text(elsewhere.asOfLocal)),
            ("elsewhere_savings", "Simpanan di gerai lain", .money(elsewhere.balances.total)),
            ("all_outlets_savings", "Simpanan semua gerai", .money(all.total)),
        ]
    }

    /// This shop's balances and the other outlets' together.
    static func allOutlets(_ here: SavingsBalances, _ elsewhere: OtherOutletsSavings) -> SavingsBalances {
        var all = SavingsBalances()
        for account in SavingsAccount.allCases { all[account] = Money(here[account].rupiah + elsewhere.balances[account].rupiah) }
        return all
    }

    /// The statement for the receipt printer: two lines per movement, none wider than
    /// `columns`.
    public static func statementPaper(
        _ member: Member, _ statement: MemberStatement, shopName: String, columns: Int, elsewhere: OtherOutletsSavings? = nil
    ) -> [String] {
        func pair(_ left: String, _ right: String) -> String {
            let room = max(0, columns - right.count - 1)
            let cut = String(left.prefix(room))
            return cut + String(repeating: " ", count: max(1, columns - cut.count - right.count)) + right
        }
        let rule = String(repeating: "-", count: columns)
        var lines = [
            String(shopName.prefix(columns)), String("REKENING \(member.number)".prefix(columns)), String(member.name.prefix(columns)),
            rule,
        ]
        lines.append(pair("Saldo awal simpanan", statement.openingBalances.total.formatted))
        lines.append(pair("Kasbon awal", statement.openingOwed.formatted))
        lines.append(rule)
        for line in statement.lines {
            let amount = line.purchase.isZero ? (line.savings.isZero ? Money(-line.credit.rupiah) : line.savings) : line.purchase
            lines.append(pair("\(line.day) \(kindName(line))", amount.formatted))
            lines.append(pair("  simpanan \(line.balances.total.formatted)", "kasbon \(line.owed.formatted)"))
        }
        lines.append(rule)
        let closing = statement.closingBalances
        for account in SavingsAccount.allCases { lines.append(pair("Simpanan \(account.rawValue)", closing[account].formatted)) }
        lines.append(pair("Sisa kasbon", statement.closingOwed.formatted))
        if let elsewhere {
            lines.append(rule)
            lines.append(String("Gerai lain per \(elsewhere.asOfLocal)".prefix(columns)))
            lines.append(pair("Simpanan gerai lain", elsewhere.balances.total.formatted))
            lines.append(pair("Simpanan semua gerai", allOutlets(closing, elsewhere).total.formatted))
        }
        return lines
    }
}

extension MemberReports {
    /// Both SHU pools side by side: jasa anggota by purchases, jasa modal by year-end
    /// savings; one row per member who has either.
    public static func shu(_ division: SHUDivision, capital: SHUCapitalDivision) -> ReportTable {
        var table = ReportTable(
            title:
                "SHU \(division.year): jasa anggota \(division.pool.formatted), jasa modal \(capital.pool.formatted)",
            columns: [
                ("number", "nomor", .text), ("name", "nama", .text), ("purchases", "belanja", .money),
                ("share", "bagian jasa anggota", .money),
                ("savings", "simpanan akhir tahun", .money), ("capital_share", "bagian jasa modal", .money),
            ])
        let byPurchases = Dictionary(division.shares.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let bySavings = Dictionary(capital.shares.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for number in Set(byPurchases.keys).union(bySavings.keys).sorted() {
            let purchases = byPurchases[number]
            let savings = bySavings[number]
            table.rows.append([
                .text(number), .text(purchases?.name ?? savings?.name ?? ""), .money(purchases?.purchases ?? .zero),
                .money(purchases?.share ?? .zero), .money(savings?.savings ?? .zero), .money(savings?.share ?? .zero),
            ])
        }
        table.footer = [
            "jasa anggota: total belanja \(division.totalPurchases.formatted); dibagikan \(division.distributed.formatted); sisa tidak terbagi \(division.remainder.formatted)",
            "jasa modal: total simpanan \(capital.totalSavings.formatted); dibagikan \(capital.distributed.formatted); sisa tidak terbagi \(capital.remainder.formatted)",
        ]
        table.heading = "SHU jasa anggota dan jasa modal"
        table.detail = division.year
        table.footerOnPage = false
        table.figures = [
            ("year", "Tahun", .text(division.year)), ("pool", "Dana SHU jasa anggota", .money(division.pool)),
            ("total_purchases", "Total belanja anggota", .money(division.totalPurchases)),
            ("distributed", "Jasa anggota dibagikan", .money(division.distributed)),
            ("remainder", "Jasa anggota sisa tidak terbagi", .money(division.remainder)),
            ("capital_pool", "Dana SHU jasa modal", .money(capital.pool)),
            ("total_savings", "Total simpanan akhir tahun", .money(capital.totalSavings)),
            ("capital_distributed", "Jasa modal dibagikan", .money(capital.distributed)),
            ("capital_remainder", "Jasa modal sisa tidak terbagi", .money(capital.remainder)),
        ]
        table.totals = [
            .text("Jumlah"), .text("\(table.rows.count) anggota"), .money(division.totalPurchases), .money(division.distributed),
            .money(capital.totalSavings), .money(capital.distributed),
        ]
        return table
    }
}
