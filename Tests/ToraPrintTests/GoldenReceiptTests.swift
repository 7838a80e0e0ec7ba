import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

/// Whole receipts against golden files: the ESC/POS bytes (`.bin`) and the text (`.txt`).
@Suite("golden receipts")
struct GoldenReceiptTests {
    /// The code page each paper's goldens use: both common printer defaults get covered.
    static func codePage(_ paper: PaperWidth) -> CodePage { paper == .mm58 ? .pc437 : .pc858 }

    static let cases: [(String, PaperWidth)] = SampleReceipts.all.flatMap { sample in
        PaperWidth.allCases.map { (sample.name, $0) }
    }

    static func rendered(_ name: String, _ paper: PaperWidth) -> RenderedReceipt? {
        guard let receipt = SampleReceipts.all.first(where: { $0.name == name })?.receipt else { return nil }
        let service = ReceiptPrintService(
            paper: paper, codePage: codePage(paper), templatesFolder: nil, queue: nil, outbox: Outbox(folder: "/nonexistent"))
        return service.render(receipt)
    }

    @Test("each sample receipt encodes to its golden bytes and text", arguments: cases)
    func golden(name: String, paper: PaperWidth) throws {
        let rendered = try #require(Self.rendered(name, paper))
        Golden.check("\(name)-\(paper.rawValue).bin", rendered.bytes)
        Golden.check("\(name)-\(paper.rawValue).txt", Array(rendered.text.utf8))
    }

    @Test("every line of every golden text fits the paper", arguments: cases)
    func goldenWidth(name: String, paper: PaperWidth) throws {
        let text = try #require(Golden.bytes("\(name)-\(paper.rawValue).txt"), "golden text missing")
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            #expect(line.count <= paper.columns, "'\(line)' is \(line.count) columns on \(paper.columns)")
        }
        let document = try #require(Self.rendered(name, paper)).document
        for line in document.lines {
            #expect(line.width <= paper.columns, "'\(line.text)' takes \(line.width) columns on \(paper.columns)")
        }
    }

    @Test("the golden sale opens the drawer and the golden copy does not")
    func drawer() throws {
        let pulse: [UInt8] = [0x1B, 0x70, 0x00, 25, 250]
        let sale = try #require(Golden.bytes("sale-58.bin"))
        let copy = try #require(Golden.bytes("copy-58.bin"))
        #expect(Array(sale[5..<10]) == pulse)
        #expect(!copy.indices.dropLast(4).contains { Array(copy[$0..<$0 + 5]) == pulse })
        #expect(Array(sale.suffix(4)) == [0x1D, 0x56, 66, 0])
    }
}
