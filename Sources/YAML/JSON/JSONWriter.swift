import Diagnostics

/// Writes node trees as JSON with keys in node order (stable output), pretty-printed with two-space
/// indentation or compact.
///
/// Scalars map by their resolved type: null, booleans and finite numbers become JSON literals
/// (integers in decimal, so `0x1F` becomes `31`); `.inf`/`.nan`, integers too large for `Int`,
/// strings and custom-tagged values become JSON strings. Non-string keys are written as their text.
public struct JSONWriter: Sendable {
    /// Whether to break lines and indent.
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The JSON text, ending with a newline when pretty.
    public func write(_ node: YAMLNode) -> String {
        var out = ""
        value(node, depth: 0, into: &out)
        if pretty { out += "\n" }
        return out
    }

    // MARK: - Emission

    private func newline(_ depth: Int, into out: inout String) {
        guard pretty else { return }
        out += "\n"
        out += String(repeating: "  ", count: depth)
    }

    private func value(_ node: YAMLNode, depth: Int, into out: inout String) {
        switch node.kind {
        case .scalar(let s):
            out += Self.scalarText(s.value, type: node.resolvedType)
        case .sequence(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1, into: &out)
                value(item, depth: depth + 1, into: &out)
            }
            newline(depth, into: &out)
            out += "]"
        case .mapping(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (n, pair) in pairs.enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1, into: &out)
                out += Self.quote(pair.key.scalarValue ?? JSONWriter(pretty: false).write(pair.key))
                out += pretty ? ": " : ":"
                value(pair.value, depth: depth + 1, into: &out)
            }
            newline(depth, into: &out)
            out += "}"
        }
    }

    static func scalarText(_ text: String, type: YAMLResolvedType) -> String {
        switch type {
        case .null: return "null"
        case .bool: return (YAMLScalar.boolValue(text) ?? false) ? "true" : "false"
        case .int:
            if let v = YAMLScalar.intValue(text) { return String(v) }
            return quote(text)
        case .float:
            guard let d = YAMLScalar.doubleValue(text), d.isFinite else { return quote(text) }
            if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) + ".0" }
            return "\(d)"
        default:
            return quote(text)
        }
    }

    /// A JSON string literal with the required escapes (see `JSONString.quote`). With `escapingHTML` it
    /// also escapes `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`… like Go's `encoding/json` does by default.
    public static func quote(_ text: String, escapingHTML: Bool = false) -> String {
        JSONString.quote(text, escapingHTML: escapingHTML, escapingLineSeparators: escapingHTML)
    }
}
