/// A pass/fail criterion on a run's metrics, written as k6 writes thresholds:
/// `http_req_duration:p(95)<500` (milliseconds), `errors:rate<0.1`, `http_reqs:count>=100`.
///
/// Metrics: `http_req_duration` (ms; `avg`, `min`, `med`, `max`, `p(N)`), `errors` and
/// `http_req_failed` (the share of failed requests, `rate`), `http_reqs` (`count`, `rate` per second),
/// `data_received` and `data_sent` (bytes; `count`, `rate`), `dropped_iterations` (`count`).
/// Operators `<`, `<=`, `>`, `>=`, `==`, `!=`.
public struct LoadThreshold: Sendable, Hashable, CustomStringConvertible {
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        case httpReqDuration = "http_req_duration"
        case errors
        case httpReqFailed = "http_req_failed"
        case httpReqs = "http_reqs"
        case dataReceived = "data_received"
        case dataSent = "data_sent"
        case droppedIterations = "dropped_iterations"
    }

    public enum Aggregation: Sendable, Hashable {
        case avg, min, med, max, rate, count
        case percentile(Double)
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"

        func holds(_ lhs: Double, _ rhs: Double) -> Bool {
            switch self {
            case .less: return lhs < rhs
            case .lessOrEqual: return lhs <= rhs
            case .greater: return lhs > rhs
            case .greaterOrEqual: return lhs >= rhs
            case .equal: return lhs == rhs
            case .notEqual: return lhs != rhs
            }
        }
    }

    /// Why a threshold did not parse, with the 1-based column in the text.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var column: Int
        public var description: String { message }
    }

    public var metric: Metric
    public var aggregation: Aggregation
    public var comparison: Comparison
    public var value: Double
    /// The text as written.
    public var text: String

    public var description: String { text }

    /// The aggregation as k6 prints it (`p(95)`, `rate`).
    public var aggregationText: String {
        switch aggregation {
        case .avg: return "avg"
        case .min: return "min"
        case .med: return "med"
        case .max: return "max"
        case .rate: return "rate"
        case .count: return "count"
        case .percentile(let p): return "p(\(p == p.rounded() ? String(Int(p)) : String(p)))"
        }
    }

    /// Parses `metric:aggregation op value`; spaces around the parts are allowed.
    public static func parse(_ text: String) throws -> LoadThreshold {
        let chars = Array(text)
        guard let colon = chars.firstIndex(of: ":") else {
            throw ParseError(message: "threshold \"\(text)\" needs the form metric:aggregation<value, as http_req_duration:p(95)<500", column: 1)
        }
        let metricName = String(chars[..<colon]).trimmingCharacters(in: .whitespaces)
        guard let metric = Metric(rawValue: metricName) else {
            let names = Metric.allCases.map(\.rawValue).joined(separator: ", ")
            throw ParseError(message: "unknown threshold metric \"\(metricName)\" (known: \(names))", column: 1)
        }
        let rest = String(chars[(colon + 1)...])
        let restColumn = colon + 2
        guard let opRange = Comparison.allCases.compactMap({ op in rest.range(of: op.rawValue).map { (op, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound || ($0.1.lowerBound == $1.1.lowerBound && $0.0.rawValue.count > $1.0.rawValue.count) }) else {
            throw ParseError(message: "threshold \"\(text)\" has no comparison (<, <=, >, >=, ==, !=)", column: restColumn)
        }
        let (comparison, range) = opRange
        let aggregationText = rest[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let valueText = rest[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let valueColumn = restColumn + rest.distance(from: rest.startIndex, to: range.upperBound)
        guard let value = Double(valueText), value.isFinite else {
            throw ParseError(message: "threshold value \"\(valueText)\" is not a number", column: valueColumn)
        }
        guard let aggregation = parseAggregation(aggregationText), allowed(aggregation, for: metric) else {
            throw ParseError(message: "\"\(aggregationText)\" is not an aggregation of \(metric.rawValue) (\(allowedText(metric)))", column: restColumn)
        }
        return LoadThreshold(metric: metric, aggregation: aggregation, comparison: comparison, value: value, text: text)
    }

    private static func parseAggregation(_ text: String) -> Aggregation? {
        switch text {
        case "avg": return .avg
        case "min": return .min
        case "med": return .med
        case "max": return .max
        case "rate": return .rate
        case "count": return .count
        default:
            guard text.hasPrefix("p("), text.hasSuffix(")"), let p = Double(text.dropFirst(2).dropLast()), p >= 0, p <= 100 else { return nil }
            return .percentile(p)
        }
    }

    private static func allowed(_ aggregation: Aggregation, for metric: Metric) -> Bool {
        switch (metric, aggregation) {
        case (.httpReqDuration, .avg), (.httpReqDuration, .min), (.httpReqDuration, .med), (.httpReqDuration, .max),
             (.httpReqDuration, .percentile): return true
        case (.errors, .rate), (.httpReqFailed, .rate): return true
        case (.httpReqs, .count), (.httpReqs, .rate), (.dataReceived, .count), (.dataReceived, .rate),
             (.dataSent, .count), (.dataSent, .rate), (.droppedIterations, .count): return true
        default: return false
        }
    }

    private static func allowedText(_ metric: Metric) -> String {
        switch metric {
        case .httpReqDuration: return "avg, min, med, max, p(N)"
        case .errors, .httpReqFailed: return "rate"
        case .httpReqs, .dataReceived, .dataSent: return "count, rate"
        case .droppedIterations: return "count"
        }
    }

    /// The threshold's metric aggregated over `summary`.
    public func observed(in summary: LoadSummary) -> Double {
        let latency = summary.latency
        switch (metric, aggregation) {
        case (.httpReqDuration, .avg): return latency.mean / 1000
        case (.httpReqDuration, .min): return latency.count == 0 ? 0 : Double(latency.min) / 1000
        case (.httpReqDuration, .max): return Double(latency.max) / 1000
        case (.httpReqDuration, .med): return latency.percentile(50) / 1000
        case (.httpReqDuration, .percentile(let p)): return latency.percentile(p) / 1000
        case (.httpReqDuration, .rate), (.httpReqDuration, .count): return Double(latency.count)
        case (.errors, _), (.httpReqFailed, _): return summary.errorRate
        case (.httpReqs, .rate): return summary.requestRate
        case (.httpReqs, _): return Double(summary.requests)
        case (.dataReceived, .rate): return summary.seconds > 0 ? Double(summary.bytesReceived) / summary.seconds : 0
        case (.dataReceived, _): return Double(summary.bytesReceived)
        case (.dataSent, .rate): return summary.seconds > 0 ? Double(summary.bytesSent) / summary.seconds : 0
        case (.dataSent, _): return Double(summary.bytesSent)
        case (.droppedIterations, _): return Double(summary.droppedIterations)
        }
    }

    /// Whether the threshold holds on `summary`.
    public func passes(_ summary: LoadSummary) -> Bool { comparison.holds(observed(in: summary), value) }
}
