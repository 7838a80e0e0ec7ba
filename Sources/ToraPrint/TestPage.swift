/// The page `tora printer test` prints: who and what it is for, a ruler of the paper's
/// columns, a code page sample, sizes, a barcode and a QR code — enough to check that
/// width, characters, cutter and scanner all work before the first customer.
public enum TestPage {
    /// The text of the code page sample: letters the common tables have, and some that
    /// most lack (shown by their stand-ins).
    public static let sample = "é è à ü ñ ç ß £ ½ “kutip” – €5 …"

    /// The test page for `paper`, `codePage` and `queue`, dated `date` (text as printed).
    public static func document(shopName: String, paper: PaperWidth, codePage: CodePage, queue: String, date: String)
        -> ReceiptDocument
    {
        var page = PageComposer(columns: paper.columns, codePage: codePage)
        page.wrapped("TES PRINTER", alignment: .center, style: TextStyle(bold: true, doubleWidth: true, doubleHeight: true))
        page.wrapped(shopName, alignment: .center, style: TextStyle(bold: true))
        page.wrapped(date, alignment: .center, style: .plain)
        page.rule("=")
        page.pair("Antrian CUPS", queue, style: .plain)
        page.pair("Kertas", "\(paper.rawValue) mm, \(paper.columns) kolom", style: .plain)
        page.pair("Kode halaman", codePage.rawValue, style: .plain)
        page.rule("-")
        let digits = (0..<paper.columns).map { String(($0 + 1) % 10) }.joined()
        let tens = (0..<paper.columns).map { ($0 + 1) % 10 == 0 ? String(($0 + 1) / 10 % 10) : "." }.joined()
        page.wrapped(tens, alignment: .left, style: .plain)
        page.wrapped(digits, alignment: .left, style: .plain)
        page.rule("-")
        page.wrapped(sample, alignment: .left, style: .plain)
        page.wrapped("Tebal", alignment: .left, style: TextStyle(bold: true))
        page.wrapped("Tinggi", alignment: .left, style: TextStyle(doubleHeight: true))
        page.wrapped("Lebar", alignment: .left, style: TextStyle(doubleWidth: true))
        page.pair("TOTAL", "Rp1.234.567", style: TextStyle(bold: true, doubleHeight: true))
        page.wrapped("", alignment: .left, style: .plain)
        page.blocks.append(.barcode("00-00000000-0000", moduleWidth: 2))
        page.wrapped("", alignment: .left, style: .plain)
        page.blocks.append(.qrCode("Tora Sera tes printer \(queue) \(paper.rawValue)mm \(codePage.rawValue)", moduleSize: 5))
        page.wrapped("Selesai. Potong kertas di bawah.", alignment: .center, style: .plain)
        page.blocks.append(.cut)
        return ReceiptDocument(columns: paper.columns, blocks: page.blocks)
    }
}
