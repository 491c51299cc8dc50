/// A target URL with random parts, drawn per request: `{rand:50-250}` is a whole number from 50 to
/// 250 (the seed's Lab 5 script asks `/do_work?delay_ms=` a random 50–250 ms). Placeholders may
/// only appear after the host (in the path or query).
public struct LoadURLTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case random(ClosedRange<Int>)
    }

    let parts: [Part]

    /// Whether the URL has placeholders.
    public var isTemplate: Bool { parts.contains { if case .random = $0 { return true } else { return false } } }

    /// Parses `text`.
    /// - Throws: ``LoadError`` for an unclosed or malformed placeholder.
    public init(_ text: String) throws {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{rand:") {
            parts.append(.literal(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw LoadError("unclosed {rand:LOW-HIGH} in \(text)")
            }
            let bounds = rest[open.upperBound..<close].split(separator: "-", maxSplits: 1)
            guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low >= 0, low <= high,
                  high <= 1_000_000_000 else {
                throw LoadError("{rand:\(rest[open.upperBound..<close])} in \(text) must be {rand:LOW-HIGH} with 0 ≤ LOW ≤ HIGH ≤ 1000000000")
            }
            parts.append(.random(low...high))
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.literal(String(rest)))
        self.parts = parts
    }

    /// The URL with every placeholder replaced by a value drawn with `unit` (uniform in [0, 1)).
    public func render(_ unit: () -> Double) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .random(let range):
                let span = Double(range.upperBound - range.lowerBound + 1)
                out += String(range.lowerBound + min(Int(unit() * span), range.upperBound - range.lowerBound))
            }
        }
        return out
    }

    /// The URL with each placeholder at its lowest value (to check the URL itself).
    public var lowest: String { render { 0 } }
}
