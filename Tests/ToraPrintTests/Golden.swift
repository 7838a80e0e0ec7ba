import Foundation
import Testing

/// Golden files under `Tests/ToraPrintTests/Golden/`: compared byte for byte; rewritten
/// instead when `TORA_UPDATE_GOLDEN=1` (then review the diff before committing).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["TORA_UPDATE_GOLDEN"] == "1" }

    /// The golden file's bytes: from the source tree, else from the test bundle's copy.
    static func bytes(_ name: String) -> [UInt8]? {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { return [UInt8](data) }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden") else { return nil }
        return (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }

    /// Expects `actual` to equal the golden file `name` byte for byte (or writes it).
    static func check(_ name: String, _ actual: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        if isUpdating {
            let written = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(actual))
            #expect(written, "cannot write golden file \(name)", sourceLocation: sourceLocation)
            return
        }
        guard let expected = bytes(name) else {
            Issue.record(
                "golden file \(name) is missing; run the tests with TORA_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let firstDifference =
            zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        #expect(
            expected == actual,
            "\(name) differs at byte \(firstDifference) (golden \(expected.count) bytes, now \(actual.count)); if the change is meant, run with TORA_UPDATE_GOLDEN=1 and review the diff",
            sourceLocation: sourceLocation)
    }
}
