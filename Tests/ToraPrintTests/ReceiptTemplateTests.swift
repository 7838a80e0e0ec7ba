import Foundation
import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

@Suite("receipt templates")
struct ReceiptTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func template(_ text: String) throws -> ReceiptTemplate { try ReceiptTemplate(parsing: text, name: "test.txt") }

    func lines(_ text: String, _ receipt: Receipt = SampleReceipts.sale) throws -> [String] {
        ReceiptLayout(paper: .mm58, template: try template(text)).document(for: receipt).lines.map(\.text)
    }

    @Test("the shipped receipts/58.txt and 80.txt parse and are the built-in layouts", arguments: PaperWidth.allCases)
    func shippedTemplates(paper: PaperWidth) throws {
        let path = Self.repository.appendingPathComponent("receipts/\(paper.rawValue).txt").path
        let loaded = try ReceiptTemplate.load(paper, from: Self.repository.appendingPathComponent("receipts").path)
        #expect(
            loaded.entries == ReceiptTemplate.builtIn(paper).entries,
            "\(path) differs from the built-in copy in ReceiptTemplate+Defaults.swift")
        #expect(loaded.entries.count > 20)
    }

    @Test("directives, modifiers and conditions are read as written")
    func parsing() throws {
        let parsed = try template(
            """
            # a comment

            center bold double {shop.name}
            [refund, !copy] pair tall Retur | {receipt.refund_of}
            rule =
            blank 2
            lines
            barcode 3
            qr 7
            cut
            """)
        #expect(parsed.entries.map(\.lineNumber) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(
            parsed.entries[0].directive
                == .text("{shop.name}", alignment: .center, style: TextStyle(bold: true, doubleWidth: true, doubleHeight: true)))
        #expect(parsed.entries[1].guards == [.init(condition: .refund, expected: true), .init(condition: .copy, expected: false)])
        #expect(parsed.entries[1].directive == .pair(label: "Retur", value: "{receipt.refund_of}", style: TextStyle(doubleHeight: true)))
        #expect(parsed.entries[2].directive == .rule("="))
        #expect(parsed.entries[3].directive == .blank(2))
        #expect(parsed.entries[5].directive == .barcode(moduleWidth: 3))
        #expect(parsed.entries[6].directive == .qrCode(moduleSize: 7))
    }

    @Test(
        "a bad line is refused with the file, the line and what is allowed",
        arguments: [
            ("lines\ncentre2 x", "test.txt line 2: unknown directive 'centre2'"),
            ("left {shop.nama}", "test.txt line 1: unknown placeholder {shop.nama}"),
            ("[kopi] left x", "test.txt line 1: unknown condition 'kopi'"),
            ("pair Total", "test.txt line 1: pair needs a label and a value"),
            ("rule ab", "test.txt line 1: rule takes one character"),
            ("qr 40", "test.txt line 1: qr module size must be a number from 1 to 16"),
            ("lines now", "test.txt line 1: lines takes nothing after it"),
            ("[copy left x", "test.txt line 1: '[' without ']'"),
        ])
    func errors(text: String, message: String) {
        #expect {
            _ = try template(text)
        } throws: { error in
            guard let error = error as? PrintError else { return false }
            return error.code == .template && error.message.hasPrefix(message)
        }
    }

    @Test("a line whose placeholder is empty is left out; others are kept")
    func emptyPlaceholders() throws {
        let text = "left NPWP {shop.npwp}\nleft Kembali {change}\nleft Retur {receipt.refund_of}\nleft Ada"
        #expect(try lines(text, SampleReceipts.plain) == ["Ada"])
        #expect(try lines(text) == ["NPWP 01.234.567.8-901.000", "Kembali Rp3.800", "Ada"])
    }

    @Test("conditions pick lines for sales, refunds, copies, members, PKP, local products and discounts")
    func conditions() throws {
        let text = """
            [sale] left sale
            [refund] left refund
            [copy] left copy
            [!copy] left original
            [member] left member
            [pkp] left pkp
            [local] left local
            [discount] left discount
            """
        #expect(try lines(text) == ["sale", "original", "member", "pkp", "local", "discount"])
        #expect(try lines(text, SampleReceipts.refund) == ["refund", "original", "member", "pkp", "local", "discount"])
        #expect(try lines(text, SampleReceipts.copy).contains("copy"))
        #expect(try lines(text, SampleReceipts.plain) == ["sale", "original"])
    }

    @Test("a shop's edited template in the folder is used; a missing file falls back to the built-in one")
    func loading() throws {
        let folder = TemporaryFolder("tora-templates")
        folder.write("58.txt", "center bold {shop.name}\ncut\n")
        #expect(try ReceiptTemplate.load(.mm58, from: folder.path).entries.count == 2)
        #expect(try ReceiptTemplate.load(.mm80, from: folder.path) == ReceiptTemplate.builtIn(.mm80))
        #expect(try ReceiptTemplate.load(.mm58, from: nil) == ReceiptTemplate.builtIn(.mm58))
    }

    @Test("a broken template in the folder still prints, with the built-in layout and a note saying why")
    func brokenTemplate() {
        let folder = TemporaryFolder("tora-templates")
        folder.write("58.txt", "center {shop.name}\nbarkode\n")
        let service = ReceiptPrintService(templatesFolder: folder.path, queue: nil, outbox: Outbox(folder: folder.file("outbox")))
        let rendered = service.render(SampleReceipts.sale)
        #expect(rendered.notes.count == 1)
        #expect(rendered.notes.first?.contains("58.txt line 2: unknown directive 'barkode'") == true)
        #expect(rendered.bytes == EscPos.encode(ReceiptLayout(paper: .mm58).document(for: SampleReceipts.sale), codePage: .pc437))
    }

    @Test("tora finds templates in $TORA_RECEIPTS, else next to the database, else in the repository")
    func folderLookup() {
        let shop = TemporaryFolder("tora-shop")
        let database = shop.file("shop.sqlite")
        #expect(ReceiptTemplate.folder(databasePath: database, environment: ["TORA_RECEIPTS": "/opt/struk"]) == "/opt/struk")
        let repository = ReceiptTemplate.folder(databasePath: database, environment: [:])
        #expect(repository == Self.repository.appendingPathComponent("receipts").path)
        try? FileManager.default.createDirectory(atPath: shop.file("receipts"), withIntermediateDirectories: true)
        #expect(ReceiptTemplate.folder(databasePath: database, environment: [:]) == shop.file("receipts"))
    }
}
