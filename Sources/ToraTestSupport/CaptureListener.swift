import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A pretend network receipt printer on 127.0.0.1: accepts connections (CUPS's socket
/// backend, one per job), reads each until the sender closes its side, then closes too —
/// without that close the backend waits ~90 s for the printer — and keeps the bytes.
///
/// A printer created switched off holds its port without listening, so connections are
/// refused (a printer that is off) and no other test can take the port; `switchOn()`
/// brings it up on the same port.
public final class CaptureListener: Sendable {
    public let port: Int
    private let state: State

    /// Binds a free port; listens at once unless `switchedOn` is false. A `jammed`
    /// printer reads each job but never closes the connection, so CUPS never sees the
    /// job finish.
    public init(switchedOn: Bool = true, jammed: Bool = false) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CupsSetupError("socket() failed: \(String(cString: strerror(errno)))") }
        var address = Loopback.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CupsSetupError("cannot bind a port on 127.0.0.1: \(reason)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        state = State(descriptor: descriptor, jammed: jammed)
        if switchedOn { try switchOn() }
    }

    deinit {
        stop()
    }

    /// Starts listening on the port: the printer takes jobs from now on.
    public func switchOn() throws {
        try state.listen(name: "capture-\(port)")
    }

    /// The bytes of every connection that has ended, in order.
    public var jobs: [[UInt8]] { state.received }

    /// Waits until `count` jobs have arrived (or `timeout` passed) and returns all jobs.
    public func waitForJobs(_ count: Int, timeout: TimeInterval = 10) -> [[UInt8]] {
        let deadline = Date().addingTimeInterval(timeout)
        while state.received.count < count && Date() < deadline { usleep(5_000) }
        return state.received
    }

    /// Closes the port for good (it may then be taken by anything else).
    public func stop() {
        state.stop()
    }

    /// The accept loop and what it collected; shared with the listening thread.
    final class State: @unchecked Sendable {
        // @unchecked Sendable: `jobs` and `phase` are only touched while holding `lock`;
        // the descriptor is closed by whoever ends the last phase that uses it.
        enum Phase { case off, listening, stopped }

        private let lock = NSLock()
        private let descriptor: Int32
        private let jammed: Bool
        private var jobs: [[UInt8]] = []
        private var phase = Phase.off
        private let ended = DispatchSemaphore(value: 0)

        init(descriptor: Int32, jammed: Bool) {
            self.descriptor = descriptor
            self.jammed = jammed
        }

        var received: [[UInt8]] { lock.withLock { jobs } }
        var isListening: Bool { lock.withLock { phase == .listening } }

        func listen(name: String) throws {
            try lock.withLock {
                guard phase == .off else { return }
                guard Glibc.listen(descriptor, 8) == 0 else {
                    throw CupsSetupError("cannot listen: \(String(cString: strerror(errno)))")
                }
                phase = .listening
            }
            let thread = Thread { self.run() }
            thread.name = name
            thread.start()
        }

        func stop() {
            let was = lock.withLock {
                defer { phase = .stopped }
                return phase
            }
            switch was {
            case .off: close(descriptor)
            case .listening: _ = ended.wait(timeout: .now() + 5)
            case .stopped: break
            }
        }

        private func run() {
            defer {
                close(descriptor)
                ended.signal()
            }
            while isListening {
                var listening = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&listening, 1, 20) > 0 else { continue }
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { continue }
                let bytes = readToEnd(client)
                lock.withLock { jobs.append(bytes) }
                while jammed && isListening { usleep(10_000) }
                close(client)
            }
        }

        private func readToEnd(_ client: Int32) -> [UInt8] {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while isListening {
                var waiting = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                guard poll(&waiting, 1, 20) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                bytes += buffer[0..<count]
            }
            return bytes
        }
    }
}
