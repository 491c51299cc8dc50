/// The two text formats of metrics exposition.
public enum ExpositionFormat: String, Hashable, Sendable, CaseIterable {
    /// The Prometheus text format, version 0.0.4 (`text/plain; version=0.0.4`).
    case prometheusText = "text"
    /// OpenMetrics 1.0 text (`application/openmetrics-text; version=1.0.0`).
    case openMetrics = "openmetrics"

    /// Guesses the format of `text`: OpenMetrics when its last non-empty line is `# EOF`
    /// or it has a `# UNIT` line, the text format otherwise.
    public static func detect(_ text: String) -> ExpositionFormat {
        var lastLine: Substring = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# UNIT ") { return .openMetrics }
            lastLine = line
        }
        return lastLine == "# EOF" ? .openMetrics : .prometheusText
    }

    /// The HTTP content type of the format.
    public var contentType: String {
        switch self {
        case .prometheusText: return "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: return "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}
