import CCups

#if canImport(Glibc)
    import Glibc
#endif

/// What libcups (or the system) said about a call that failed, read on the calling
/// thread right after the call: `cupsLastError` and its text are per thread.
struct CupsFailure: Sendable, CustomStringConvertible {
    let function: String
    /// `cupsLastError()` as a number (0 is successful-ok).
    let status: Int32
    /// `cupsLastErrorString()` (for a refused connection libcups says "Host is down"), or
    /// the system's error text when libcups has none.
    let reason: String

    var description: String { "\(function): \(reason)" }

    /// Whether CUPS answered that the thing asked for does not exist.
    var isNotFound: Bool { status == Int32(truncatingIfNeeded: IPP_STATUS_ERROR_NOT_FOUND.rawValue) }
}

/// The one gate every libcups call goes through: run it, decide whether it failed, and
/// turn a failure into a `PrintError` that names the C function and CUPS's explanation.
enum LibCups {
    /// `release` frees a result that came back but counts as a failure (an IPP response
    /// with an error status), after the error has been read.
    static func call<T>(
        _ function: String, _ body: () -> T, failed: (T) -> Bool, release: (T) -> Void = { _ in },
        _ describe: (CupsFailure) -> PrintError
    ) throws(PrintError) -> T {
        errno = 0
        let result = body()
        guard failed(result) else { return result }
        defer { release(result) }
        let systemError = errno
        let status = Int32(truncatingIfNeeded: cupsLastError().rawValue)
        var reason = cupsLastErrorString().map { String(cString: $0) } ?? ""
        if reason.isEmpty && systemError != 0 { reason = String(cString: strerror(systemError)) }
        var error = describe(CupsFailure(function: function, status: status, reason: reason.isEmpty ? "no reason given" : reason))
        error.function = function
        throw error
    }

    /// Whether an IPP status is an error (above the successful range).
    static func isError(_ status: ipp_status_t) -> Bool {
        status.rawValue > IPP_STATUS_OK_EVENTS_COMPLETE.rawValue
    }
}
