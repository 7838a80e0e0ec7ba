import Foundation
import Testing
import ToraCore
import ToraTestSupport

/// Every `--format html` report is a real page: the same history as the other report
/// tests, each page opened in headless Chromium, its table cells read back from the DOM
/// and held against `--format json`, and a screenshot that is not blank.
extension ReportTests {
    /// One report's page as the browser read it, with the report's JSON beside it.
    struct Page {
        let tables: PageTables
        let json: [String: Any]
        let html: String
        /// The JSON's rows and the page's table of them.
        var rows: [[String: Any]] { json["rows"] as? [[String: Any]] ?? [] }
        var table: PageTables.Table { tables.tables["rows"] ?? .missing }
    }

    /// One report written as HTML and as JSON; the page is checked for what every page
    /// must be (self-contained, a `rows` table whose cells equal the JSON's rows, not
    /// blank on screen) and returned for the report's own checks.
    func page(_ arguments: [String], day: String = "2026-11-28", name: String) throws -> Page {
        let file = folder.file("\(name).html")
        try ok(arguments + ["--format", "html", "--output", file], day: day)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.components(separatedBy: "http").count == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count)
        let json = try self.json(try ok(arguments + ["--format", "json"], day: day))
        let browser = try HeadlessBrowser.locate()
        let tables = PageTables(dom: try browser.dumpDOM(file))
        let picture = folder.file("\(name).png")
        try browser.screenshot(file, to: picture)
        #expect(try PNGInk.fraction(of: picture) > 0.01, "the screenshot of \(name) looks blank")
        if let rows = json["rows"] as? [[String: Any]] {
            let table = try #require(tables.tables["rows"], "no table of rows on the \(name) page")
            #expect(table.rows.count == rows.count)
            for (index, row) in rows.enumerated() where index < table.rows.count {
                let cells = table.row(index)
                #expect(Set(cells.keys) == Set(row.keys), "row \(index) of \(name)")
                for (key, value) in row {
                    let cell = try #require(cells[key], "\(key) of row \(index) of \(name)")
                    #expect(Self.same(cell, value), "\(name) row \(index) \(key): page \(cell) json \(value)")
                }
            }
        }
        return Page(tables: tables, json: json, html: html)
    }

    /// Whether a cell shows the JSON value: the raw value equal, and money written `Rp12.500`.
    static func same(_ cell: PageTables.Cell, _ json: Any) -> Bool {
        guard let value = cell.value else { return false }
        if cell.text.contains("Rp") { guard let rupiah = Int64(value), cell.text == Money(rupiah).formatted else { return false } }
        if value == "true" || value == "false" { return (json as? Bool) == (value == "true") }
        switch json {
        case let text as String: return value == text
        case let number as NSNumber: return Double(value) == number.doubleValue
        default: return value.isEmpty && json is NSNull
        }
    }

    /// Σ of a whole-rupiah column of the JSON rows.
    static func total(_ rows: [[String: Any]], _ key: String) -> String {
        String(rows.reduce(0) { $0 + ($1[key] as? Int ?? 0) })
    }

    @Test("report sales --format html: a table of days with headings and totals, and a chart with every day of the period")
    func salesPage() throws {
        try makeHistory()
        let page = try page(["report", "sales", "--from", "2026-11-25", "--to", "2026-11-28"], name: "sales")
        let (rows, table) = (page.rows, page.table)
        #expect(table.headers.first == "tanggal" && table.headers.contains("bersih"))
        for key in ["gross", "discounts", "rounding", "refunds", "net", "tax", "local_net"] {
            #expect(table.total[key]?.value == Self.total(rows, key), "total \(key)")
        }
        #expect(table.total["net"]?.text == "Rp135.700")
        #expect(table.total["sales_count"]?.value == "4")
        #expect(page.tables.text.contains("Penjualan per hari") && page.tables.text.contains("2026-11-25 s.d. 2026-11-28"))
        // A quiet day is a day on the chart, not a missing one.
        #expect(page.html.contains("<title>25/11: Rp0</title>") && page.html.contains("<title>28/11: Rp44.200</title>"))
    }

    @Test("report products --format html: products with totals of money (never of mixed units) and a top-products chart")
    func productsPage() throws {
        try makeHistory()
        let page = try page(["report", "products", "--from", "2026-11-27", "--to", "2026-11-28"], name: "products")
        let (rows, table) = (page.rows, page.table)
        for key in ["net", "cost", "margin"] { #expect(table.total[key]?.value == Self.total(rows, key), "total \(key)") }
        #expect(table.total["quantity"]?.text == "")
        #expect(table.row(0)["name"]?.text == "Kopi Robusta Bubuk Desa 250 g")
        #expect(page.html.contains("<title>Kopi Robusta Bubuk Desa 250 g: Rp85.500</title>"))
        #expect(page.tables.text.contains("Produk lokal dan lainnya"))
    }

    @Test("report stock --format html: stock valued at cost with a total, quantities written the Indonesian way, value by category")
    func stockPage() throws {
        try makeHistory()
        let page = try page(["report", "stock"], name: "stock")
        let (rows, table) = (page.rows, page.table)
        #expect(table.total["value"]?.value == Self.total(rows, "value"))
        let eggs = try #require(rows.firstIndex { $0["sku"] as? String == "TLR-RAS" })
        let onHand = try #require((rows[eggs]["on_hand"] as? NSNumber)?.doubleValue)
        #expect(table.row(eggs)["on_hand"]?.text == Quantity(thousandths: Int64((onHand * 1000).rounded())).formatted(.kg) + " kg")
        #expect(table.row(rows.firstIndex { $0["sku"] as? String == "GULA-AREN" } ?? 0)["flag"]?.text == "MINUS")
        #expect(page.html.contains("Nilai persediaan per kategori") && page.html.contains("<title>sembako: "))
    }

    @Test("consignment report --format html: items, a totals row, and what each consignor is owed")
    func consignmentPage() throws {
        try makeHistory()
        let page = try page(["consignment", "report", "--to", "2026-11-28"], name: "consignment")
        let rows = page.rows
        #expect(page.table.total["payable"]?.value == Self.total(rows, "payable"))
        let consignors = try #require(page.tables.tables["consignors"])
        #expect(consignors.row(0)["consignor"]?.value == "KT-MAKMUR")
        #expect(consignors.row(0)["payable"]?.text == "Rp72.000")  // 3 coffees × 24.000
        #expect(consignors.total["payable"]?.value == Self.total(rows, "payable"))
        #expect(page.html.contains("<title>KT-MAKMUR: Rp72.000</title>"))
    }

    @Test("report shu --format html: each member's share in a table, the pool's figures as on the JSON, and a chart of shares")
    func shuPage() throws {
        try makeHistory()
        let page = try page(["report", "shu", "--year", "2026", "--pool", "1.000.000"], name: "shu")
        for key in ["pool", "total_purchases", "distributed", "remainder"] {
            #expect(page.tables.figure(key) == (page.json[key] as? Int).map(String.init), "\(key)")
        }
        let table = page.table
        #expect(table.total["share"]?.value == "999999" && table.total["purchases"]?.value == "85500")
        #expect(page.html.contains("<title>M2 Ujang Suryana: Rp666.666</title>"))
        #expect(page.tables.text.contains("SHU jasa anggota"))
    }

    @Test("report x --format html is a shift report: register, cashier and opening time, no counted cash while the shift is open")
    func shiftPage() throws {
        try makeHistory()
        let sale = ["01", "1234", "50000", "KOPI-KPA", "pay 20000"]
        try ok(["till", "--register", "01"], day: "2026-11-29", stdin: sale.joined(separator: "\n") + "\n")
        let page = try page(["report", "x", "--register", "01"], day: "2026-11-29", name: "shift")
        #expect(page.html.contains("<h1>Laporan shift (X)") && !page.html.contains("Laporan harian"))
        #expect(page.tables.text.contains("Mesin kasir 01") && page.tables.text.contains("Kasir Kasir (01)"))
        #expect(page.tables.text.contains("Dibuka 2026-11-29 10:00"))
        let figures = try #require(page.tables.tables["figures"])
        let shown = Dictionary(
            figures.rows.compactMap { row in row.last.flatMap { cell in cell.key.map { ($0, cell.value ?? "") } } },
            uniquingKeysWith: { first, _ in first })
        #expect(shown["net"] == (page.json["net"] as? Int).map(String.init) && shown["net"] == "16500")
        #expect(shown["cash.expected"] == "66500")
        #expect(shown["cash.counted"] == nil && shown["cash.over_short"] == nil)
        // The Z page of a day with a shift still open does not show a count of Rp0 either.
        let day = try self.page(["report", "eod", "--date", "2026-11-29"], day: "2026-11-29", name: "open-day")
        let dayFigures = try #require(day.tables.tables["figures"])
        let dayKeys = Set(dayFigures.rows.compactMap { $0.last?.key })
        #expect(dayKeys.contains("cash.expected") && !dayKeys.contains("cash.counted") && !dayKeys.contains("cash.over_short"))
    }
}
