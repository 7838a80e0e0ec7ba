import Foundation
import RawSQLiteBaseline
import ToraCore

/// The C baseline's connection (`RawSQLiteBaseline`), owned by one thread of the benchmark
/// and closed in `deinit`.
final class RawBaseline {
    private let connection: OpaquePointer

    init(path: String) throws {
        var opened: OpaquePointer?
        let code = rsb_open(path, &opened)
        guard code == 0, let opened else {
            let reason = opened.map { String(cString: rsb_last_error($0)) } ?? "out of memory"
            rsb_close(opened)
            throw BenchError("rsb_open(\(path)) failed: \(reason)")
        }
        connection = opened
    }

    deinit { rsb_close(connection) }

    /// Completes one sale in one transaction; returns its receipt number.
    func complete(_ sale: BaselineSale) throws -> String {
        var number = [CChar](repeating: 0, count: 32)
        let code = sale.withSale { pointer in
            number.withUnsafeMutableBufferPointer { rsb_complete_sale(connection, pointer, $0.baseAddress) }
        }
        guard code == 0 else { throw BenchError("rsb_complete_sale failed: \(String(cString: rsb_last_error(connection)))") }
        return String(decoding: number.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Looks a barcode up; true when a product was found.
    func lookup(_ code: String) throws -> Bool {
        var product = rsb_product()
        let result = rsb_lookup(connection, code, &product)
        guard result >= 0 else { throw BenchError("rsb_lookup failed: \(String(cString: rsb_last_error(connection)))") }
        return result == 1
    }

    /// Stores an open sale's JSON in row `id` of `open_sales`: one durable commit, as the
    /// till makes after every scan.
    func saveOpenSale(id: Int64, json: String) throws {
        guard rsb_save_open_sale(connection, id, json) == 0 else {
            throw BenchError("rsb_save_open_sale failed: \(String(cString: rsb_last_error(connection)))")
        }
    }

    /// Seconds one durable single-row commit costs in a scratch file at `path`.
    static func commitFloor(path: String, commits: Int) throws -> Double {
        let seconds = rsb_commit_floor(path, Int32(commits))
        guard seconds >= 0 else { throw BenchError("rsb_commit_floor(\(path)) failed") }
        return seconds
    }
}

/// A sale laid out for the C baseline: its texts copied into C memory once, freed in
/// `deinit`, so timing the baseline times SQLite and not Swift's string bridging.
final class BaselineSale {
    /// One line's facts, as the store writes them to `sale_lines`.
    struct Line {
        let productID: Int64
        let sku: String
        let name: String
        let category: String
        let unit: String
        let tax: String
        let quantity: Int64
        let unitPrice: Int64
        let amount: Int64
        let discount: Int64
        let net: Int64
        let cost: Int64
        let isLocal: Bool
    }

    private var allocations: [UnsafeMutablePointer<CChar>] = []
    private let lines: UnsafeMutablePointer<rsb_line>
    private let lineCount: Int
    private var sale = rsb_sale()

    init(
        register: String, cashier: String, shiftID: Int64, lines source: [Line], payment: Payment, receiptJSON: String,
        auditPayload: String
    ) {
        lineCount = source.count
        lines = UnsafeMutablePointer<rsb_line>.allocate(capacity: max(source.count, 1))
        for (index, line) in source.enumerated() {
            lines[index] = rsb_line(
                product_id: line.productID, sku: copy(line.sku), name: copy(line.name), category: copy(line.category),
                unit: copy(line.unit), tax: copy(line.tax), quantity: line.quantity, unit_price: line.unitPrice, amount: line.amount,
                discount: line.discount, net: line.net, cost: line.cost, local: line.isLocal ? 1 : 0)
        }
        sale.register_code = copy(register)
        sale.cashier = copy(cashier)
        sale.shift_id = shiftID
        sale.utc_offset_seconds = Int32(ShopCalendar.utcOffset)
        sale.gross = source.reduce(0) { $0 + $1.amount }
        sale.discounts = source.reduce(0) { $0 + $1.discount }
        sale.total = source.reduce(0) { $0 + $1.net }
        sale.lines = UnsafePointer(lines)
        sale.line_count = Int32(source.count)
        sale.payment_method = copy(payment.method.rawValue)
        sale.payment_amount = payment.amount.rupiah
        sale.payment_tendered = payment.tendered.rupiah
        sale.receipt_json = copy(receiptJSON)
        sale.audit_payload = copy(auditPayload)
    }

    deinit {
        lines.deallocate()
        for pointer in allocations { free(pointer) }
    }

    func withSale<T>(_ body: (UnsafePointer<rsb_sale>) -> T) -> T {
        withUnsafePointer(to: &sale, body)
    }

    /// A C copy of `text` that lives as long as this sale; nil only when memory ran out.
    private func copy(_ text: String) -> UnsafePointer<CChar>? {
        guard let pointer = strdup(text) else { return nil }
        allocations.append(pointer)
        return UnsafePointer(pointer)
    }
}
