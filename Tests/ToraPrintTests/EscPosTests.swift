import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

@Suite("ESC/POS commands, byte by byte")
struct EscPosTests {
    func bytes(_ codePage: CodePage = .pc437, _ build: (inout EscPos) -> Void) -> [UInt8] {
        var printer = EscPos(codePage: codePage)
        build(&printer)
        return printer.bytes
    }

    @Test("initialise is ESC @ then ESC t with the code page's number")
    func initialise() {
        #expect(bytes(.pc437) { $0.initialize() } == [0x1B, 0x40, 0x1B, 0x74, 0])
        #expect(bytes(.pc850) { $0.initialize() } == [0x1B, 0x40, 0x1B, 0x74, 2])
        #expect(bytes(.pc858) { $0.initialize() } == [0x1B, 0x40, 0x1B, 0x74, 19])
        #expect(bytes(.wpc1252) { $0.initialize() } == [0x1B, 0x40, 0x1B, 0x74, 16])
    }

    @Test("text is sent in the code page, never as UTF-8: é is 0x82 in pc437 and 0xE9 in wpc1252")
    func textInCodePage() {
        #expect(bytes(.pc437) { $0.text("Café") } == [0x43, 0x61, 0x66, 0x82])
        #expect(bytes(.wpc1252) { $0.text("Café") } == [0x43, 0x61, 0x66, 0xE9])
        #expect(bytes(.pc858) { $0.text("€") } == [0xD5])
        #expect(bytes(.wpc1252) { $0.text("€") } == [0x80])
        #expect(bytes(.pc437) { $0.text("€") } == Array("EUR".utf8))
    }

    @Test("bold, sizes, alignment and line feeds")
    func styles() {
        #expect(bytes { $0.bold(true) } == [0x1B, 0x45, 1])
        #expect(bytes { $0.bold(false) } == [0x1B, 0x45, 0])
        #expect(bytes { $0.size(doubleWidth: true, doubleHeight: true) } == [0x1D, 0x21, 0x11])
        #expect(bytes { $0.size(doubleWidth: false, doubleHeight: true) } == [0x1D, 0x21, 0x01])
        #expect(bytes { $0.size(doubleWidth: true, doubleHeight: false) } == [0x1D, 0x21, 0x10])
        #expect(bytes { $0.size(doubleWidth: false, doubleHeight: false) } == [0x1D, 0x21, 0x00])
        #expect(bytes { $0.align(.left) } == [0x1B, 0x61, 0])
        #expect(bytes { $0.align(.center) } == [0x1B, 0x61, 1])
        #expect(bytes { $0.align(.right) } == [0x1B, 0x61, 2])
        #expect(bytes { $0.lineFeed(3) } == [0x0A, 0x0A, 0x0A])
    }

    @Test("CODE128 of a receipt number: height, width, HRI below, GS k 73 with {B, digit runs in {C, and the length")
    func code128() {
        let expected: [UInt8] =
            [0x1D, 0x68, 64, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, 18]
            + [0x7B, 0x42, 0x30, 0x31, 0x2D, 0x7B, 0x43, 20, 26, 11, 29, 0x7B, 0x42, 0x2D, 0x7B, 0x43, 0, 1]
        #expect(bytes { $0.code128("01-20261129-0001") } == expected)
    }

    @Test("CODE128 data: short digit runs stay in set B, odd runs start in B, { is doubled")
    func code128Data() {
        #expect(Code128.escPosData("AB-12") == [0x7B, 0x42] + Array("AB-12".utf8))
        #expect(Code128.escPosData("12345") == [0x7B, 0x42, 0x31, 0x7B, 0x43, 23, 45])
        #expect(Code128.escPosData("1234") == [0x7B, 0x43, 12, 34])
        #expect(Code128.escPosData("a{b") == [0x7B, 0x42, 0x61, 0x7B, 0x7B, 0x62])
        #expect(Code128.escPosData("Né") == [0x7B, 0x42, 0x4E, 0x3F])
    }

    @Test("QR code: model 2, module size, error correction, store with pL pH = length + 3, print")
    func qrCode() {
        let data = "9f2c"
        let expected: [UInt8] =
            [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06]
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]
            + [0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30] + Array(data.utf8)
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
        #expect(bytes { $0.qrCode(data, moduleSize: 6) } == expected)
        let long = String(repeating: "a", count: 300)
        let stored = bytes { $0.qrCode(long) }.dropFirst(9 + 8 + 8).prefix(5)
        #expect(Array(stored) == [0x1D, 0x28, 0x6B, 0x2F, 0x01])
    }

    @Test("partial cut is GS V 66 n and the drawer pulse is ESC p 0 25 250")
    func cutAndDrawer() {
        #expect(bytes { $0.partialCut() } == [0x1D, 0x56, 66, 0])
        #expect(bytes { $0.partialCut(feed: 3) } == [0x1D, 0x56, 66, 3])
        #expect(bytes { $0.openDrawer() } == [0x1B, 0x70, 0x00, 25, 250])
    }

    @Test("a document starts with init and code page, pulses the drawer only when asked, changes styles only when they change")
    func documentEncoding() {
        let document = ReceiptDocument(
            columns: 32,
            blocks: [
                .line(PrintedLine("TOKO", alignment: .center, style: TextStyle(bold: true, doubleWidth: true, doubleHeight: true))),
                .line(PrintedLine("Jl. Desa", alignment: .center)),
                .line(PrintedLine("Total   1")),
                .line(PrintedLine("Total   2")),
                .cut,
            ], opensDrawer: true)
        let expected: [UInt8] =
            [0x1B, 0x40, 0x1B, 0x74, 0, 0x1B, 0x70, 0x00, 25, 250]
            + [0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x11] + Array("TOKO".utf8) + [0x0A]
            + [0x1B, 0x45, 0, 0x1D, 0x21, 0x00] + Array("Jl. Desa".utf8) + [0x0A]
            + [0x1B, 0x61, 0] + Array("Total   1".utf8) + [0x0A]
            + Array("Total   2".utf8) + [0x0A]
            + [0x1D, 0x56, 66, 0]
        #expect(EscPos.encode(document, codePage: .pc437) == expected)
        var shut = document
        shut.opensDrawer = false
        #expect(!EscPos.encode(shut, codePage: .pc437).starts(with: [0x1B, 0x40, 0x1B, 0x74, 0, 0x1B, 0x70]))
    }

    @Test("no byte of an encoded receipt is UTF-8 multi-byte text")
    func noUTF8() {
        let bytes = EscPos.encode(ReceiptLayout(paper: .mm58).document(for: SampleReceipts.sale), codePage: .pc437)
        let utf8Of = Array("é".utf8)
        #expect(!bytes.indices.dropLast().contains { bytes[$0] == utf8Of[0] && bytes[$0 + 1] == utf8Of[1] })
        #expect(bytes.contains(0x82))
    }
}
