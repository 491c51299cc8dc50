/// The two text formats of metrics exposition.
public enum ExpositionFormat: String, Hashable, Sendable, CaseIterable {
    /// The Prometheus text format, version 0.0.4 (`text/plain; version=0.0.4`).
    case prometheusText = "text"
    /// OpenMetrics 1.0 text (`application/openmetrics-text; version=1.0.0`).
    case openMetrics = "openmetrics"

    /// Guesses the format of `text`: OpenMetrics when its last non-empty line is `# EOF`
    /// or it has a `# UNIT` line, the text format otherwise.
    public static func detect(_ text: String) -> ExpositionFormat {
        var copy = text
        return copy.withUTF8 { bytes in
            let unit = Array("# UNIT ".utf8)
            var lastLine = 0..<0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                if end > start {
                    if end - start >= unit.count, bytes[start] == 35,
                       unit.indices.allSatisfy({ bytes[start + $0] == unit[$0] }) {
                        return .openMetrics
                    }
                    lastLine = start..<end
                }
                start = end + 1
            }
            return bytes[lastLine].elementsEqual("# EOF".utf8) ? .openMetrics : .prometheusText
        }
    }

    /// The HTTP content type of the format.
    public var contentType: String {
        switch self {
        case .prometheusText: return "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: return "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}
