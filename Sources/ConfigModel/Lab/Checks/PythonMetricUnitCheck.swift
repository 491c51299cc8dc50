import Diagnostics

/// A metric the lab's Python code declares whose name does not end in its base unit: a Unix time
/// named `*_timestamp` (Prometheus names it `*_timestamp_seconds`) or a duration in milliseconds or
/// microseconds (`*_ms`, `*_milliseconds`, `*_us`, `*_microseconds`; Prometheus uses seconds). The
/// seed's Lab 8 batch job pushed `job_last_success_timestamp`.
///
/// Triggers: `Gauge('job_last_success_timestamp', …)`, `Histogram('request_latency_ms', …)`.
/// Does not trigger: `Gauge('job_last_success_timestamp_seconds', …)`, `Histogram('request_duration_seconds', …)`.
public struct PythonMetricUnitCheck: LabWiringCheck {
    public static let code = "lab/python-metric-unit"
    public static let summary = "a metric declared in Python does not end in its base unit (_timestamp_seconds, _seconds)"
    public static let isLint = true

    static let constructors = ["Counter(", "Gauge(", "Histogram(", "Summary(", "Info(", "Enum("]
    /// Name endings in another unit than seconds, with what to end the name in instead.
    static let endings: [(suffix: String, fix: String)] = [
        ("_timestamp", "_timestamp_seconds"), ("_milliseconds", "_seconds"), ("_ms", "_seconds"),
        ("_microseconds", "_seconds"), ("_us", "_seconds"),
    ]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).flatMap { source -> [Diagnostic] in
            source.lines.enumerated().compactMap { index, line -> Diagnostic? in
                let code = PythonSource.code(line)
                guard let name = Self.declaredName(code),
                      let ending = Self.endings.first(where: { name.hasSuffix($0.suffix) }) else { return nil }
                let fixed = String(name.dropLast(ending.suffix.count)) + ending.fix
                return .warning(Self.code, "metric \(name) is not in its base unit: Prometheus names end in the unit, in "
                                + "seconds (\(fixed)); a timestamp is a Unix time in seconds",
                                at: source.location(line: index + 1, of: name))
            }
        }
    }

    /// The metric name of a `Counter('name', …)`-style declaration on the line, when there is one.
    static func declaredName(_ code: Substring) -> String? {
        for constructor in constructors {
            guard let r = code.range(of: constructor) else { continue }
            if r.lowerBound > code.startIndex {
                let before = code[code.index(before: r.lowerBound)]
                if before.isLetter || before.isNumber || before == "_" { continue }
            }
            var rest = code[r.upperBound...].drop { $0 == " " }
            guard let quote = rest.first, quote == "'" || quote == "\"" else { continue }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { continue }
            let name = rest[..<end]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }) else { continue }
            return String(name)
        }
        return nil
    }
}
