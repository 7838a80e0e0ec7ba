import Foundation

/// Durations of one measured operation, in milliseconds, with the order statistics the
/// report prints. Percentiles are nearest-rank on the sorted samples.
struct Samples: Sendable {
    private(set) var milliseconds: [Double] = []

    var count: Int { milliseconds.count }

    mutating func append(_ value: Double) { milliseconds.append(value) }

    mutating func append(contentsOf other: Samples) { milliseconds.append(contentsOf: other.milliseconds) }

    /// The `fraction` quantile (0.5 median, 0.99 p99); zero when there are no samples.
    func percentile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }
    var maximum: Double { milliseconds.max() ?? 0 }
}

/// A monotonic stopwatch for timing one call.
enum Stopwatch {
    /// Runs `body` and returns its result with how long it took in milliseconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (value: T, milliseconds: Double) {
        let start = ContinuousClock.now
        let value = try body()
        return (value, milliseconds(since: start))
    }

    /// Milliseconds from `start` to now.
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}

/// A small, fast, seedable random source (SplitMix64), so two runs with one seed build
/// the same shop and time the same operations.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// A uniform fraction in [0, 1).
    mutating func fraction() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Why the benchmark could not go on: what failed and the detail.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
