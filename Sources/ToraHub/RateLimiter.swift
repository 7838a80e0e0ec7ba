import Foundation
import Synchronization

/// A token bucket per client address, in memory: `perMinute` requests a minute, up to
/// `perMinute` at once. Each hub process keeps its own (docs/hub.md).
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var at: Double
    }

    let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Seconds, monotonic enough for a rate: the process's uptime.
    private let clock: @Sendable () -> Double

    init(perMinute: Int, clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.perMinute = max(1, perMinute)
        self.clock = clock
    }

    /// Takes one token for `address`; false when its bucket is empty.
    func allow(_ address: String) -> Bool {
        let now = clock()
        let capacity = Double(perMinute)
        let rate = capacity / 60
        return buckets.withLock { buckets in
            if buckets.count > 50_000 {
                // Forget addresses whose buckets have refilled: they lose nothing.
                buckets = buckets.filter { $0.value.tokens + (now - $0.value.at) * rate < capacity }
            }
            var bucket = buckets[address] ?? Bucket(tokens: capacity, at: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            guard bucket.tokens >= 1 else {
                buckets[address] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[address] = bucket
            return true
        }
    }
}
