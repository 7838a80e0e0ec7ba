import Foundation
import Synchronization

/// Template files parsed so far, by path, with the size and time of the file parsed.
private let parsedTemplates = Mutex<[String: (stamp: FileStamp, template: ReceiptTemplate)]>([:])

/// What tells a changed file: its size and modification time (to the nanosecond).
private struct FileStamp: Equatable, Sendable {
    let size: Int64
    let seconds: Int
    let nanoseconds: Int

    init(_ status: stat) {
        size = Int64(status.st_size)
        seconds = status.st_mtim.tv_sec
        nanoseconds = status.st_mtim.tv_nsec
    }
}

extension ReceiptTemplate {
    /// The layout shipped inside the binary for a paper width, used when no template
    /// folder is found: the same text as `receipts/58.txt` and `receipts/80.txt` (a test
    /// keeps them equal), so a shipped `tora` always prints.
    public static func builtIn(_ paper: PaperWidth) -> ReceiptTemplate {
        let text = paper == .mm58 ? builtIn58 : builtIn80
        return (try? ReceiptTemplate(parsing: text, name: "built-in \(paper.rawValue).txt"))
            ?? ReceiptTemplate(name: "built-in", entries: [])
    }

    init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// The template file for `paper` in `folder`: `58.txt` or `80.txt`.
    public static func fileName(_ paper: PaperWidth) -> String { "\(paper.rawValue).txt" }

    /// Reads `<folder>/58.txt` (or `80.txt`). A nil folder, or a folder without that
    /// file, gives the built-in layout; a file that cannot be read or does not parse
    /// throws, naming the file and line.
    ///
    /// A parsed file is kept while its size and modification time stay the same, so an
    /// edited template prints from the next receipt on, without reading and parsing the
    /// file for every receipt.
    public static func load(_ paper: PaperWidth, from folder: String?) throws(PrintError) -> ReceiptTemplate {
        guard let folder else { return builtIn(paper) }
        let path = folder.hasSuffix("/") ? folder + fileName(paper) : folder + "/" + fileName(paper)
        var status = stat()
        guard stat(path, &status) == 0 else { return builtIn(paper) }
        let stamp = FileStamp(status)
        if let kept = parsedTemplates.withLock({ $0[path] }), kept.stamp == stamp { return kept.template }
        let template = try parse(path)
        parsedTemplates.withLock { $0[path] = (stamp, template) }
        return template
    }

    private static func parse(_ path: String) throws(PrintError) -> ReceiptTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PrintError(.io, "cannot read the receipt template \(path): permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PrintError(.template, "\(path) is not UTF-8 text; save the receipt template as UTF-8")
        }
        return try ReceiptTemplate(parsing: text, name: path)
    }

    /// Where the templates are, for `tora` and the till: `$TORA_RECEIPTS` when set; else a
    /// `receipts` folder next to the shop database; else the repository's `receipts/`
    /// (its path is fixed when `tora` is built); else nil, meaning the built-in layouts.
    public static func folder(databasePath: String?, environment: [String: String]) -> String? {
        if let explicit = environment["TORA_RECEIPTS"], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        if let databasePath {
            candidates.append(((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("receipts"))
        }
        candidates.append(repositoryReceipts)
        var isFolder: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue }
    }

    /// `receipts/` at the top of the repository this file was compiled from.
    static let repositoryReceipts: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("receipts").path
    }()

    /// `receipts/58.txt` as shipped.
    static let builtIn58 = """
        # Struk 58 mm: 32 kolom. Format: receipts/README.md.
        [copy] center bold double SALINAN
        [refund] center bold double RETUR
        center bold tall {shop.name}
        center {shop.address}
        center Telp. {shop.phone}
        center BH {shop.legal_number}
        center NPWP {shop.npwp}
        rule =
        pair No. | {receipt.number}
        [refund] pair Retur dari | {receipt.refund_of}
        pair Waktu | {receipt.date}
        pair Kasir | {receipt.cashier}
        pair Mesin kasir | {receipt.register}
        rule -
        lines
        rule -
        pair Subtotal | {gross}
        pair Diskon | {discounts}
        [sale] pair bold tall TOTAL | {total}
        [refund] pair bold tall TOTAL RETUR | {total}
        pair Pembulatan | {rounding}
        pair bold Harus dibayar | {due}
        [pkp] taxes
        [pkp] left Harga termasuk PPN.
        payments
        pair Kembalian | {change}
        [local] left * produk lokal
        [member] rule -
        [member] left Anggota {member.number}
        [member] left {member.name}
        [member] pair Belanja tahun ini | {member.purchases}
        pair NIK pembeli | {buyer.nik}
        rule -
        center {footer}
        [copy] center bold SALINAN - bukan struk asli
        blank
        barcode 2
        blank
        qr 5
        cut
        """

    /// `receipts/80.txt` as shipped.
    static let builtIn80 = """
        # Struk 80 mm: 48 kolom. Format: receipts/README.md.
        [copy] center bold double SALINAN
        [refund] center bold double RETUR
        center bold double {shop.name}
        center {shop.address}
        center Telp. {shop.phone}
        center Badan Hukum {shop.legal_number}
        center NPWP {shop.npwp}
        rule =
        pair No. Struk | {receipt.number}
        [refund] pair Retur dari struk | {receipt.refund_of}
        pair Waktu | {receipt.date}
        pair Kasir | {receipt.cashier}
        pair Mesin kasir | {receipt.register}
        rule -
        lines
        rule -
        pair Subtotal | {gross}
        pair Diskon | {discounts}
        [sale] pair bold double TOTAL | {total}
        [refund] pair bold double TOTAL RETUR | {total}
        pair Pembulatan | {rounding}
        pair bold Harus dibayar | {due}
        [pkp] rule -
        [pkp] taxes
        [pkp] left Harga sudah termasuk PPN.
        rule -
        payments
        pair Kembalian | {change}
        [local] left * produk lokal: buatan anggota dan UMKM desa
        [member] rule -
        [member] pair Anggota | {member.number} {member.name}
        [member] pair Belanja tahun ini | {member.purchases}
        pair NIK pembeli | {buyer.nik}
        rule =
        center {footer}
        [copy] center bold SALINAN - bukan struk asli
        blank
        barcode 2
        blank
        qr 6
        cut
        """
}
