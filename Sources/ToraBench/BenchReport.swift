import Foundation

/// A project target a figure is held to.
struct Target: Sendable, Codable {
    enum Direction: String, Sendable, Codable {
        case atMost = "at_most"
        case atLeast = "at_least"
    }

    let direction: Direction
    let limit: Double
    /// How the target reads in the table: `≤ 1.5× C`, `≥ 1 000 sales/s`.
    let text: String

    static func atMost(_ limit: Double, _ text: String) -> Target { Target(direction: .atMost, limit: limit, text: text) }
    static func atLeast(_ limit: Double, _ text: String) -> Target { Target(direction: .atLeast, limit: limit, text: text) }

    func isMet(by value: Double) -> Bool { direction == .atMost ? value <= limit : value >= limit }
}

/// One measured figure, with its target when the project set one.
struct Figure: Sendable, Codable {
    let key: String
    let label: String
    let value: Double
    let unit: String
    let target: Target?
    let note: String?
    let met: Bool?

    init(_ key: String, _ label: String, _ value: Double, _ unit: String, target: Target? = nil, note: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
        self.target = target
        self.note = note
        self.met = target.map { $0.isMet(by: value) }
    }
}

extension Figure {
    /// The store's p50 and p99 beside the C baseline's, and the ratio of the p50s, keyed
    /// `<key>_p50_ms`, `<key>_p99_ms`, `<key>_c_p50_ms`, `<key>_c_p99_ms`, `<key>_ratio_p50`.
    static func storeAgainstC(
        key: String, label: String, store: Samples, c: Samples, target: Target? = nil, note: String
    ) -> [Figure] {
        [
            Figure("\(key)_p50_ms", "\(label) p50", store.median, "ms"),
            Figure("\(key)_p99_ms", "\(label) p99", store.p99, "ms"),
            Figure("\(key)_c_p50_ms", "\(label), raw C baseline p50", c.median, "ms"),
            Figure("\(key)_c_p99_ms", "\(label), raw C baseline p99", c.p99, "ms"),
            Figure(
                "\(key)_ratio_p50", "\(label), store ÷ C (p50)", store.median / max(c.median, 0.000_001), "×", target: target,
                note: note),
        ]
    }
}

/// One correctness check made after a load: passed or not, and what was found.
struct Check: Sendable, Codable {
    let name: String
    let passed: Bool
    let detail: String
}

/// What the shop looked like and how long it took to make.
struct ShopDescription: Sendable, Codable {
    struct Phase: Sendable, Codable {
        let name: String
        let seconds: Double
    }

    let path: String
    let size: ShopSize
    let firstDay: String
    let lastDay: String
    let reportDay: String
    let reportDaySales: Int
    let counts: [String: Int]
    let databaseMegabytes: Double
    let generationSeconds: Double
    let phases: [Phase]
}

/// Everything one run measured, printed as a table or as JSON.
struct BenchResults: Sendable, Codable {
    let command: String
    let machine: String
    let sqliteVersion: String
    let startedAt: String
    var shop: ShopDescription?
    var figures: [Figure] = []
    var checks: [Check] = []
    var notes: [String] = []

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The report as text: the shop, then one row per figure with its target and verdict.
    var table: String {
        var out: [String] = ["tora-bench  \(startedAt)  \(machine), SQLite \(sqliteVersion)", "command: \(command)", ""]
        if let shop {
            out.append("Shop: \(shop.path)")
            let c = shop.counts
            out.append(
                "  \(c["products"] ?? 0) products (\(c["local_products"] ?? 0) local, \(c["weighed_products"] ?? 0) weighed), "
                    + "\(c["barcodes"] ?? 0) barcodes, \(c["members"] ?? 0) members")
            out.append(
                "  \(c["sales"] ?? 0) sales from \(shop.firstDay) to \(shop.lastDay), "
                    + "\(c["sale_lines"] ?? 0) lines, \(c["sale_movements"] ?? 0) sale movements, "
                    + "\(c["receive_movements"] ?? 0) restock movements")
            out.append(
                String(format: "  database %.0f MB; generated in %.1f s", shop.databaseMegabytes, shop.generationSeconds))
            for phase in shop.phases { out.append(String(format: "    %7.1f s  %@", phase.seconds, phase.name)) }
            out.append("")
        }
        let widths = (label: max(figures.map(\.label.count).max() ?? 10, 10), value: 12, target: 18)
        out.append(
            pad("measure", widths.label) + "  " + pad("value", widths.value, left: true) + "  " + pad("target", widths.target) + "  verdict"
        )
        out.append(String(repeating: "-", count: widths.label + widths.value + widths.target + 15))
        for figure in figures {
            let value = Self.format(figure.value) + " " + figure.unit
            let verdict = figure.met.map { $0 ? "met" : "MISSED" } ?? ""
            out.append(
                pad(figure.label, widths.label) + "  " + pad(value, widths.value, left: true) + "  "
                    + pad(figure.target?.text ?? "", widths.target) + "  " + verdict)
            if let note = figure.note { out.append(pad("", widths.label) + "    (" + note + ")") }
        }
        if !checks.isEmpty {
            out.append("")
            out.append("Checks:")
            for check in checks { out.append("  [\(check.passed ? "ok" : "FAILED")] \(check.name): \(check.detail)") }
        }
        let missed = figures.filter { $0.met == false }
        out.append("")
        out.append(
            missed.isEmpty
                ? "Every target was met."
                : "Targets missed (\(missed.count)): "
                    + missed.map { "\($0.label) (\(Self.format($0.value)) \($0.unit), target \($0.target?.text ?? ""))" }
                    .joined(separator: "; "))
        for note in notes { out.append("note: " + note) }
        return out.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        if value >= 100 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        if value >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
