import Foundation
import GRDB
import ToraCore

/// How well a product matched a search, best first. Equal quality lists active local
/// products first (docs/catalogue-and-stock.md, "local products first").
public enum MatchQuality: Int, Sendable, Comparable {
    /// The text is the product's sku or one of its barcodes.
    case exactCode = 0
    /// The product's name begins with the text.
    case namePrefix = 1
    /// Every word of the text begins a word of the name.
    case nameWords = 2
    /// The words are found across name, sku, category and origin.
    case otherFields = 3

    public static func < (lhs: MatchQuality, rhs: MatchQuality) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One search result.
public struct SearchHit: Sendable, Hashable {
    public let product: StockedProduct
    public let quality: MatchQuality
}

extension CatalogueStore {
    /// Searches the catalogue through its full-text index (fast at 300 000 products):
    /// every word of `text` must begin a word of the name, sku, category or origin.
    /// Results: best match quality first, then active local products, then by name.
    /// Inactive products are left out unless `includeInactive`.
    ///
    /// A text longer than `maxSearchCharacters` is refused (no name is that long, and SQLite
    /// refuses a long LIKE pattern with an error of its own).
    public func search(_ text: String, limit: Int = 20, includeInactive: Bool = false) throws -> [SearchHit] {
        guard text.count <= Self.maxSearchCharacters else {
            let max = String(Self.maxSearchCharacters)
            throw StoreError(.invalidInput, "the search text is too long: at most \(max) characters")
                .because(.searchTooLong(maxCharacters: Self.maxSearchCharacters))
        }
        let words = Self.searchWords(text)
        guard !words.isEmpty else { return [] }
        let query = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ")
        let trimmed = text.trimmingSpaces()
        let namePattern = Self.likeEscaped(trimmed.lowercased()) + "%"
        // A word begins a word of the name when the name starts with it or has it after a space.
        let wordChecks = words.map { _ in "(lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.name) LIKE ? ESCAPE '\\')" }
        let nameWords = wordChecks.joined(separator: " AND ")
        var arguments: StatementArguments = [trimmed, trimmed, namePattern]
        for word in words {
            let escaped = Self.likeEscaped(word)
            _ = arguments.append(contentsOf: [escaped + "%", "% " + escaped + "%"])
        }
        _ = arguments.append(contentsOf: [query])
        // `+p.active` keeps SQLite from answering through an index on `active` (walking
        // every active product and testing each against the matches): the matches are
        // few, and looked up by rowid they cost a third of the time at 300 000 products.
        let activeFilter = includeInactive ? "" : "AND +p.active = 1"
        _ = arguments.append(contentsOf: [limit])
        let sql = """
            SELECT \(StockedProduct.selection),
                CASE
                    WHEN p.sku = ? OR EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id AND b.code = ?) THEN 0
                    WHEN lower(p.name) LIKE ? ESCAPE '\\' THEN 1
                    WHEN \(nameWords) THEN 2
                    ELSE 3
                END AS quality
            FROM \(StockedProduct.from)
            WHERE p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?) \(activeFilter)
            ORDER BY quality, (p.local AND p.active) DESC, p.active DESC, p.name COLLATE NOCASE, p.sku
            LIMIT ?
            """
        return try read { db in
            var hits = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SearchHit(product: StockedProduct(row: row), quality: MatchQuality(rawValue: row["quality"]) ?? .otherFields)
            }
            // A sku or barcode typed whole is found even when it is not a word of the index.
            if hits.first?.quality != .exactCode, let exact = try Self.product(code: trimmed, db),
                includeInactive || exact.product.isActive
            {
                hits.removeAll { $0.product.id == exact.id }
                hits.insert(SearchHit(product: exact, quality: .exactCode), at: 0)
                if hits.count > limit { hits.removeLast() }
            }
            return hits
        }
    }

    /// The longest text `search` takes: longer than any product name (120 characters).
    public static let maxSearchCharacters = 200

    /// The words of a search, lower-cased, without FTS syntax characters.
    static func searchWords(_ text: String) -> [String] {
        let cleaned = text.lowercased().map { character -> Character in
            character.isLetter || character.isNumber ? character : " "
        }
        return String(cleaned).split(separator: " ").map(String.init).prefix(8).map { $0 }
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
            of: "_", with: "\\_")
    }
}
