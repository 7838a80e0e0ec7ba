import Foundation
import Testing
import ToraTestSupport

/// A shop with a few business days rung through the real `tora till`, and every report
/// of it in every format, each named as its golden file.
struct ReportShop {
    let shop: ToraShopFolder
    let name: String
    /// The business days of the history, in order; the last one's shift at register 01 stays open.
    let days: [String]

    static let formats = ["text", "json", "csv", "html"]
    static let cashier = ["01", "1234"]
    static let supervisor = ["02", "2345"]
    static let manager = ["TORA_USER": "03", "TORA_PIN": "3456"]

    /// The demo shop (`tora demo --no-till`), its first day at 09:00.
    init(name: String, days: [String]) throws {
        self.name = name
        self.days = days
        shop = try ToraShopFolder("tora-golden-\(name)", now: "\(days[0])T09:00:00+07:00", environment: Self.manager)
        try shop.ok(["demo", "--no-till", "--db", shop.db])
    }

    /// Runs `tora arguments…` at `time` of `day`; a failure stops the test.
    @discardableResult
    func run(_ arguments: [String], day: String, time: String = "21:00:00", stdin: String = "") throws -> String {
        let environment = shop.env.merging(["TORA_NOW": "\(day)T\(time)+07:00"]) { $1 }
        let run = try shop.tora.run(arguments, stdin: stdin, environment: environment)
        guard run.status == 0 else {
            Issue.record("tora \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
            return run.stdout
        }
        return run.stdout
    }

    /// Rings `lines` into the till of `register` at `time` of `day`.
    func till(_ register: String, day: String, time: String, _ lines: [String]) throws {
        try run(["till", "--register", register], day: day, time: time, stdin: lines.joined(separator: "\n") + "\n")
    }

    /// `output` with every journal hash (64 hex digits) as `<hash>`: the chain hashes the
    /// users' PIN hashes, whose salts are random, so only the entry's number is pinned.
    static func maskingHashes(_ output: String) -> String {
        output.replacing(/[0-9a-f]{64}/, with: "<hash>")
    }

    /// Every report in every format, as `(golden file name, output)`, read on the last day
    /// (consignment also after settling the first day, which changes the shop last).
    func reports() throws -> [(String, String)] {
        let last = days[days.count - 1]
        var outputs: [(String, String)] = []
        func each(_ report: String, _ arguments: [String]) throws {
            for format in Self.formats {
                let output = try run(arguments + ["--format", format], day: last)
                outputs.append(("\(name)-\(report).\(format == "text" ? "txt" : format)", Self.maskingHashes(output)))
            }
        }
        for day in days { try each("eod-\(day)", ["report", "eod", "--date", day]) }
        try each("x-01", ["report", "x", "--register", "01"])
        try each("sales", ["report", "sales", "--from", days[0], "--to", last])
        try each("products", ["report", "products", "--from", days[0], "--to", last])
        try each("stock", ["report", "stock"])
        try each("shu", ["report", "shu", "--year", String(last.prefix(4)), "--pool", "1.000.000"])
        try each("consignment", ["consignment", "report"])
        try each("consignment-kt-makmur", ["consignment", "report", "--consignor", "KT-MAKMUR", "--from", days[0]])
        try run(["consignment", "settle", "--consignor", "KT-MAKMUR", "--to", days[0]], day: last)
        try each("consignment-settled", ["consignment", "report"])
        return outputs
    }
}
