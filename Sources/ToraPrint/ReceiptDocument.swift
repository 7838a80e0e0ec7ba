import Foundation
import ToraCore

/// Receipt paper (setting `printer.paper`): 58 mm prints 32 columns, 80 mm prints 48.
public enum PaperWidth: Int, Sendable, Hashable, CaseIterable, Codable {
    case mm58 = 58
    case mm80 = 80

    /// Characters of the normal font on one line.
    public var columns: Int { self == .mm58 ? 32 : 48 }

    /// Reads the setting value `58` or `80` (also `58mm`).
    public init?(setting: String) {
        var text = setting.trimmingSpaces().lowercased()
        if text.hasSuffix("mm") { text.removeLast(2) }
        guard let millimetres = Int(text), let paper = PaperWidth(rawValue: millimetres) else { return nil }
        self = paper
    }
}

/// Where a line sits on the paper (ESC a).
public enum TextAlignment: String, Sendable, Hashable, Codable {
    case left
    case center
    case right
}

/// How a line is printed: bold (ESC E) and character size (GS !).
public struct TextStyle: Sendable, Hashable, Codable {
    public var bold: Bool
    /// Each character takes two columns.
    public var doubleWidth: Bool
    /// Each character takes two lines' height (no extra columns).
    public var doubleHeight: Bool

    /// A style; the default is plain text.
    public init(bold: Bool = false, doubleWidth: Bool = false, doubleHeight: Bool = false) {
        self.bold = bold
        self.doubleWidth = doubleWidth
        self.doubleHeight = doubleHeight
    }

    public static let plain = TextStyle()

    /// Columns one character takes.
    public var columnsPerCharacter: Int { doubleWidth ? 2 : 1 }
}

/// One printed line: text already in the printer's code page (one character per column
/// of its size), never wider than the paper.
public struct PrintedLine: Sendable, Hashable, Codable {
    public var text: String
    public var alignment: TextAlignment
    public var style: TextStyle

    /// A line of `text` (already in the code page), aligned and styled.
    public init(_ text: String, alignment: TextAlignment = .left, style: TextStyle = .plain) {
        self.text = text
        self.alignment = alignment
        self.style = style
    }

    /// Columns the line takes on paper: double-width characters count double.
    public var width: Int { text.count * style.columnsPerCharacter }
}

/// One element of a laid-out receipt.
public enum ReceiptBlock: Sendable, Hashable, Codable {
    case line(PrintedLine)
    /// A CODE128 barcode of the text (the receipt number), human-readable text below.
    case barcode(String, moduleWidth: Int)
    /// A QR code of the text (the audit hash).
    case qrCode(String, moduleSize: Int)
    /// Feed to the cutter and cut, leaving a hinge (partial cut).
    case cut
}

/// A receipt laid out for one paper width: what `EscPos` encodes and what the outbox's
/// `.txt` and the terminal show.
public struct ReceiptDocument: Sendable, Hashable, Codable {
    public var columns: Int
    public var blocks: [ReceiptBlock]
    /// Pulse the cash drawer (ESC p) when printing.
    public var opensDrawer: Bool

    /// A document for paper of `columns` characters.
    public init(columns: Int, blocks: [ReceiptBlock], opensDrawer: Bool = false) {
        self.columns = columns
        self.blocks = blocks
        self.opensDrawer = opensDrawer
    }

    /// The printed lines, without barcodes, QR codes and cuts.
    public var lines: [PrintedLine] {
        blocks.compactMap { block in
            if case .line(let line) = block { return line }
            return nil
        }
    }

    /// The receipt as plain text for the outbox and the terminal: one line per printed line,
    /// centred and right-aligned lines placed by their characters (double-size text shows
    /// in normal size); the barcode shows as its number, the QR code as the start of its
    /// data, the cut as a line of `- -`.
    public var text: String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .line(let line):
                out.append(placed(spread(line), width: line.text.count, alignment: line.alignment))
            case .barcode(let data, _):
                let framed = "|| \(data) ||"
                let shown = framed.count <= columns ? framed : data
                out.append(placed(shown, width: shown.count, alignment: .center))
            case .qrCode(let data, _):
                let shown = "[QR \(data.prefix(max(0, min(16, columns - 6))))]"
                out.append(placed(shown, width: shown.count, alignment: .center))
            case .cut:
                out.append(String(repeating: "- ", count: columns / 2))
            }
        }
        return out.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// A double-width label-and-amount line shown in normal width: the amount moved back
    /// to the right edge, where it is on paper.
    private func spread(_ line: PrintedLine) -> String {
        guard line.style.doubleWidth, line.alignment == .left, line.text.count < columns,
            let gap = line.text.range(of: "  "), let value = line.text[gap.upperBound...].firstIndex(where: { $0 != " " })
        else { return line.text }
        let label = line.text[..<gap.lowerBound]
        let amount = line.text[value...]
        guard label.count + 1 + amount.count <= columns else { return line.text }
        return label + String(repeating: " ", count: columns - label.count - amount.count) + amount
    }

    private func placed(_ text: String, width: Int, alignment: TextAlignment) -> String {
        let room = max(0, columns - width)
        switch alignment {
        case .left: return text
        case .center: return String(repeating: " ", count: room / 2) + text
        case .right: return String(repeating: " ", count: room) + text
        }
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
