import Foundation
import Testing
import ToraTestSupport

/// `tora sync` and `tora hub` run the `tora-sync` program beside `tora`, so the till's
/// binary carries no HTTP client (docs/performance.md, "The till's memory lost again").
@Suite("hub commands run tora-sync")
struct HubForwardingTests {
    @Test("the tora binary links no HTTP client: AsyncHTTPClient, NIO and BoringSSL live in tora-sync")
    func tillBinaryHasNoHTTPClient() throws {
        let tora = try ToraBinary.locate()
        let folder = URL(fileURLWithPath: tora.path).deletingLastPathComponent()
        let till = try Data(contentsOf: URL(fileURLWithPath: tora.path))
        let sync = try Data(contentsOf: folder.appendingPathComponent("tora-sync"))
        // Swift's mangled symbol names carry the module's name.
        let client = Data("AsyncHTTPClient".utf8)
        #expect(sync.range(of: client) != nil, "tora-sync should hold the hub's HTTP client")
        #expect(till.range(of: client) == nil, "tora links AsyncHTTPClient again: the till's memory grows by the NIO stack")
    }

    @Test("tora sync, tora hub and tora help sync answer from tora-sync with the same arguments")
    func forwardsWithArguments() throws {
        let shop = try ToraShopFolder("tora-forward", now: "2026-11-29T10:00:00+07:00")
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        let status = try shop.tora.run(["hub", "status"], environment: shop.env)
        #expect(status.status == 64, "\(status.stderr)")
        #expect(status.stderr == "tora: this shop has not joined a hub: run tora hub join URL --code CODE\n")
        let help = try shop.tora.run(["help", "sync"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: tora sync [--db <path>] [--watch]"), "\(help.stdout)")
        let bad = try shop.tora.run(["sync", "--batch-size", "0"], environment: shop.env)
        #expect(bad.status == 64 && bad.stderr.contains("--batch-size must be 1 to 500"), "\(bad.stderr)")
    }

    @Test("a tora without tora-sync beside it says which program is missing and how to build it, exit 69")
    func missingSiblingIsOneLine() throws {
        let tora = try ToraBinary.locate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tora-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = folder.appendingPathComponent("tora").path
        try FileManager.default.copyItem(atPath: tora.path, toPath: lonely)
        let run = try ToraBinary(path: lonely).run(["sync"])
        #expect(run.status == 69)
        #expect(
            run.stderr
                == "tora: tora sync needs the program tora-sync beside tora, and \(folder.path)/tora-sync is missing: "
                + "build it with swift build --product tora-sync (scripts/hub does)\n")
        #expect(run.stdout.isEmpty)
    }
}
