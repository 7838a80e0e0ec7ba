import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// A shop's PC at its worst: a read-only folder, a full disk, a file that is not a shop,
/// a shop from a newer Tora Sera. Each gets one clear line and an exit code; nothing is
/// corrupted. Mounting needs root (as CI runs); elsewhere these tests say so and stop.
@Suite("a bad environment", .serialized)
struct BadEnvironmentTests {
    let tora: ToraBinary
    let folder = TemporaryFolder("tora-badenv")

    init() throws { tora = try ToraBinary.locate() }

    /// Mounts a small tmpfs at `path`; false (with a recorded issue under CI) when this
    /// machine does not let the test mount.
    func mount(_ path: String, options: String) -> Bool {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return unavailable() }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? true : unavailable()
    }

    func unavailable() -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("cannot mount a tmpfs (needs root); CI runs as root") }
        return false
    }

    func remount(_ path: String, _ options: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-o", "remount,\(options)", path]
        try? process.run()
        process.waitUntilExit()
    }

    func unmount(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = ["-l", path]
        try? process.run()
        process.waitUntilExit()
    }

    @Test("a read-only folder: no database is made, one line, exit 74")
    func readOnlyFolder() throws {
        let mountPoint = folder.file("ro")
        guard mount(mountPoint, options: "ro,size=1m") else { return }
        defer { unmount(mountPoint) }
        let run = try tora.run(
            ["init", "--db", mountPoint + "/shop.sqlite"] + ToraShopFolder.managerFlags, environment: ToraShopFolder.signIn)
        #expect(run.status == 74)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("cannot create the shop database"), "\(run.stderr)")
    }

    @Test("a shop whose disk became read-only refuses changes in one line and stays whole")
    func readOnlyShop() throws {
        let mountPoint = folder.file("shop")
        guard mount(mountPoint, options: "size=4m") else { return }
        defer { unmount(mountPoint) }
        let env = ["TORA_DB": mountPoint + "/shop.sqlite"].merging(ToraShopFolder.signIn) { $1 }
        #expect(try tora.run(["init"] + ToraShopFolder.managerFlags, environment: env).status == 0)
        let csv = folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))
        #expect(try tora.run(["catalogue", "import", csv], environment: env).status == 0)
        remount(mountPoint, "ro")
        let run = try tora.run(["stock", "receive", "KOPI-KPA", "5"], environment: env)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        remount(mountPoint, "rw")
        let store = try ShopStore(path: mountPoint + "/shop.sqlite")
        #expect(try store.catalogue.product(sku: "KOPI-KPA")?.onHand == Quantity(whole: 30))
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("a full disk: the import is refused whole with one line, exit 74, and the shop is intact")
    func diskFull() throws {
        let mountPoint = folder.file("full")
        guard mount(mountPoint, options: "size=1536k") else { return }
        defer { unmount(mountPoint) }
        let env = ["TORA_DB": mountPoint + "/shop.sqlite"].merging(ToraShopFolder.signIn) { $1 }
        #expect(try tora.run(["init"] + ToraShopFolder.managerFlags, environment: env).status == 0)
        var lines = [SampleCatalogue.lines[0]]
        for index in 0..<8_000 {
            lines.append("BULK-\(index),,Barang Contoh Nomor \(index) Dengan Nama Panjang,lainnya,pcs,1000,,900,ppn,no,,,,,10,1,yes,yes")
        }
        let run = try tora.run(["catalogue", "import", folder.write("big.csv", lines.joined(separator: "\n"))], environment: env)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("full"), "\(run.stderr)")
        let store = try ShopStore(path: mountPoint + "/shop.sqlite")
        #expect(try store.catalogue.products(includeInactive: true).isEmpty)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.journal.verifyAudit().isIntact)
    }

    @Test("a shop written by a newer Tora Sera is left untouched: one line, exit 74")
    func newerSchema() throws {
        let path = folder.file("newer.sqlite")
        #expect(try tora.run(["init", "--db", path] + ToraShopFolder.managerFlags, environment: ToraShopFolder.signIn).status == 0)
        try GRDBTamper.addMigration(db: path, identifier: "v99-from-the-future")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try tora.run(["catalogue", "list", "--db", path])
        #expect(run.status == 74 && run.stderr.contains("newer version of Tora Sera"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("on a read-only disk the reading commands work, on the shop and on its backup copy (mode 0400); changes exit 74")
    func readOnlyReading() throws {
        let mountPoint = folder.file("readonly")
        guard mount(mountPoint, options: "size=8m") else { return }
        defer { unmount(mountPoint) }
        let env = ["TORA_DB": mountPoint + "/shop.sqlite", "TORA_NOW": "2026-11-29T10:00:00+07:00"].merging(ToraShopFolder.signIn) { $1 }
        #expect(try tora.run(["init"] + ToraShopFolder.managerFlags, environment: env).status == 0)
        let csv = folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))
        #expect(try tora.run(["catalogue", "import", csv], environment: env).status == 0)
        let copy = mountPoint + "/salinan.sqlite"
        #expect(try tora.run(["backup", copy], environment: env).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: copy)
        remount(mountPoint, "ro")
        defer { remount(mountPoint, "rw") }
        for path in [mountPoint + "/shop.sqlite", copy] {
            let readOnly = env.merging(["TORA_DB": path]) { $1 }
            for command in [
                ["report", "eod"], ["audit", "verify"], ["catalogue", "list"], ["config", "list"], ["stock", "list"], ["users", "list"],
            ] {
                let run = try tora.run(command, environment: readOnly)
                #expect(run.status == 0, "tora \(command.joined(separator: " ")) on \(path): \(run.stderr)")
            }
            #expect(try tora.run(["catalogue", "list"], environment: readOnly).stdout.contains("KOPI-KPA"))
            let change = try tora.run(["config", "set", "shop.name", "X"], environment: readOnly)
            #expect(change.status == 74 && change.stderr.split(separator: "\n").count == 1, "\(change.stderr)")
        }
    }
}
