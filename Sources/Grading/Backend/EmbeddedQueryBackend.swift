import Foundation
import PromModel
import Storage
import PromQL
import Runtime

/// The embedded engine over one in-memory store (a scenario, possibly with recorded rule output).
public struct EmbeddedQueryBackend: QueryBackend {
    public let engine: Engine
    public let storage: MemoryStorage
    /// Wall-clock seconds one query may take.
    public let timeout: Double

    public init(storage: MemoryStorage, timeout: Double = 10, maxSamples: Int = 5_000_000) {
        self.storage = storage
        self.timeout = timeout
        engine = Engine(options: EngineOptions(maxSamples: maxSamples, timeout: timeout))
    }

    public func instant(_ expr: String, at time: Int64) throws -> SampleSet {
        let parsed = try Parser().parseExpr(expr)
        let result = try engine.instantQuery(parsed, at: time, querier: storage, shouldCancel: Self.deadline(timeout))
        switch result.value {
        case .vector(let samples):
            return SampleSet(samples.map { ($0.metric, $0.f) })
        case .scalar(_, let f):
            return SampleSet([(Labels(), f)], isScalar: true)
        case .matrix(let series):
            return SampleSet(series.compactMap { s in s.points.last.map { (s.metric, $0.f) } })
        case .string:
            throw QueryError(.execution, "a string is not a result that can be graded")
        }
    }

    public func range(_ expr: String, start: Int64, end: Int64, step: Int64) throws -> [Labels: [(t: Int64, v: Double)]] {
        let parsed = try Parser().parseExpr(expr)
        guard parsed.type == .vector || parsed.type == .scalar else { return [:] }
        let result = try engine.rangeQuery(parsed, start: start, end: end, step: step, querier: storage,
                                           shouldCancel: Self.deadline(timeout))
        var out: [Labels: [(t: Int64, v: Double)]] = [:]
        if case .matrix(let series) = result.value {
            for s in series { out[s.metric] = s.points.map { ($0.t, $0.f) } }
        }
        return out
    }

    static func deadline(_ seconds: Double) -> @Sendable () -> Bool {
        let end = Date().addingTimeInterval(seconds)
        return { Date() > end }
    }
}
