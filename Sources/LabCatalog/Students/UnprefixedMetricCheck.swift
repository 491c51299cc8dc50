import Diagnostics
import Foundation

/// Metrics without the student's prefix (`students/unprefixed-metric`, warning): the seed's first
/// anti-copy criterion, "Prefijos únicos en nombres de métricas".
///
/// Found in two ways, outside prose files:
/// - a `prometheus_client` metric (`Counter`, `Gauge`, `Histogram`, `Summary`, `Info`)
///   declared with a literal name that does not start with the prefix
///   (`Counter('requests_total', …)`); a name that starts with a replacement field
///   (`f'{prefix}_requests_total'`) takes the prefix from a variable and is fine;
/// - a metric of the student's answer key written without its prefix, as a whole name used as a
///   series in a query of a rule or dashboard (`rate(requests_total[5m])`, an `expr` line;
///   `http_requests_total` is another name, and titles and legends may name metrics freely).
struct UnprefixedMetricCheck {
    let prefix: String
    /// The unprefixed forms of the key's metrics (with `_bucket`, `_sum`, `_count` for histograms
    /// and summaries) → the prefixed name.
    let bare: [String: String]

    static let constructors: Set<String> = ["Counter", "Gauge", "Histogram", "Summary", "Info"]

    init(prefix: String, metrics: [AnswerKey.Metric]) {
        self.prefix = prefix
        var bare: [String: String] = [:]
        for metric in metrics where metric.name.hasPrefix(prefix + "_") {
            let name = String(metric.name.dropFirst(prefix.count + 1))
            guard name.count >= 3 else { continue }
            bare[name] = metric.name
            if metric.type == "histogram" || metric.type == "summary" {
                for suffix in ["_bucket", "_sum", "_count"] where !(metric.type == "summary" && suffix == "_bucket") {
                    bare[name + suffix] = metric.name + suffix
                }
            }
        }
        self.bare = bare
    }

    /// The findings in `text` (the file `file`).
    func check(_ text: String, file: String) -> [Diagnostic] {
        guard !ForeignValueCheck.proseExtensions.contains((file as NSString).pathExtension.lowercased()) else { return [] }
        let python = (file as NSString).pathExtension.lowercased() == "py"
        let bytes = Array(text.utf8)
        var out: [Diagnostic] = []
        var reported = Set<String>()
        var cursor = LineCursor(bytes)
        var i = 0
        var previousWord: String?
        while i < bytes.count {
            let byte = bytes[i]
            guard Self.isNameByte(byte) else {
                if python, byte == UInt8(ascii: "("), let word = previousWord, Self.constructors.contains(word),
                   let (name, offset) = Self.literalArgument(bytes, after: i), !name.hasPrefix("{"),
                   name != prefix, !name.hasPrefix(prefix + "_"), AnswerKeyBuilder.isMetricName(name), reported.insert(name).inserted {
                    out.append(finding(name, at: location(file, &cursor, offset: offset), declared: word))
                }
                if byte > 0x20 { previousWord = nil }
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
            let word = String(decoding: bytes[i..<end], as: UTF8.self)
            if !python, bare[word] != nil, Self.inQuery(bytes, from: i, to: end, lineStart: cursor.lineStart(of: i)),
               reported.insert(word).inserted {
                out.append(finding(word, at: location(file, &cursor, offset: i), declared: nil))
            }
            previousWord = word
            i = end
        }
        return out
    }

    private func finding(_ name: String, at location: SourceLocation, declared: String?) -> Diagnostic {
        let fixed = bare[name] ?? "\(prefix)_\(name)"
        let what = declared.map { "the \($0) \"\(name)\"" } ?? "metric \"\(name)\""
        return .warning("students/unprefixed-metric",
                        "\(what) has no prefix: name it \(fixed) (every metric of the lab starts with your prefix \(prefix))",
                        at: location)
    }

    private func location(_ file: String, _ cursor: inout LineCursor, offset: Int) -> SourceLocation {
        let (line, column) = cursor.position(of: offset)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The literal first argument after `(` at `open` (`'name'`, `"name"`, `f'…'`, `r"…"`) and the
    /// offset of its first character; `nil` when the argument is not a one-line string literal.
    static func literalArgument(_ bytes: [UInt8], after open: Int) -> (String, Int)? {
        var j = open + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "\t")
            || bytes[j] == UInt8(ascii: "\r") { j += 1 }
        if j < bytes.count, "fFrRuU".utf8.contains(bytes[j]) { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\"") else { return nil }
        let quote = bytes[j]
        var k = j + 1
        while k < bytes.count, bytes[k] != quote, bytes[k] != UInt8(ascii: "\n"), k - j < 200 { k += 1 }
        guard k < bytes.count, bytes[k] == quote else { return nil }
        return (String(decoding: bytes[(j + 1)..<k], as: UTF8.self), j + 1)
    }

    /// Whether the name at `start..<end` is used as a series in a query: followed by `{` or `[`, or
    /// alone in parentheses, or on an `expr` line (titles and legends also name metrics in prose).
    static func inQuery(_ bytes: [UInt8], from start: Int, to end: Int, lineStart: Int) -> Bool {
        var next = end
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "{") || bytes[next] == UInt8(ascii: "[") { return true }
        if start > 0, bytes[start - 1] == UInt8(ascii: "("), next < bytes.count, bytes[next] == UInt8(ascii: ")") { return true }
        var lineEnd = start
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return line.contains("expr\"") || line.contains("expr:")
    }

    /// Bytes of a metric name: letters, digits, `_` and `:`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
}
