import Crypto
import Foundation
import ToraCore
import ToraJournal

/// One simulated outlet of `tora-bench --only hub` (docs/performance.md "Hub"): its key
/// and a business day of sales as the journal a shop writes (a shift opened, one
/// `sale.completed` entry per sale, the shift closed), chained and hashed with
/// ToraJournal's types and cut into the batch bodies `tora sync` sends.
struct SimulatedOutlet: Sendable {
    /// The outlet's number at the hub (the benchmark enrols outlets 1…N in order).
    let id: Int64
    let code: String
    /// The raw 32-byte Ed25519 private key.
    let keyBytes: Data
    let entries: [AuditEntry]
    /// `POST /v1/journal` bodies, in order.
    let bodies: [[UInt8]]
    let sales: Int

    var publicKey: Data { (try? Curve25519.Signing.PrivateKey(rawRepresentation: keyBytes))?.publicKey.rawRepresentation ?? Data() }
}

/// Builds the outlets' journals: cheap (no shop, no SQLite), but each entry is what the
/// store writes and what the hub's Z report folds.
struct HubBenchJournal {
    let day: String
    let salesPerOutlet: Int
    let batchSize: Int
    static let skus: [(sku: String, price: Int64)] = [
        ("KOPI-KPA", 16_500), ("GULA-PSR", 17_500), ("MINYAKITA", 15_700), ("BRS-DESA-5KG", 72_000), ("TEH-PCK-350", 4_500),
        ("SKM-FF-370", 12_900), ("GLA-AREN-500", 21_000), ("ELPIJI-3KG", 19_000), ("SUSU-ULT-1L", 18_900), ("00016", 3_000),
    ]

    /// The outlet `index` (1-based), the same for the same seed.
    func outlet(_ index: Int, seed: UInt64) throws -> SimulatedOutlet {
        var random = SeededRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        var keySeed = Data(count: 32)
        for byte in 0..<32 { keySeed[byte] = UInt8(truncatingIfNeeded: random.next()) }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: keySeed)
        var entries: [AuditEntry] = []
        entries.reserveCapacity(salesPerOutlet + 2)
        var cash: Int64 = 0
        append(
            &entries, kind: "shift.opened", second: 7 * 3600,
            payload: .object(["shift": 1, "opening_float": 200_000, "business_day": .string(day)]))
        let span = 13 * 3600
        let seconds = (0..<salesPerOutlet).map { _ in 7 * 3600 + 60 + random.int(0...span) }.sorted()
        for (number, second) in seconds.enumerated() {
            let (payload, cashTotal) = sale(number + 1, random: &random)
            cash += cashTotal
            append(&entries, kind: "sale.completed", second: second, payload: payload)
        }
        append(
            &entries, kind: "shift.closed", second: 21 * 3600,
            payload: .object([
                "shift": 1, "opening_float": 200_000, "cash_sales": .int(cash), "cash_refunds": 0, "expected": .int(200_000 + cash),
                "counted": .int(200_000 + cash), "over_short": 0,
            ]))
        let head = entries.last?.head
        var bodies: [[UInt8]] = []
        for start in stride(from: 0, to: entries.count, by: batchSize) {
            let slice = entries[start..<min(entries.count, start + batchSize)]
            bodies.append(Array(try JSONEncoder().encode(JournalBatch(entries: slice.map(WireEntry.init), shopHead: head))))
        }
        return SimulatedOutlet(
            id: Int64(index), code: "G\(index)", keyBytes: key.rawRepresentation, entries: entries, bodies: bodies, sales: salesPerOutlet)
    }

    /// The next entry, chained to the last: its hash over its canonical text.
    private func append(_ entries: inout [AuditEntry], kind: String, second: Int, payload: JSONValue) {
        let seq = Int64(entries.count + 1)
        let prev = entries.last?.hash ?? JournalHash.genesis
        // Local time of the shop (UTC+7) as the journal's UTC stamp.
        let utc = second - 7 * 3600
        let at = "\(day)T\(pad(utc / 3600)):\(pad(utc / 60 % 60)):\(pad(utc % 60)).\(pad(seq % 1000, 3))Z"
        let text = payload.canonical
        let hash = JournalHash.hex(
            of: JournalHash.canonicalText(seq: seq, at: at, actor: "01", register: "01", kind: kind, payload: text, prevHash: prev))
        entries.append(AuditEntry(seq: seq, at: at, actor: "01", register: "01", kind: kind, payload: text, prevHash: prev, hash: hash))
    }

    /// One sale's payload as the store writes it, and the cash it puts in the drawer.
    private func sale(_ number: Int, random: inout SeededRandom) -> (JSONValue, Int64) {
        var lines: [JSONValue] = []
        var gross: Int64 = 0
        for line in 1...random.int(1...5) {
            let item = Self.skus[random.int(0...Self.skus.count - 1)]
            let quantity = Int64(random.int(1...3))
            let amount = item.price * quantity
            gross += amount
            lines.append(
                .object([
                    "line": .int(Int64(line)), "sku": .string(item.sku), "quantity": .int(quantity * 1000), "unit_price": .int(item.price),
                    "amount": .int(amount), "discount": 0, "net": .int(amount), "voided": false,
                ]))
        }
        let method = random.int(0...3) == 0 ? "qris" : "cash"
        let tendered = method == "cash" ? (gross + 9_999) / 10_000 * 10_000 : gross
        let compact = day.filter { $0 != "-" }
        let receipt = "01-\(compact)-\(pad(number, 4))"
        let payload = JSONValue.object([
            "receipt": .string(receipt), "shift": 1, "member": .null, "gross": .int(gross), "discounts": 0, "total": .int(gross),
            "rounding": 0, "tax": 0, "lines": .array(lines),
            "payments": .array([.object(["method": .string(method), "amount": .int(gross), "tendered": .int(tendered)])]),
        ])
        return (payload, method == "cash" ? gross : 0)
    }

    private func pad(_ value: some BinaryInteger, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
