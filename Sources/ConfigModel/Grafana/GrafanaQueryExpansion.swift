/// A dashboard query with Grafana's variables replaced by sample values so that it can be parsed as
/// PromQL, with a map back to the original text for positions.
///
/// Recognised: `$var`, `${var}`, `${var:format}`, `[[var]]`, `[[var:format]]` and the built-ins
/// `$__rate_interval`, `$__interval`, `$__range` (durations), `$__interval_ms`, `$__range_s`, `$__range_ms`
/// (numbers). A variable inside `[...]` or named like an interval becomes a duration, otherwise an identifier
/// (`var`), which is valid as a metric name, label name and inside quotes.
public struct GrafanaQueryExpansion: Sendable {
    /// One variable occurrence.
    public struct Reference: Hashable, Sendable {
        public var name: String
        /// Byte range in the original query.
        public var original: Range<Int>
        /// Byte range in the expanded query.
        public var expanded: Range<Int>
        public var isBuiltin: Bool { name.hasPrefix("__") }
    }

    public let original: String
    public let expanded: String
    public let references: [Reference]

    static let durationBuiltins: Set<String> = ["__rate_interval", "__interval", "__range", "__auto_interval"]
    static let numberBuiltins: [String: String] = ["__interval_ms": "60000", "__range_s": "3600",
                                                   "__range_ms": "3600000"]

    /// Expands `query`; `intervalVariables` are names whose values are durations (interval variables).
    public init(_ query: String, intervalVariables: Set<String> = []) {
        original = query
        let bytes = Array(query.utf8)
        var out: [UInt8] = []
        var refs: [Reference] = []
        var i = 0
        var bracketDepth = 0
        func isName(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95
        }
        while i < bytes.count {
            let b = bytes[i]
            var name: [UInt8] = []
            var end = i
            if b == 36, i + 1 < bytes.count, bytes[i + 1] == 123 {  // ${name[:fmt]}
                var j = i + 2
                while j < bytes.count, isName(bytes[j]) { name.append(bytes[j]); j += 1 }
                if j < bytes.count, bytes[j] == 58 { while j < bytes.count, bytes[j] != 125 { j += 1 } }
                if j < bytes.count, bytes[j] == 125, !name.isEmpty { end = j + 1 } else { name = [] }
            } else if b == 36 {  // $name
                var j = i + 1
                while j < bytes.count, isName(bytes[j]) { name.append(bytes[j]); j += 1 }
                end = j
            } else if b == 91, i + 1 < bytes.count, bytes[i + 1] == 91 {  // [[name[:fmt]]]
                var j = i + 2
                while j < bytes.count, isName(bytes[j]) { name.append(bytes[j]); j += 1 }
                if j < bytes.count, bytes[j] == 58 { while j < bytes.count, bytes[j] != 93 { j += 1 } }
                if j + 1 < bytes.count, bytes[j] == 93, bytes[j + 1] == 93, !name.isEmpty { end = j + 2 } else { name = [] }
            }
            guard !name.isEmpty else {
                if b == 91 { bracketDepth += 1 } else if b == 93 { bracketDepth = max(0, bracketDepth - 1) }
                out.append(b)
                i += 1
                continue
            }
            let n = String(decoding: name, as: UTF8.self)
            let replacement: String
            if let number = Self.numberBuiltins[n] {
                replacement = number
            } else if Self.durationBuiltins.contains(n) || intervalVariables.contains(n) || bracketDepth > 0 {
                replacement = "5m"
            } else {
                replacement = n.hasPrefix("__") ? "v" + n : n
            }
            let start = out.count
            out.append(contentsOf: replacement.utf8)
            refs.append(Reference(name: n, original: i..<end, expanded: start..<out.count))
            i = end
        }
        expanded = String(decoding: out, as: UTF8.self)
        references = refs
    }

    /// The original byte offset for an offset in the expanded text.
    public func originalOffset(_ expandedOffset: Int) -> Int {
        var delta = 0
        for r in references {
            if expandedOffset < r.expanded.lowerBound { break }
            if expandedOffset < r.expanded.upperBound { return r.original.lowerBound }
            delta = r.original.upperBound - r.expanded.upperBound
        }
        return expandedOffset + delta
    }

    /// The reference whose expansion covers `range` of the expanded text, if any.
    public func reference(covering range: Range<Int>) -> Reference? {
        references.first { $0.expanded.lowerBound <= range.lowerBound && range.upperBound <= $0.expanded.upperBound }
    }
}
