import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folder where receipts wait for a printer, one per shop database: `tora.sqlite` has
/// `tora.outbox/` beside it (docs/printing.md). Each receipt is two files,
/// `<receipt-no>.bin` (the ESC/POS bytes, exactly what the printer would have received)
/// and `<receipt-no>.txt` (the text).
///
/// A receipt that failed on a configured queue waits in the folder itself for `tora
/// printer retry`; one kept while no queue was set goes to `kept/`, which retry leaves
/// alone unless asked. Files are written to a temporary name and renamed, so a crash
/// never leaves half a receipt. A printed receipt moves to `sent/`, which is kept.
public struct Outbox: Sendable, Hashable {
    public let folder: String

    /// The outbox in `folder` (created when the first receipt is kept).
    public init(folder: String) {
        self.folder = folder
    }

    /// The outbox of the shop database at `databasePath`: its path with the extension
    /// replaced by `.outbox` (`/srv/tora.sqlite` → `/srv/tora.outbox`), so two shops in
    /// one folder (the real one and the demo) never share receipts.
    public init(besideDatabase databasePath: String) {
        let stem = (databasePath as NSString).deletingPathExtension
        self.folder = (stem.isEmpty || stem.hasSuffix("/") ? stem + "shop" : stem) + ".outbox"
    }

    /// Where printed receipts are moved.
    public var sentFolder: String { (folder as NSString).appendingPathComponent("sent") }

    /// Where receipts kept while no queue was set wait; `printer retry` sends them only
    /// when asked (`--include-kept`).
    public var keptFolder: String { (folder as NSString).appendingPathComponent("kept") }

    /// Writes the job as `<title>.bin` and `<title>.txt` (`-2`, `-3`… when the name is
    /// taken) and returns the entry: in the outbox itself when a printer failed
    /// (`forRetry`), in `kept/` when there was no printer to try.
    @discardableResult
    public func keep(_ job: PrintJob, forRetry: Bool = true) throws(PrintError) -> OutboxEntry {
        let folder = forRetry ? self.folder : keptFolder
        try makeFolder(folder)
        let name = try freeName(Self.fileStem(job.title), in: folder)
        let entry = OutboxEntry(name: name, folder: folder, keptAt: Date())
        // The text first: a `.bin` is what marks a receipt as pending. Only the `.bin` is
        // flushed to disk: the text is a readable copy of the same receipt (and the sale
        // itself is already durable in the database), so it is not worth a second fsync
        // per sale at the till.
        try Self.writeAtomically(Array(job.text.utf8), to: entry.textPath, in: folder, flush: false)
        try Self.writeAtomically(job.bytes, to: entry.bytesPath, in: folder)
        return entry
    }

    /// The receipts that failed on a printer and wait for `printer retry`, oldest first.
    public func pending() throws(PrintError) -> [OutboxEntry] {
        try entries(in: folder)
    }

    /// The receipts kept while no printer queue was set, oldest first.
    public func kept() throws(PrintError) -> [OutboxEntry] {
        try entries(in: keptFolder)
    }

    /// The receipts printed from the outbox, oldest first.
    public func sent() throws(PrintError) -> [OutboxEntry] {
        try entries(in: sentFolder)
    }

    /// Moves a printed receipt's files to `sent/` and returns where they are now.
    @discardableResult
    public func markSent(_ entry: OutboxEntry) throws(PrintError) -> OutboxEntry {
        try makeFolder(sentFolder)
        let name = try freeName(entry.name, in: sentFolder)
        let moved = OutboxEntry(name: name, folder: sentFolder, keptAt: entry.keptAt)
        guard rename(entry.bytesPath, moved.bytesPath) == 0 else {
            throw PrintError(.io, "cannot move \(entry.bytesPath) to \(sentFolder): \(String(cString: strerror(errno)))")
        }
        if FileManager.default.fileExists(atPath: entry.textPath) {
            _ = rename(entry.textPath, moved.textPath)
        }
        return moved
    }

    private func entries(in folder: String) throws(PrintError) -> [OutboxEntry] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw PrintError(.io, "cannot list the outbox \(folder): \(error.localizedDescription)")
        }
        var found: [OutboxEntry] = []
        for file in names where file.hasSuffix(".bin") && !file.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(file)
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
            found.append(OutboxEntry(name: String(file.dropLast(4)), folder: folder, keptAt: modified ?? .distantPast))
        }
        return found.sorted { ($0.keptAt, $0.name) < ($1.keptAt, $1.name) }
    }

    private func makeFolder(_ path: String) throws(PrintError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PrintError(.io, "cannot create the outbox folder \(path): \(error.localizedDescription)")
        }
    }

    private func freeName(_ stem: String, in folder: String) throws(PrintError) -> String {
        for attempt in 1...999 {
            let name = attempt == 1 ? stem : "\(stem)-\(attempt)"
            let base = (folder as NSString).appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: base + ".bin") && !FileManager.default.fileExists(atPath: base + ".txt") {
                return name
            }
        }
        throw PrintError(.io, "the outbox \(folder) already holds 999 files named \(stem); print or remove them")
    }

    /// A file name from a job title: letters, digits, `-`, `_` and `.` kept, others `_`.
    static func fileStem(_ title: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        var stem = String(title.map { allowed.contains($0) ? $0 : "_" }.prefix(100))
        while stem.hasPrefix(".") { stem.removeFirst() }
        return stem.isEmpty ? "receipt" : stem
    }

    /// Writes `bytes` to a temporary file in `folder`, flushes it to disk (unless `flush`
    /// is false) and renames it to `path`: readers see the whole file or none.
    static func writeAtomically(_ bytes: [UInt8], to path: String, in folder: String, flush: Bool = true) throws(PrintError) {
        let temporary = (folder as NSString).appendingPathComponent(".tmp-\(UUID().uuidString)")
        func failure(_ action: String) -> PrintError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return PrintError(.io, "cannot \(action) \(path): \(reason)")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("create") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                throw failure("write")
            }
            written += count
        }
        guard !flush || fsync(descriptor) == 0 else {
            close(descriptor)
            throw failure("flush")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("rename a temporary file to") }
    }
}

/// One receipt in the outbox (or in `outbox/sent/`).
public struct OutboxEntry: Sendable, Hashable {
    /// The file name without extension: the receipt number (`-salinan` for a copy).
    public let name: String
    public let folder: String
    /// When it was kept (the `.bin` file's modification time).
    public let keptAt: Date

    public var bytesPath: String { (folder as NSString).appendingPathComponent(name + ".bin") }
    public var textPath: String { (folder as NSString).appendingPathComponent(name + ".txt") }

    /// The ESC/POS bytes, as first encoded.
    public func bytes() throws(PrintError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: bytesPath) else {
            throw PrintError(.io, "cannot read \(bytesPath): it was removed or is not readable")
        }
        return [UInt8](data)
    }

    /// The receipt's text, or empty when its `.txt` is missing.
    public func text() -> String {
        FileManager.default.contents(atPath: textPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The job to print it again: the same bytes, titled with its name.
    public func job() throws(PrintError) -> PrintJob {
        PrintJob(title: name, bytes: try bytes(), text: text())
    }
}
