import CCups
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension CupsPrinter {
    /// A job as CUPS reports it (IPP Get-Job-Attributes).
    struct JobStatus: Sendable, Hashable {
        /// `job-state`: 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed.
        var state: Int32
        var reasons: [String]
        /// What the backend said about the printer (`job-printer-state-message`).
        var printerMessage: String
    }

    /// Polls the job until it is completed; throws for aborted, canceled, stopped or
    /// `jobTimeout`, and cancels a stopped or late job so it cannot print later, twice.
    func follow(_ jobID: Int32, title: String) throws(PrintError) {
        let clock = ContinuousClock()
        let deadline = clock.now + jobTimeout
        var pause = Duration.milliseconds(10)
        while true {
            let status = try jobStatus(jobID)
            var detail = status.printerMessage
            if detail.isEmpty && (6...8).contains(status.state) { detail = printerStateMessage() }
            if detail.isEmpty { detail = status.reasons.filter { $0 != "none" }.joined(separator: ", ") }
            let because = detail.isEmpty ? "" : " (\(detail))"
            switch status.state {
            case 9:
                logger.debug("job completed", metadata: ["queue": "\(queue)", "job": "\(jobID)"])
                return
            case 8:
                throw PrintError(.jobFailed, "printer '\(queue)' did not print receipt \(title): CUPS aborted the job\(because)")
            case 7:
                throw PrintError(.jobFailed, "printer '\(queue)' did not print receipt \(title): the job was cancelled\(because)")
            case 6:
                cancel(jobID)
                throw PrintError(
                    .jobFailed,
                    "printer '\(queue)' stopped while printing receipt \(title)\(because); check the printer, then cupsenable \(queue)")
            default:
                guard clock.now < deadline else {
                    cancel(jobID)
                    throw PrintError(
                        .timeout,
                        "printer '\(queue)' did not finish receipt \(title) within \(jobTimeout.components.seconds) s\(because); the job was cancelled"
                    )
                }
            }
            Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18 + Double(pause.components.seconds))
            pause = min(pause * 2, .milliseconds(200))
        }
    }

    /// The printer's last message (`printer-state-message`: "The printer is not
    /// responding.", a `cupsdisable -r` reason), or empty; for explaining a failure only.
    func printerStateMessage() -> String {
        guard let ask = try? request(IPP_OP_GET_PRINTER_ATTRIBUTES) else { return "" }
        ippAddString(ask, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nil, "printer-state-message")
        // cupsDoRequest frees the request.
        let answer = try? LibCups.call("cupsDoRequest", { cupsDoRequest(http, ask, resource) }, failed: { $0 == nil }) { failure in
            PrintError(.serverUnavailable, "\(failure)")
        }
        guard let response = answer ?? nil else { return "" }
        defer { ippDelete(response) }
        guard let attribute = ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT),
            let text = ippGetString(attribute, 0, nil)
        else { return "" }
        return String(cString: text)
    }

    /// One IPP Get-Job-Attributes request for `job-state`, `job-state-reasons` and
    /// `job-printer-state-message`.
    func jobStatus(_ jobID: Int32) throws(PrintError) -> JobStatus {
        guard let request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES) else {
            throw PrintError(.io, "out of memory building an IPP request")
        }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nil, "ipp://localhost/jobs/\(jobID)")
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        let names = ["job-state", "job-state-reasons", "job-printer-state-message"]
        let wanted: [UnsafeMutablePointer<CChar>?] = names.map { strdup($0) }
        defer { for pointer in wanted { free(pointer) } }
        let values: [UnsafePointer<CChar>?] = wanted.map { $0.map { UnsafePointer($0) } }
        ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", Int32(values.count), nil, values)
        // cupsDoRequest frees the request.
        let response = try LibCups.call(
            "cupsDoRequest", { cupsDoRequest(http, request, "/jobs/") }, failed: { $0 == nil || LibCups.isError(cupsLastError()) },
            release: { ippDelete($0) }
        ) { failure in
            failure.status > 0x0400 && failure.status < 0x0500
                ? PrintError(.jobFailed, "CUPS lost job \(jobID) on printer '\(queue)' (\(failure))")
                : PrintError(.serverUnavailable, "lost the CUPS server at \(server) while following job \(jobID) (\(failure))")
        }
        defer { ippDelete(response) }
        var status = JobStatus(state: 0, reasons: [], printerMessage: "")
        if let attribute = ippFindAttribute(response, "job-state", IPP_TAG_ENUM) { status.state = ippGetInteger(attribute, 0) }
        if let attribute = ippFindAttribute(response, "job-state-reasons", IPP_TAG_KEYWORD) {
            for index in 0..<ippGetCount(attribute) {
                if let text = ippGetString(attribute, index, nil) { status.reasons.append(String(cString: text)) }
            }
        }
        if let attribute = ippFindAttribute(response, "job-printer-state-message", IPP_TAG_TEXT),
            let text = ippGetString(attribute, 0, nil)
        {
            status.printerMessage = String(cString: text)
        }
        return status
    }
}
