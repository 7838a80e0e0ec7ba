import Foundation
import ToraCore

/// Money cells as an Indonesian spreadsheet writes them (docs/csv-import.md): besides
/// what `Money.parse` reads (`12500`, `12.500`, `Rp12.500`, `Rp 12.500`), the forms of
/// the accounting and currency formats: `Rp. 12.500`, `12.500,00` and `12.500,-`.
///
/// A decimal part that is not zero (`12.500,50`) is still refused: money is whole rupiah.
/// Not an error: `Rp`/`Rp.` in any case, spaces after it.
enum CSVMoney {
    static func parse(_ text: String, field: String) throws(CoreError) -> Money {
        let normalized = normalize(text)
        do {
            return try Money.parse(normalized, field: field)
        } catch {
            // Name the cell as the file wrote it, not the normalized form.
            var refusal = error
            if normalized != text.trimmingSpaces() {
                refusal.value = text
                refusal.reason = refusal.reason.replacingOccurrences(of: "'\(normalized)'", with: "'\(text.trimmingSpaces())'")
            }
            throw refusal
        }
    }

    /// `Rp. 12.500,00` -> `Rp12.500`: the `Rp.` prefix and a zero (or `-`) decimal part dropped.
    static func normalize(_ text: String) -> String {
        var body = Substring(text.trimmingSpaces())
        var sign = ""
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        var prefix = ""
        if body.lowercased().hasPrefix("rp") {
            prefix = "Rp"
            body = body.dropFirst(2)
            if body.hasPrefix(".") { body = body.dropFirst() }
            while body.first == " " { body = body.dropFirst() }
        }
        if let comma = body.lastIndex(of: ",") {
            let decimals = body[body.index(after: comma)...]
            let isZero = !decimals.isEmpty && decimals.count <= 2 && decimals.allSatisfy { $0 == "0" }
            if decimals == "-" || decimals == "--" || isZero { body = body[..<comma] }
        }
        return sign + prefix + body
    }
}
