/// The type of a metric family, as declared by a `# TYPE` line.
///
/// The Prometheus text format knows `counter`, `gauge`, `histogram`, `summary` and `untyped`;
/// OpenMetrics adds `gaugehistogram`, `info` and `stateset` and calls untyped `unknown`.
public enum MetricType: String, Hashable, Sendable, CaseIterable {
    case counter
    case gauge
    case histogram
    case gaugeHistogram = "gaugehistogram"
    case summary
    case info
    case stateSet = "stateset"
    /// `untyped` in the text format, `unknown` in OpenMetrics.
    case unknown

    /// Parses the type word of a `# TYPE` line in `format`, or `nil` when that format lacks it.
    public init?(word: String, format: ExpositionFormat) {
        switch (word, format) {
        case ("untyped", .prometheusText), ("unknown", .openMetrics): self = .unknown
        case ("counter", _): self = .counter
        case ("gauge", _): self = .gauge
        case ("histogram", _): self = .histogram
        case ("summary", _): self = .summary
        case ("gaugehistogram", .openMetrics): self = .gaugeHistogram
        case ("info", .openMetrics): self = .info
        case ("stateset", .openMetrics): self = .stateSet
        default: return nil
        }
    }

    /// The type word written in `format`; types the text format lacks are written as `untyped`.
    public func word(in format: ExpositionFormat) -> String {
        switch (self, format) {
        case (.unknown, .prometheusText): return "untyped"
        case (.gaugeHistogram, .prometheusText), (.info, .prometheusText), (.stateSet, .prometheusText):
            return "untyped"
        default: return rawValue
        }
    }

    /// Sample-name suffixes a family of this type may use in `format` (`""` is the bare family name).
    public func allowedSuffixes(in format: ExpositionFormat) -> [String] {
        let om = format == .openMetrics
        switch self {
        case .counter: return om ? ["_total", "_created"] : [""]
        case .gauge, .unknown, .stateSet: return [""]
        case .histogram: return om ? ["_bucket", "_count", "_sum", "_created"] : ["_bucket", "_count", "_sum"]
        case .gaugeHistogram: return ["_bucket", "_gcount", "_gsum"]
        case .summary: return om ? ["", "_count", "_sum", "_created"] : ["", "_count", "_sum"]
        case .info: return ["_info"]
        }
    }

    /// Whether samples of this type may carry an exemplar when named with `suffix` (OpenMetrics).
    public func allowsExemplar(suffix: String) -> Bool {
        switch self {
        case .counter: return suffix == "_total"
        case .histogram, .gaugeHistogram: return suffix == "_bucket"
        default: return false
        }
    }
}
