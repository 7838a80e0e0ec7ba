import CCups
import Foundation

/// Where the CUPS server listens: a host and port, or the path of its local socket
/// (`/run/cups/cups.sock`), as `CUPS_SERVER` and `client.conf` write it.
public struct CupsServer: Sendable, Hashable, CustomStringConvertible {
    /// A host name, an address, or a socket path starting with `/`.
    public var host: String
    /// The TCP port; unused for a socket path.
    public var port: Int32

    /// A server at `host` (a name, an address or a socket path) and `port`.
    public init(host: String, port: Int32) {
        self.host = host
        self.port = port
    }

    /// Reads `localhost`, `printhost:8631`, `127.0.0.1:631`, `[::1]:631`, `::1` or
    /// `/run/cups/cups.sock`; without a port, `defaultPort` (`ippPort()`, 631 unless
    /// `IPP_PORT` says otherwise).
    public init(_ text: String, defaultPort: Int32 = ippPort()) {
        var text = Substring(text)
        if !text.hasPrefix("/"), let version = text.range(of: "/version=") { text = text[..<version.lowerBound] }
        port = defaultPort
        if text.hasPrefix("/") {
            host = String(text)
        } else if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":"), let number = Int32(rest.dropFirst()) { port = number }
        } else if let colon = text.lastIndex(of: ":"), text.filter({ $0 == ":" }).count == 1,
            let number = Int32(text[text.index(after: colon)...])
        {
            host = String(text[..<colon])
            port = number
        } else {
            host = String(text)
        }
    }

    /// The server libcups itself would use: `cupsServer()` (which reads `CUPS_SERVER`,
    /// `~/.cups/client.conf`, `/etc/cups/client.conf`, else the local socket) and `ippPort()`.
    /// libcups keeps this per thread: a thread that has asked once does not see later changes.
    public static var current: CupsServer {
        guard let name = cupsServer() else { return CupsServer(host: "localhost", port: ippPort()) }
        return CupsServer(String(cString: name))
    }

    /// `127.0.0.1:631`, or the socket path.
    public var description: String {
        if host.hasPrefix("/") { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
