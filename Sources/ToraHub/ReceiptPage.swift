import ToraCore

/// The public receipt page: one small self-contained HTML page (no scripts, no outside
/// files) in Bahasa Indonesia with English beside it. It shows only what
/// `ReceiptStatus` holds: no member, no NIK.
enum ReceiptPage {
    static func render(_ status: ReceiptStatus?) -> String {
        let (title, detail, colour) = headline(status)
        var rows: [(String, String)] = []
        if let status, status.state != .notSynced {
            rows.append(("Koperasi / cooperative", status.cooperative ?? ""))
            rows.append(("Gerai / outlet", "\(status.outlet ?? "") — \(status.outletName ?? "")"))
            rows.append(("Hari usaha / business day", status.businessDay ?? ""))
            rows.append(((status.kind == "refund" ? "Struk retur / refund" : "Struk / receipt"), status.receipt ?? ""))
            rows.append(("Total", status.total.map { Money($0).formatted } ?? ""))
            rows.append(("Entri jurnal / journal entry", status.seq.map { String($0) } ?? ""))
            if status.outletFlagged == true {
                rows.append(("Catatan / note", "gerai ini ditandai di hub (outlet flagged at the hub)"))
            }
        }
        if let status { rows.append(("Kode / code", status.hash)) }
        let table = rows.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body{font-family:sans-serif;max-width:32rem;margin:1.5rem auto;padding:0 1rem;color:#222}
            h1{font-size:1.3rem;color:\(colour)} p{margin:.3rem 0 1rem}
            table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.35rem;border-bottom:1px solid #ddd;vertical-align:top}
            th{font-weight:normal;color:#555;width:45%} td{word-break:break-all}
            </style></head>
            <body>
            <h1>\(escape(title))</h1>
            <p>\(escape(detail))</p>
            <table>
            \(table)
            </table>
            </body></html>

            """
    }

    private static func headline(_ status: ReceiptStatus?) -> (String, String, String) {
        switch status?.state {
        case .verified:
            return (
                "Struk terverifikasi (verified)",
                "Entri jurnal struk ini ada di rantai jurnal gerai yang terverifikasi di hub koperasi. "
                    + "This receipt's journal entry is in the outlet's verified chain at the cooperative's hub.",
                "#1a7f37"
            )
        case .broken:
            return (
                "Struk TIDAK terverifikasi (not verified)",
                "Entri jurnal struk ini ada di hub, tetapi isinya tidak cocok dengan kodenya. "
                    + "The hub holds this receipt's entry, but it no longer matches its code.",
                "#b42318"
            )
        case .notSynced:
            return (
                "Belum tersinkron (not yet synced)",
                "Hub belum menerima struk ini: gerai mungkin belum tersinkron. Coba lagi nanti. "
                    + "The hub does not hold this receipt yet: the outlet may not have synced. Try again later.",
                "#9a6700"
            )
        case nil:
            return (
                "Kode struk tidak dikenal (unknown receipt code)", "Kode ini bukan kode struk. This is not a receipt's code.", "#b42318"
            )
        }
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
