import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// Every error that reaches the user is one line and a named exit code, including a stored
/// row someone edited outside Tora Sera (docs/sign-in-and-files.md "Exit codes").
@Suite("exit statuses")
struct ExitStatusTests {
    @Test("the named exit statuses keep the sysexits numbers scripts rely on")
    func numbers() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [64, 65, 69, 74, 75, 77])
        #expect(StoreError(.busy, "x").exitCode == 75 && StoreError(.damaged, "x").exitCode == 65)
    }

    @Test("a parked sale whose stored JSON was edited stops shift close with exit 65, one line, nothing closed")
    func damagedOpenSale() throws {
        let shop = try ToraShopFolder("tora-exit", now: "2026-11-29T21:00:00+07:00")
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        let catalogue = """
            sku,name,category,unit,price,tax,discountable,stock
            TEH,Teh Celup isi 25,minuman,pcs,3500,exempt,no,50

            """
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", catalogue)])
        try shop.ok(["users", "add", "--code", "01", "--name", "Kasir Satu", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["till", "--register", "01"], stdin: "01\n1234\n100000\nTEH\npark\nquit\n")
        try GRDBTamper.execute(db: shop.db, sql: "UPDATE open_sales SET sale_json = '{\"lines\": 5}'")

        let close = try shop.tora.run(["shift", "close", "--register", "01", "--counted", "100000"], environment: shop.env)
        #expect(close.status == ExitStatus.badData.rawValue)
        let lines = close.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(close.stderr)")
        #expect(close.stderr.contains("open_sales.sale_json of open sale 1 is damaged"), "\(close.stderr)")
        #expect(try shop.ok(["shift", "list", "--open"]).contains("1 open shift\n"))
    }
}
