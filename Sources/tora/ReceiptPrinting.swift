import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraPrint
import ToraReports
import ToraStore
import ToraTill

/// Chooses where the till's receipts go from the shop's settings: the `printer.queue`
/// CUPS destination, or the outbox next to the database when no queue is set.
enum ReceiptPrinting {
    static func service(for store: ShopStore) throws -> ReceiptPrintService {
        ReceiptPrintService.forShop(
            databasePath: store.path, queue: try store.setting(.printerQueue), paper: try store.setting(.printerPaper),
            codePage: try store.setting(.printerCodepage))
    }

    static func sink(for store: ShopStore) throws -> any ReceiptSink {
        PrintServiceSink(service: try service(for: store))
    }

    /// Prints the Z report at the paper's width; exit 69 when the printer cannot take it
    /// (it is then kept in the outbox for `tora printer retry`).
    static func printDayReport(_ report: SalesReport, store: ShopStore) throws {
        let service = try service(for: store)
        let lines = DayReportPaper.lines(report, shopName: try store.setting(.shopName), columns: service.paper.columns)
        let document = ReceiptDocument(
            columns: service.paper.columns, blocks: lines.map { .line(PrintedLine($0)) } + [.cut])
        let outcome = service.deliver(RenderedReceipt(name: "Z-\(report.date)", document: document, codePage: service.codePage))
        if let failure = outcome.failure {
            printError("the Z report was not printed: \(failure.message); it waits in the outbox (tora printer retry)")
            if service.queue != nil { throw ExitCode(failure.exitStatus) }
        }
    }
}
