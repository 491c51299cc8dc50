import Foundation
import PromQL
import Storage

/// State shared by every evaluator of one query (subqueries get their own time grid but share this):
/// annotations, the in-memory sample count, the deadline and the top-level query's time range.
final class QueryContext {
    let options: EngineOptions
    let querier: any Querier
    /// Start and end of the top-level query (for `@ start()`, `@ end()`, `range()`).
    let queryStart: Int64
    let queryEnd: Int64
    /// Step of the top-level query (0 for instant queries), for `step()` in durations.
    let queryStep: Int64
    var annotations = AnnotationSet()
    /// The selectors read for histogram statistics only (see `Evaluator.histogramStatsSelectors`).
    var histogramStatsSelectors: Set<SourceSpan> = []
    /// Samples currently held by intermediate results, checked against `options.maxSamples`.
    private(set) var currentSamples = 0
    /// When the query times out, in `DispatchTime` uptime nanoseconds (`UInt64.max`: never).
    private let deadline: UInt64
    private let shouldCancel: (@Sendable () -> Bool)?

    init(options: EngineOptions, querier: any Querier, start: Int64, end: Int64, step: Int64,
         shouldCancel: (@Sendable () -> Bool)?) {
        var options = options
        // Durations from the settings are bounded like those of the query (see `SaturatingTime`).
        options.lookbackDelta = SaturatingTime.clampDuration(options.lookbackDelta)
        options.noStepSubqueryInterval = max(1, SaturatingTime.clampDuration(options.noStepSubqueryInterval))
        options.maxSamples = max(0, options.maxSamples)
        self.options = options
        self.querier = querier
        self.queryStart = start
        self.queryEnd = end
        self.queryStep = step
        self.deadline = QueryContext.deadline(after: options.timeout)
        self.shouldCancel = shouldCancel
    }

    // MARK: - Limits

    /// Counts `n` more samples held in memory; throws when over the limit.
    func hold(_ n: Int) throws {
        if n > options.maxSamples - currentSamples { throw QueryError.tooManySamples }
        currentSamples += n
    }

    /// Forgets `n` samples that are no longer held.
    func release(_ n: Int) {
        currentSamples = max(0, currentSamples - n)
    }

    /// Checks cancellation and the deadline. The monotonic clock is read on every call (about 30 ns),
    /// so the deadline holds whatever the number of series; callers check once per series or step,
    /// and step loops every ``progressInterval`` steps through ``checkProgress(pending:)``.
    func checkInterrupt() throws {
        if let shouldCancel, shouldCancel() { throw QueryError.canceled }
        if DispatchTime.now().uptimeNanoseconds > deadline { throw QueryError.timeout }
    }

    /// How many steps a per-series step loop runs between calls of ``checkProgress(pending:)``
    /// (a power of two: loops test `step & (progressInterval - 1) == progressInterval - 1`).
    static let progressInterval = 4096

    /// The check inside a step loop: ``checkInterrupt()``, and the sample limit counting the `pending`
    /// points the loop has built but not yet handed to ``hold(_:)``, so that a long series fails
    /// before it is complete.
    func checkProgress(pending: Int) throws {
        try checkInterrupt()
        if pending > options.maxSamples - currentSamples { throw QueryError.tooManySamples }
    }

    /// The deadline `timeout` seconds from now: immediate for zero or less, never for NaN or more
    /// than about 30 years.
    private static func deadline(after timeout: Double) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        let budget = timeout * 1e9
        if budget.isNaN || budget >= 1e18 { return .max }
        if !(budget > 0) { return 0 }
        return now + UInt64(budget)
    }

    // MARK: - Durations

    /// Milliseconds of a duration expression, with `step()` and `range()` of the top-level query
    /// (checked beforehand by ``checkDurations(_:)``; clamped to ±`SaturatingTime.durationLimit`).
    func milliseconds(_ d: DurationExpr) -> Int64 {
        if let c = d.constantMilliseconds { return SaturatingTime.clampDuration(c) }
        let secs = d.seconds(step: Double(queryStep) / 1000, range: (Double(queryEnd) - Double(queryStart)) / 1000)
        let ms = (secs * 1000).rounded()
        guard ms.isFinite else { return 0 }
        if abs(ms) >= 9.2e15 { return ms < 0 ? -SaturatingTime.durationLimit : SaturatingTime.durationLimit }
        return SaturatingTime.clampDuration(Int64(ms))
    }

    /// Bound on `@` times (about 36 million years): selectors add and subtract ranges, offsets and the
    /// lookback delta to them, which must not overflow.
    static let atTimeLimit: Int64 = 1 << 60

    /// The time an `@` modifier pins evaluation to.
    func time(of at: AtModifier) -> Int64 {
        switch at {
        case .timestamp(let ms): return min(max(ms, -Self.atTimeLimit), Self.atTimeLimit)
        case .start: return SaturatingTime.clamp(queryStart)
        case .end: return SaturatingTime.clamp(queryEnd)
        }
    }
}
