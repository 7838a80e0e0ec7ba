import CCups
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A CUPS destination (setting `printer.queue`, a raw queue) that prints receipts as raw
/// ESC/POS with libcups, and follows each job until CUPS reports it completed (docs/printing.md).
///
/// Owns one connection (`http_t`) to the server, opened by `init` and closed in `deinit`.
/// Not an error: a queue that is busy printing — the job waits its turn within the timeout.
public final class CupsPrinter: ReceiptPrinter, @unchecked Sendable {
    // @unchecked Sendable: the http_t connection is not safe to share between threads, so
    // every use of it holds `lock`; the other properties are immutable.
    public let queue: String
    public let server: CupsServer
    /// How long to wait for CUPS to report a job completed before cancelling it.
    public let jobTimeout: Duration
    let http: OpaquePointer
    let lock = NSLock()
    let logger = Logger(label: "tora.print.cups")

    /// Connects to `server` (by default the one libcups would use) for printing to `queue`.
    /// Throws `serverUnavailable` when the server does not answer; the queue is checked
    /// when printing.
    public init(
        queue: String, server: CupsServer = .current, jobTimeout: Duration = .seconds(20), connectTimeout: Duration = .seconds(10)
    ) throws(PrintError) {
        self.queue = queue
        self.server = server
        self.jobTimeout = jobTimeout
        self.http = try Self.connect(server, timeout: connectTimeout)
    }

    deinit {
        httpClose(http)
    }

    /// Opens a blocking connection to the server, encrypted only if the server asks.
    static func connect(_ server: CupsServer, timeout: Duration = .seconds(10)) throws(PrintError) -> OpaquePointer {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let connection = try LibCups.call(
            "httpConnect2",
            { httpConnect2(server.host, server.port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, milliseconds, nil) },
            failed: { $0 == nil }
        ) { failure in
            PrintError(
                .serverUnavailable,
                "the CUPS server at \(server) does not answer (\(failure)); is cupsd running? (systemctl start cups)")
        }
        guard let connection else { throw PrintError(.serverUnavailable, "the CUPS server at \(server) does not answer") }
        return connection
    }

    /// Sends one job as raw bytes and returns when CUPS reports it completed. A queue that
    /// is missing, stopped or rejecting jobs is refused before anything is sent; a job
    /// that is aborted, stopped or not done within `jobTimeout` is cancelled (so it cannot
    /// print later, twice) and reported.
    public func print(_ job: PrintJob) throws(PrintError) {
        lock.lock()
        defer { lock.unlock() }
        let dest = try namedDestination()
        let destination = CupsDestination(dest.pointee)
        cupsFreeDests(1, dest)
        try checkReady(destination)
        let jobID = try createJob(title: job.title)
        logger.debug("created job", metadata: ["queue": "\(queue)", "job": "\(jobID)", "title": "\(job.title)"])
        do {
            try send(job, jobID: jobID)
        } catch {
            cancel(jobID)
            throw error
        }
        try follow(jobID, title: job.title)
    }

    /// `/printers/<queue>`: where this queue's requests go on the connection.
    var resource: String { "/printers/\(queue)" }

    /// A new IPP request for this queue, from this user.
    ///
    /// Jobs are made with IPP Create-Job and Send-Document on this connection rather than
    /// `cupsCreateDestJob`/`cupsCreateJob`: those look the queue up with
    /// `cupsCopyDestInfo`, which, on a connection to a server other than libcups's default
    /// one, resolves the queue through its device URI and reports it missing.
    func request(_ operation: ipp_op_t) throws(PrintError) -> OpaquePointer {
        guard let request = ippNewRequest(operation) else { throw PrintError(.io, "out of memory building an IPP request") }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost\(resource)")
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        return request
    }

    /// IPP Create-Job: a job id on the queue, waiting for its document.
    private func createJob(title: String) throws(PrintError) -> Int32 {
        let create = try request(IPP_OP_CREATE_JOB)
        ippAddString(create, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title)
        // cupsDoRequest frees the request.
        let response = try LibCups.call(
            "cupsDoRequest", { cupsDoRequest(http, create, resource) }, failed: { $0 == nil || LibCups.isError(cupsLastError()) },
            release: { ippDelete($0) }
        ) { failure in
            failure.isNotFound
                ? PrintError(.queueMissing, "printer queue '\(queue)' does not exist on the CUPS server at \(server)")
                : PrintError(.jobFailed, "CUPS refused a job for printer queue '\(queue)' (Create-Job, \(failure))")
        }
        defer { ippDelete(response) }
        guard let attribute = ippFindAttribute(response, "job-id", IPP_TAG_INTEGER), ippGetInteger(attribute, 0) > 0 else {
            throw PrintError(
                .jobFailed, "CUPS created no job for printer queue '\(queue)' (no job-id in its answer)", function: "cupsDoRequest")
        }
        return ippGetInteger(attribute, 0)
    }

    /// IPP Send-Document: the bytes as the job's only document, raw (no filters).
    private func send(_ job: PrintJob, jobID: Int32) throws(PrintError) {
        func refused(_ failure: CupsFailure) -> PrintError {
            PrintError(.jobFailed, "could not send receipt \(job.title) to printer queue '\(queue)' (\(failure))")
        }
        let document = try request(IPP_OP_SEND_DOCUMENT)
        defer { ippDelete(document) }
        ippAddInteger(document, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobID)
        ippAddString(document, IPP_TAG_OPERATION, IPP_TAG_NAME, "document-name", nil, job.title)
        ippAddString(document, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nil, CUPS_FORMAT_RAW)
        ippAddBoolean(document, IPP_TAG_OPERATION, "last-document", 1)
        // Length 0 is CUPS_LENGTH_VARIABLE (chunked), as cupsStartDestDocument sends it; a
        // fixed length makes cupsd answer Bad Request.
        _ = try LibCups.call(
            "cupsSendRequest", { cupsSendRequest(http, document, resource, 0) },
            failed: { $0 != HTTP_STATUS_CONTINUE }, refused)
        _ = try LibCups.call(
            "cupsWriteRequestData",
            {
                job.bytes.withUnsafeBytes { buffer in
                    cupsWriteRequestData(http, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
                }
            },
            failed: { $0 != HTTP_STATUS_CONTINUE }, refused)
        let response = try LibCups.call(
            "cupsGetResponse", { cupsGetResponse(http, resource) }, failed: { $0 == nil || LibCups.isError(cupsLastError()) },
            release: { ippDelete($0) }, refused)
        ippDelete(response)
    }

    /// Cancels a job that failed or took too long, so it cannot come out later.
    func cancel(_ jobID: Int32) {
        do {
            _ = try LibCups.call("cupsCancelJob2", { cupsCancelJob2(http, queue, jobID, 0) }, failed: LibCups.isError) { failure in
                PrintError(.jobFailed, "could not cancel job \(jobID) on printer queue '\(queue)' (\(failure))")
            }
        } catch {
            logger.notice("\(error.message)")
        }
    }

    /// The destination named `queue`, from the server (a pointer to free with `cupsFreeDests`).
    func namedDestination() throws(PrintError) -> UnsafeMutablePointer<cups_dest_t> {
        let dest = try LibCups.call("cupsGetNamedDest", { cupsGetNamedDest(http, queue, nil) }, failed: { $0 == nil }) { failure in
            failure.isNotFound
                ? PrintError(
                    .queueMissing,
                    "printer queue '\(queue)' does not exist on the CUPS server at \(server); see `tora printer list` or set printer.queue")
                : PrintError(.serverUnavailable, "the CUPS server at \(server) did not answer about queue '\(queue)' (\(failure))")
        }
        guard let dest else { throw PrintError(.queueMissing, "printer queue '\(queue)' does not exist on the CUPS server at \(server)") }
        return dest
    }

    /// Refuses a queue that would not print now: stopped (paused) or rejecting jobs, with
    /// the printer's message (`cupsdisable -r`) when it has one.
    func checkReady(_ destination: CupsDestination) throws(PrintError) {
        guard destination.state == .stopped || !destination.isAccepting else { return }
        let message = destination.stateMessage.isEmpty ? printerStateMessage() : destination.stateMessage
        let detail = message.isEmpty ? "" : " (\(message))"
        if destination.state == .stopped {
            throw PrintError(
                .queueStopped, "printer queue '\(queue)' is stopped in CUPS\(detail); check the printer, then run: cupsenable \(queue)")
        }
        throw PrintError(.queueRejecting, "printer queue '\(queue)' is not accepting jobs\(detail); run: cupsaccept \(queue)")
    }

    /// This queue as CUPS describes it now.
    public func destination() throws(PrintError) -> CupsDestination {
        lock.lock()
        defer { lock.unlock() }
        let dest = try namedDestination()
        defer { cupsFreeDests(1, dest) }
        return CupsDestination(dest.pointee)
    }
}
