import ToraCore

/// Inline SVG bar charts for the HTML reports: drawn from the same money the tables show,
/// each bar with its label and amount in a `<title>` a browser shows on hover.
enum HTMLChart {
    static let width = 900

    /// One labelled amount.
    struct Bar {
        let label: String
        let amount: Money
    }

    /// Vertical bars in order (hours, days), scaled to the largest. Labels and amounts
    /// are thinned out where the bars are too narrow to carry them all.
    static func columns(_ bars: [Bar], empty: String = "Belum ada penjualan.") -> String {
        guard bars.contains(where: { !$0.amount.isZero }) else { return HTML.empty(empty) }
        let height = 270
        let base = 230
        let slot = max(1, (width - 60) / bars.count)
        let labelEvery = max(1, (44 + slot - 1) / slot)
        let top = max(1, bars.map(\.amount.rupiah).max() ?? 1)
        var svg = open(height: height)
        svg += "<text x=\"\(width - 10)\" y=\"16\" text-anchor=\"end\">tertinggi \(Money(top).formatted)</text>"
        svg += "<line x1=\"36\" y1=\"\(base - 190)\" x2=\"\(width - 10)\" y2=\"\(base - 190)\" stroke=\"#ddd\" stroke-dasharray=\"4 4\"/>"
        for (index, bar) in bars.enumerated() {
            let barHeight = Int(max(0, bar.amount.rupiah) * 190 / top)
            let x = 40 + index * slot
            let gap = slot >= 8 ? max(1, slot / 8) : 0
            svg +=
                "<rect x=\"\(x + gap)\" y=\"\(base - barHeight)\" width=\"\(max(1, slot - 2 * gap))\" height=\"\(barHeight)\" fill=\"#c62828\">\(tip(bar))</rect>"
            if index % labelEvery == 0 {
                svg += "<text x=\"\(x + slot / 2)\" y=\"\(base + 18)\" text-anchor=\"middle\">\(HTML.escape(bar.label))</text>"
            }
            if slot >= 52, !bar.amount.isZero {
                svg +=
                    "<text x=\"\(x + slot / 2)\" y=\"\(base - 6 - barHeight)\" text-anchor=\"middle\">\(bar.amount.formattedPlain)</text>"
            }
        }
        return svg + "<line x1=\"36\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" stroke=\"#999\"/></svg>"
    }

    /// Horizontal bars with their labels (shortened to fit, whole on hover) and amounts.
    static func bars(_ bars: [Bar], empty: String = "Belum ada penjualan.") -> String {
        guard !bars.isEmpty else { return HTML.empty(empty) }
        let top = max(1, bars.map(\.amount.rupiah).max() ?? 1)
        let height = 30 * bars.count + 10
        var svg = open(height: height)
        for (index, bar) in bars.enumerated() {
            let y = 8 + index * 30
            let length = Int(max(0, bar.amount.rupiah) * 470 / top)
            svg += "<text x=\"8\" y=\"\(y + 16)\">\(HTML.escape(shortened(bar.label, to: 40)))</text>"
            svg += "<rect x=\"290\" y=\"\(y)\" width=\"\(length)\" height=\"22\" fill=\"#1565c0\">\(tip(bar))</rect>"
            svg += "<text x=\"\(296 + length)\" y=\"\(y + 16)\">\(bar.amount.formatted)</text>"
        }
        return svg + "</svg>"
    }

    /// One bar split into coloured shares, with a legend of amounts and percentages.
    static func shares(_ parts: [(bar: Bar, colour: String)]) -> String {
        let total = max(1, parts.reduce(Int64(0)) { $0 + max(0, $1.bar.amount.rupiah) })
        var svg = open(height: 90)
        var x = 10
        for part in parts {
            let width = Int(max(0, part.bar.amount.rupiah) * Int64(Self.width - 20) / total)
            svg += "<rect x=\"\(x)\" y=\"10\" width=\"\(width)\" height=\"36\" fill=\"\(part.colour)\">\(tip(part.bar))</rect>"
            x += width
        }
        let legendWidth = (width - 20) / max(1, parts.count)
        for (index, part) in parts.enumerated() {
            let legendX = 10 + index * legendWidth
            let tenths = ReportFigures.shareTenths(Money(max(0, part.bar.amount.rupiah)), of: Money(total))
            let percent = HTML.percent(tenths: tenths)
            svg += "<rect x=\"\(legendX)\" y=\"60\" width=\"14\" height=\"14\" fill=\"\(part.colour)\"/>"
            svg += "<text x=\"\(legendX + 20)\" y=\"72\">\(HTML.escape(part.bar.label)) \(part.bar.amount.formatted) (\(percent)%)</text>"
        }
        return svg + "</svg>"
    }

    private static func open(height: Int) -> String {
        "<svg role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
    }

    private static func tip(_ bar: Bar) -> String { "<title>\(HTML.escape(bar.label)): \(bar.amount.formatted)</title>" }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
