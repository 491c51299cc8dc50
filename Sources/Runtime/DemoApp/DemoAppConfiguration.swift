import Foundation

/// Options of ``DemoApp``: the metric prefix, the random seed and the bounds on what a request may
/// ask for (the Python service has none; these keep a student's typo from tying up the process).
public struct DemoAppConfiguration: Sendable {
    /// Práctica 26's metric prefix (`tu_prefijo`), or nil for the labs' names.
    public var prefix: String?
    /// Seed of `/do_work`'s failures and `/chaos`'s choices; nil draws one.
    public var seed: UInt64?
    /// Largest `delay_ms` accepted (larger is a 422).
    public var maxDelayMilliseconds = 30_000
    /// Largest `iterations` of `/cpu_intensive` accepted.
    public var maxIterations = 50_000_000
    /// Longest `key` of `/cached_work`.
    public var maxKeyLength = 1024
    /// Seconds a `/cached_work` result lives (the seed's `SETEX` 60).
    public var cacheTTL: Double = 60
    /// Entries the cache holds at most.
    public var cacheCapacity = 10_000
    /// `/chaos` defaults: the share of requests answered 500, slowly, or after burning CPU.
    public var chaosErrorRate = 0.1
    public var chaosSlowRate = 0.1
    public var chaosCPURate = 0.1
    /// How long a slow `/chaos` answer takes (Lab 8: "more than 5 seconds").
    public var chaosSlowMilliseconds = 5_500
    /// Iterations of a CPU-burning `/chaos` answer.
    public var chaosIterations = 5_000_000
    /// The clock request durations and cache expiry are measured on (a ``ManualClock`` in tests).
    public var clock: any LabClock = MonotonicClock()
    /// Sleeps the given seconds (injected by tests).
    public var sleep: @Sendable (Double) -> Void = { seconds in
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    public init(prefix: String? = nil, seed: UInt64? = nil) {
        self.prefix = prefix
        self.seed = seed
    }

    /// A valid Práctica 26 prefix: a metric-name start (`[a-zA-Z_][a-zA-Z0-9_]*`), at most 64 characters.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        guard let first = prefix.unicodeScalars.first, prefix.unicodeScalars.count <= 64 else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return letter(first) && prefix.unicodeScalars.allSatisfy { letter($0) || ($0 >= "0" && $0 <= "9") }
    }

    /// The clock's current time in seconds.
    var seconds: Double { clock.now.timeIntervalSince1970 }
}
