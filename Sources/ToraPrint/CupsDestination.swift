import CCups

/// A CUPS destination as `tora printer list` shows it: name, state, whether it accepts jobs.
public struct CupsDestination: Sendable, Hashable {
    /// `printer-state`: idle, printing (processing) or stopped (paused).
    public enum State: String, Sendable, Hashable {
        case idle
        case printing
        case stopped
        case unknown
    }

    public var name: String
    public var isDefault: Bool
    public var state: State
    public var isAccepting: Bool
    /// The printer's last message (`The printer is not responding.`), often empty.
    public var stateMessage: String
    /// Where CUPS sends the jobs (`usb://…`, `socket://…`), when the server says.
    public var deviceURI: String
    /// The queue's description (`printer-info`).
    public var info: String

    /// A destination as described; `init(_ dest:)` reads one from libcups.
    public init(
        name: String, isDefault: Bool = false, state: State = .idle, isAccepting: Bool = true, stateMessage: String = "",
        deviceURI: String = "", info: String = ""
    ) {
        self.name = name
        self.isDefault = isDefault
        self.state = state
        self.isAccepting = isAccepting
        self.stateMessage = stateMessage
        self.deviceURI = deviceURI
        self.info = info
    }

    init(_ dest: cups_dest_t) {
        func option(_ name: String) -> String {
            cupsGetOption(name, dest.num_options, dest.options).map { String(cString: $0) } ?? ""
        }
        let state: State
        switch option("printer-state") {
        case "3": state = .idle
        case "4": state = .printing
        case "5": state = .stopped
        default: state = .unknown
        }
        self.init(
            name: dest.name.map { String(cString: $0) } ?? "", isDefault: dest.is_default != 0, state: state,
            isAccepting: option("printer-is-accepting-jobs") != "false", stateMessage: option("printer-state-message"),
            deviceURI: option("device-uri"), info: option("printer-info"))
    }
}

extension CupsPrinter {
    /// Every destination the server has, in its order (`cupsGetDests2`).
    public static func destinations(server: CupsServer = .current) throws(PrintError) -> [CupsDestination] {
        let http = try connect(server)
        defer { httpClose(http) }
        var dests: UnsafeMutablePointer<cups_dest_t>?
        let count = try LibCups.call(
            "cupsGetDests2", { cupsGetDests2(http, &dests) },
            failed: { $0 == 0 && LibCups.isError(cupsLastError()) && cupsLastError() != IPP_STATUS_ERROR_NOT_FOUND }
        ) { failure in
            PrintError(.serverUnavailable, "the CUPS server at \(server) did not list its printers (\(failure))")
        }
        defer { cupsFreeDests(count, dests) }
        guard let dests, count > 0 else { return [] }
        return (0..<Int(count)).map { CupsDestination(dests[$0]) }
    }
}
