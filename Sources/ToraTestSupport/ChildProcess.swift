import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stopping a server the tests started as a child process.
enum ChildProcess {
    /// Sends `signal`, waits up to `grace` seconds for the child to end, then kills it and
    /// reaps it, so no server outlives its test.
    static func stop(_ pid: pid_t, signal: Int32, grace: TimeInterval) {
        kill(pid, signal)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(grace)
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return
            }
            usleep(5_000)
        }
    }
}
