import Testing
import ToraCore
import ToraPrint
import ToraTestSupport

@Suite("receipt layout for 32 and 48 columns")
struct ReceiptLayoutTests {
    func document(_ receipt: Receipt, _ paper: PaperWidth = .mm58) -> ReceiptDocument {
        ReceiptLayout(paper: paper).document(for: receipt)
    }

    func texts(_ receipt: Receipt, _ paper: PaperWidth = .mm58) -> [String] {
        document(receipt, paper).lines.map(\.text)
    }

    /// The index of the first line containing `text`, or a failure.
    func position(_ text: String, in lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let index = lines.firstIndex { $0.contains(text) }
        #expect(index != nil, "no line contains '\(text)'", sourceLocation: sourceLocation)
        return index ?? -1
    }

    @Test("no line is wider than the paper, double width counted double", arguments: PaperWidth.allCases)
    func widthLimit(paper: PaperWidth) {
        var long = SampleReceipts.sale
        long.header.shopName = "Koperasi Desa Merah Putih Sukamaju Sejahtera Bersama Selamanya"
        long.lines.append(
            Receipt.Line(
                name: String(repeating: "Keripikpisangsalebanana", count: 4), quantity: "9999", unit: .pcs,
                unitPrice: Money(9_999_999), amount: Money(9_999_999_999), discount: Money(9_999_999_999),
                discountLabel: "Diskon manual oleh supervisor karena barang rusak sedikit"))
        long.total = Money(9_999_999_999)
        long.footer = "Terima kasih atas kunjungan Anda; simpan struk ini sebagai bukti pembayaran yang sah."
        for receipt in [long, SampleReceipts.sale, SampleReceipts.refund, SampleReceipts.copy, SampleReceipts.plain] {
            for line in document(receipt, paper).lines {
                #expect(line.width <= paper.columns, "\(line.width) columns: '\(line.text)'")
            }
            for line in document(receipt, paper).text.split(separator: "\n") {
                #expect(line.count <= paper.columns, "text line too wide: '\(line)'")
            }
        }
    }

    @Test("a long name wraps at spaces and the price and amount are printed whole")
    func wrapping() {
        var receipt = SampleReceipts.plain
        receipt.lines = [
            Receipt.Line(
                name: "Minyak Goreng Sawit Kemasan Pouch Isi Ulang Dua Liter Hemat", quantity: "12", unit: .pcs,
                unitPrice: Money(1_234_567), amount: Money(9_876_543_210))
        ]
        let lines = texts(receipt)
        #expect(lines.contains("Minyak Goreng Sawit Kemasan"))
        #expect(lines.contains("Pouch Isi Ulang Dua Liter Hemat"))
        #expect(lines.contains { $0.contains("12 x 1.234.567") })
        #expect(lines.contains { $0.hasSuffix("9.876.543.210") })
    }

    @Test("a measured line shows quantity, unit and price; the amount is right-aligned")
    func measuredLine() {
        let lines = texts(SampleReceipts.sale)
        let line = lines[position("1,255 kg x 30.000", in: lines)]
        #expect(line.hasSuffix("37.650") && line.count == 32)
        #expect(lines.contains { $0.hasPrefix("  Diskon anggota 2%") && $0.hasSuffix("-753") })
    }

    @Test("sections come in the order of docs/printing.md: the rounding and the amount then due right after the total, before the payments")
    func order() {
        let lines = texts(SampleReceipts.sale, .mm80)
        let order = [
            "Toko Rakyat Sukamaju", "Jl. Raya Cibeureum", "0812-3456-7890", "AHU-0001234", "NPWP 01.234.567.8-901.000",
            "01-20261129-0007", "2026-11-29 09:30", "Dewi", "Mesin kasir", "* Kopi Robusta", "2 x 30.000", "Diskon anggota 5%",
            "Telur Ayam Ras", "Subtotal", "-Rp3.753", "TOTAL", "Pembulatan", "Harus dibayar", "DPP", "PPN 11%", "QRIS", "Tunai",
            "Kembalian", "* produk lokal", "A-0007 Siti Aminah", "Belanja tahun ini", "Terima kasih",
        ]
        let positions = order.map { position($0, in: lines) }
        #expect(positions == positions.sorted(), "\(zip(order, positions).map { "\($0) \($1)" })")
        let blocks = document(SampleReceipts.sale).blocks
        let barcode = blocks.firstIndex { if case .barcode = $0 { return true } else { return false } }
        let qr = blocks.firstIndex { if case .qrCode = $0 { return true } else { return false } }
        #expect(barcode != nil && qr != nil && barcode! < qr! && blocks.last == .cut)
        #expect(blocks.contains(.barcode("01-20261129-0007", moduleWidth: 2)))
        #expect(blocks.contains(.qrCode(SampleReceipts.auditHash, moduleSize: 5)))
    }

    @Test("amounts: TOTAL, payments, change and rounding with Rp")
    func amounts() {
        let lines = texts(SampleReceipts.sale)
        #expect(lines.contains { $0.hasPrefix("TOTAL") && $0.hasSuffix("Rp156.297") })
        #expect(lines.contains { $0.hasPrefix("QRIS") && $0.hasSuffix("Rp100.000") })
        #expect(lines.contains { $0.hasPrefix("Tunai") && $0.hasSuffix("Rp60.000") })
        #expect(lines.contains { $0.hasPrefix("Kembalian") && $0.hasSuffix("Rp3.800") })
        #expect(lines.contains { $0.hasPrefix("Pembulatan") && $0.hasSuffix("-Rp97") })
        // tendered 160.000 − due 156.200 = change 3.800, readable on the paper
        #expect(lines.contains { $0.hasPrefix("Harus dibayar") && $0.hasSuffix("Rp156.200") })
        #expect(lines.contains { $0.hasPrefix("Diskon") && $0.hasSuffix("-Rp3.753") })
    }

    @Test("a reprint is marked SALINAN at the top and bottom; an original is not")
    func copyMark() {
        let copy = texts(SampleReceipts.copy)
        #expect(copy.first == "SALINAN")
        #expect(copy.contains("SALINAN - bukan struk asli"))
        #expect(!texts(SampleReceipts.sale).contains { $0.contains("SALINAN") })
        #expect(document(SampleReceipts.copy).lines.first?.style.doubleWidth == true)
    }

    @Test("a refund is marked RETUR with the original receipt number and the refunded total")
    func refundMark() {
        let lines = texts(SampleReceipts.refund)
        #expect(lines.first == "RETUR")
        #expect(lines.contains { $0.hasPrefix("Retur dari") && $0.hasSuffix("01-20261129-0007") })
        #expect(lines.contains { $0.hasPrefix("TOTAL RETUR") && $0.hasSuffix("Rp28.500") })
        #expect(!lines.contains { $0.hasPrefix("TOTAL") && !$0.hasPrefix("TOTAL RETUR") })
        #expect(!texts(SampleReceipts.sale).contains { $0.contains("RETUR") })
    }

    @Test("PKP: DPP and PPN lines and the NPWP appear only when the receipt carries taxes")
    func taxLines() {
        let pkp = texts(SampleReceipts.sale)
        #expect(pkp.contains { $0.hasPrefix("DPP") && $0.hasSuffix("Rp107.568") })
        #expect(pkp.contains { $0.hasPrefix("PPN 11%") && $0.hasSuffix("Rp11.832") })
        let plain = texts(SampleReceipts.plain)
        #expect(!plain.contains { $0.hasPrefix("DPP") || $0.hasPrefix("PPN") || $0.contains("NPWP") })
        var twoRates = SampleReceipts.sale
        twoRates.taxes.append(Receipt.TaxLine(rate: TaxRate(hundredthsOfPercent: 1200), dpp: Money(100), tax: Money(12)))
        #expect(texts(twoRates).contains { $0.hasPrefix("DPP 12%") })
    }

    @Test("the local legend, member and discount lines appear only when they apply")
    func optionalSections() {
        let plain = texts(SampleReceipts.plain)
        #expect(!plain.contains { $0.contains("produk lokal") || $0.contains("Anggota") || $0.hasPrefix("Diskon") })
        #expect(!plain.contains { $0.hasPrefix("Kembalian") || $0.hasPrefix("Pembulatan") || $0.hasPrefix("Harus dibayar") })
        #expect(texts(SampleReceipts.sale).contains("* produk lokal"))
        #expect(texts(SampleReceipts.sale).contains("Siti Aminah"))
    }

    @Test("texts are put in the code page before they are measured: “Hemat” prints as \"Hemat\"")
    func codePageText() {
        let lines = texts(SampleReceipts.sale, .mm80)
        #expect(lines.contains { $0.contains("\"Hemat\"") })
        #expect(lines.contains { $0.contains("Jl. Raya Cibeureum No. 12 - Desa Sukamaju") })
        #expect(
            ReceiptLayout(paper: .mm58, codePage: .wpc1252).document(for: SampleReceipts.sale).lines.contains {
                $0.text.contains("“Hemat”")
            })
    }

    @Test("a word longer than a line is broken, never cut off")
    func wrap() {
        var receipt = SampleReceipts.plain
        receipt.footer = String(repeating: "x", count: 70)
        let footer = texts(receipt).filter { $0.allSatisfy { $0 == "x" } && !$0.isEmpty }
        #expect(footer.map(\.count) == [32, 32, 6])
    }
}
