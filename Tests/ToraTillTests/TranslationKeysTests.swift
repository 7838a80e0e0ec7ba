import Foundation
import Testing
import ToraCore
import ToraResources
import ToraStore

/// The keys the till's code asks the translations for, read from the sources: the first
/// argument of `t(…)`, `texts.text(…)` and `.translated(…)`, and `.invalid(usage: …)`.
enum UsedTranslationKeys {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folders = ["Sources/ToraTill", "Sources/ToraStore", "Sources/tora"]

    static func sources() throws -> [(name: String, text: String)] {
        try folders.flatMap { folder in
            let url = root.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }.sorted().map {
                (folder + "/" + $0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8))
            }
        }
    }

    static func literalKeys() throws -> [String: String] {
        let call = try NSRegularExpression(pattern: #"(?:\bt|\.text|\.translated)\(\s*([^,)]*)"#)
        let literal = try NSRegularExpression(pattern: #""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        let usage = try NSRegularExpression(pattern: #"\.invalid\(usage: "([a-z_]+)"\)"#)
        var keys: [String: String] = [:]
        for (name, text) in try sources() {
            let whole = NSRange(text.startIndex..., in: text)
            for match in call.matches(in: text, range: whole) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let argument = String(text[range])
                for key in literal.matches(in: argument, range: NSRange(argument.startIndex..., in: argument)) {
                    if let found = Range(key.range(at: 1), in: argument) { keys[String(argument[found])] = name }
                }
            }
            for match in usage.matches(in: text, range: whole) {
                if let range = Range(match.range(at: 1), in: text) { keys["usage." + text[range]] = name }
            }
        }
        return keys
    }

    /// Keys built from a value: methods, domain errors, help lines, sale states, print faults.
    static let builtKeys: [String] =
        TenderMethod.allCases.map { "method.\($0.rawValue)" } + CoreError.Code.all.map { "error.\($0.rawValue)" }
        + (1...22).map { "help.\($0)" } + ["state.open", "state.parked"]
        + [
            "server_unavailable", "queue_missing", "queue_stopped", "queue_rejecting", "job_failed", "timeout", "not_configured", "io",
            "template", "failed",
        ].map { "print.\($0)" }
}

@Suite("translation keys")
struct TranslationKeysTests {
    @Test("id and en have the same keys, and every key the code uses is in both")
    func everyUsedKeyExists() throws {
        let indonesian = try Translations.load("id")
        let english = try Translations.load("en")
        #expect(Set(indonesian.strings.keys).symmetricDifference(english.strings.keys).isEmpty)
        let used = try UsedTranslationKeys.literalKeys()
        #expect(used.count > 100, "the scan of the sources found only \(used.count) keys")
        for (key, file) in used.sorted(by: { $0.key < $1.key }) {
            #expect(indonesian.strings[key] != nil && english.strings[key] != nil, "\(file) uses \(key), missing from id.json or en.json")
        }
        for key in UsedTranslationKeys.builtKeys {
            #expect(indonesian.strings[key] != nil && english.strings[key] != nil, "\(key) is missing from id.json or en.json")
        }
    }

    @Test("every placeholder of an id text is also in its en text, and the other way round")
    func samePlaceholders() throws {
        let indonesian = try Translations.load("id")
        let english = try Translations.load("en")
        let placeholder = try NSRegularExpression(pattern: #"\{([a-z_]+)\}"#)
        func names(_ text: String) -> Set<String> {
            Set(
                placeholder.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                    Range($0.range(at: 1), in: text).map { String(text[$0]) }
                })
        }
        for (key, text) in indonesian.strings where !key.hasPrefix("_") {
            #expect(names(text) == names(english.strings[key] ?? ""), "\(key): {…} differ between id and en")
        }
    }
}
