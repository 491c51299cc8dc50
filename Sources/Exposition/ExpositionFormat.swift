import Foundation

/// The two text formats of metrics exposition.
public enum ExpositionFormat: String, Hashable, Sendable, CaseIterable {
    /// The Prometheus text format, version 0.0.4 (`text/plain; version=0.0.4`).
    case prometheusText = "text"
    /// OpenMetrics 1.0 text (`application/openmetrics-text; version=1.0.0`).
    case openMetrics = "openmetrics"

    /// Guesses the format of `text`: OpenMetrics when its last non-empty line is `# EOF`
    /// or it has a `# UNIT` line, the text format otherwise.
    ///
    /// Only `#` bytes (found with `memchr`) and the end of the input are looked at, not every line.
    public static func detect(_ text: String) -> ExpositionFormat {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return .prometheusText }
            let unit = Array("# UNIT ".utf8)
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 35, bytes.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at == 0 || bytes[at - 1] == 10, bytes.count - at >= unit.count,
                   memcmp(base + at, unit, unit.count) == 0 {
                    return .openMetrics
                }
                from = at + 1
            }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 10 { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 10 { start -= 1 }
            return bytes[start..<end].elementsEqual("# EOF".utf8) ? .openMetrics : .prometheusText
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
