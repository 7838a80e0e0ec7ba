import Foundation
import Testing

/// Golden report outputs under `Tests/ToraReportsTests/Golden/`: compared byte for byte;
/// rewritten instead when `TORA_UPDATE_GOLDEN=1` (then review the diff before committing).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["TORA_UPDATE_GOLDEN"] == "1" }

    /// The golden file's text: from the source tree, else from the test bundle's copy.
    static func text(_ name: String) -> String? {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
            return String(decoding: data, as: UTF8.self)
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden") else { return nil }
        return (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Expects `actual` to equal the golden file `name` exactly (or writes it).
    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if isUpdating {
            let written = FileManager.default.createFile(
                atPath: folder.appendingPathComponent(name).path, contents: Data(actual.utf8))
            #expect(written, "cannot write golden file \(name)", sourceLocation: sourceLocation)
            return
        }
        guard let expected = text(name) else {
            Issue.record(
                "golden file \(name) is missing; run the tests with TORA_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(
            expected == actual,
            "\(name) differs at line \((line ?? min(expectedLines.count, actualLines.count)) + 1); if the change is meant, run with TORA_UPDATE_GOLDEN=1 and review the diff",
            sourceLocation: sourceLocation)
    }
}
