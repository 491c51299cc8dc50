import PromModel

/// A series in the notation of Prometheus test scripts and promtool unit tests:
/// `metric{a="b"} 1+2x10 _ _x3 stale -1-1x5 Inf {{schema:0 sum:5 count:4 buckets:[1 2 1]}}`.
///
/// ```swift
/// let d = try SeriesDescription.parse(#"up{job="api"} 1+1x2 _ stale"#)
/// // d.labels == {__name__="up", job="api"}, d.values == [1, 2, 3, _, stale]
/// ```
public struct SeriesDescription: Hashable, Sendable {
    /// The series labels, including `__name__` when a name was written; empty for `{}`.
    public var labels: Labels
    /// The expanded values; position `i` is at `start + i * step`.
    public var values: [SeriesValue]

    public init(labels: Labels, values: [SeriesValue]) {
        self.labels = labels
        self.values = values
    }

    /// Parses a whole description line (metric, then values).
    ///
    /// - Parameter limits: caps the number of expanded values (`1x1000000000` is an error, not a hang).
    /// - Throws: `SeriesDescriptionError` with the byte offset of the problem.
    public static func parse(_ text: String, limits: SeriesDescriptionLimits = .default) throws -> SeriesDescription {
        var parser = SeriesDescriptionParser(text, limits: limits)
        return try parser.parseDescription()
    }

    /// Whether any value is a native histogram.
    public var hasHistograms: Bool {
        values.contains { if case .histogram = $0 { return true } else { return false } }
    }
}

// MARK: - Parts

extension SeriesDescription {
    /// Parses only the metric at the start of `text` (leading spaces allowed) and returns its labels and
    /// the byte offset just after it, for callers that handle what follows (`@st` lines).
    public static func parseMetric(_ text: String) throws -> (labels: Labels, end: Int) {
        var parser = SeriesDescriptionParser(text, limits: .default)
        let labels = try parser.parseMetric()
        return (labels, parser.pos)
    }
}
