import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal blocking HTTP/1.1 client on one kept-alive TCP connection to 127.0.0.1,
/// one per pushing thread: the benchmark measures the hub, so its own side stays small
/// (no event loop, no TLS) and takes little of the machine's two cores.
final class HubBenchConnection {
    private let port: Int
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: Int) {
        self.port = port
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func answers(port: Int) -> Bool {
        let connection = HubBenchConnection(port: port)
        return (try? connection.connect()) != nil
    }

    private func connect() throws {
        if descriptor >= 0 { close(descriptor) }
        buffer.removeAll(keepingCapacity: true)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            descriptor = -1
            throw BenchError("cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        var one: Int32 = 1
        // TCP_NODELAY (1): a request goes out whole at once, not held back by Nagle.
        setsockopt(descriptor, Int32(IPPROTO_TCP), 1, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends one request and reads the whole answer: status and body. Connects (again)
    /// when the connection is not open.
    func send(method: String, path: String, headers: [(String, String)], body: [UInt8]) throws -> (status: Int, body: String) {
        if descriptor < 0 { try connect() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        try write(Array(head.utf8) + body)
        return try readAnswer()
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                close(descriptor)
                descriptor = -1
                throw BenchError("the hub closed the connection while a request was sent")
            }
            sent += count
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            if count < 0 && errno == EINTR { return }
            close(descriptor)
            descriptor = -1
            throw BenchError("the hub closed the connection before it answered")
        }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private func readAnswer() throws -> (status: Int, body: String) {
        let separator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while end == nil {
            if buffer.count >= 4 {
                end = (0...(buffer.count - 4)).first { buffer[$0..<$0 + 4].elementsEqual(separator) }
            }
            if end == nil { try fill() }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        let lines = headText.split(separator: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let length =
            lines.dropFirst().compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        let bodyStart = end! + 4
        while buffer.count < bodyStart + length { try fill() }
        let body = String(decoding: buffer[bodyStart..<bodyStart + length], as: UTF8.self)
        buffer.removeFirst(bodyStart + length)
        if lines.contains(where: { $0.lowercased() == "connection: close" }) {
            close(descriptor)
            descriptor = -1
        }
        return (status, body)
    }
}

/// CPU time of processes from /proc, to say what share of the machine PostgreSQL took.
enum ProcessCPU {
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Fields of /proc/PID/stat after the command name: state is [0], ppid [1], utime
    /// [11], stime [12], cutime [13], cstime [14].
    static func fields(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    /// Seconds of CPU used by `pid` and its children, living and reaped.
    static func seconds(tree pid: Int32) -> Double {
        guard let own = fields(pid), own.count > 14 else { return 0 }
        var ticks = [11, 12, 13, 14].reduce(0.0) { $0 + (Double(own[$1]) ?? 0) }
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for name in all {
            guard let child = Int32(name), let stat = fields(child), stat.count > 12, Int32(stat[1]) == pid else { continue }
            ticks += (Double(stat[11]) ?? 0) + (Double(stat[12]) ?? 0)
        }
        return ticks / ticksPerSecond
    }

    /// Seconds of CPU the whole machine spent busy (all cores), from /proc/stat.
    static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first
        else { return 0 }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 5 else { return 0 }
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        return (values.reduce(0, +) - values[3] - values[4]) / ticksPerSecond
    }
}
