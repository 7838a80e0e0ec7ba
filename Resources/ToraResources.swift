import Foundation

/// The data files Tora Sera ships: the demo shop and the translations of the till.
///
/// They live in `Resources/` at the top of the repository so a shop or a translator can
/// read and edit them without touching code; SwiftPM copies them next to the binary.
public enum ToraResources {
    /// The folder holding the demo shop's CSV files (catalogue, members, tiers).
    public static var demoFolder: URL {
        Bundle.module.bundleURL.appendingPathComponent("demo", isDirectory: true)
    }

    /// The folder holding one JSON file of strings per language (`id.json`, `en.json`).
    public static var translationsFolder: URL {
        Bundle.module.bundleURL.appendingPathComponent("translations", isDirectory: true)
    }
}

/// The strings a cashier sees, in one language: `{name}` placeholders filled by `text`.
///
/// A missing key falls back to the key itself so a gap in a translation shows up on
/// screen instead of crashing the till.
public struct Translations: Sendable {
    public let language: String
    public let strings: [String: String]

    /// Languages shipped in `Resources/translations`.
    public static let languages = ["id", "en"]

    /// Loads `Resources/translations/<language>.json`.
    public static func load(_ language: String) throws -> Translations {
        let url = ToraResources.translationsFolder.appendingPathComponent("\(language).json")
        let data = try Data(contentsOf: url)
        let strings = try JSONDecoder().decode([String: String].self, from: data)
        return Translations(language: language, strings: strings)
    }

    public init(language: String, strings: [String: String]) {
        self.language = language
        self.strings = strings
    }

    /// `text(key, values)` in the form for `count`: `key.one` when `count` is 1 and the
    /// language has that form ("1 item", "2 items"; Indonesian needs none).
    public func text(_ key: String, _ values: [String: String], count: Int) -> String {
        text(count == 1 && strings[key + ".one"] != nil ? key + ".one" : key, values)
    }

    /// The string for `key` with each `{name}` replaced by `values[name]`, in one pass (a
    /// value is never searched for placeholders itself); an unknown `{name}` stays as it is.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        let template = strings[key] ?? key
        guard !values.isEmpty else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += values[String(rest[rest.index(after: open)..<close])] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
