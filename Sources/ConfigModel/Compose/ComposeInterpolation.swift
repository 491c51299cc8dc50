import YAML

/// Compose's variable interpolation syntax: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` (defaults may nest), and `$$` for a `$`.
public enum ComposeInterpolation {
    /// Why a string's interpolation is invalid.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The variables referenced by `text` (throws for invalid syntax).
    public static func variables(in text: String) throws -> [String] {
        var names: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        try scan(chars, &i, until: nil, names: &names, whole: text)
        return names
    }

    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private static func isName(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || (c >= "0" && c <= "9") }

    /// Scans from `i` until the end (or an unmatched `}` when `until` is set, nested in a default).
    private static func scan(_ chars: [Unicode.Scalar], _ i: inout Int, until close: Unicode.Scalar?,
                             names: inout [String], whole: String, depth: Int = 0) throws {
        guard depth < 32 else { throw SyntaxError(message: "interpolation nested too deeply in \"\(whole)\"") }
        var open = 0
        while i < chars.count {
            let c = chars[i]
            if let close, c == close, open == 0 { return }
            if c == "{" { open += 1 } else if c == "}", open > 0 { open -= 1 }
            guard c == "$" else { i += 1; continue }
            i += 1
            guard i < chars.count else { return }
            let next = chars[i]
            if next == "$" { i += 1; continue }
            if isNameStart(next) {
                var name = ""
                while i < chars.count, isName(chars[i]) { name.unicodeScalars.append(chars[i]); i += 1 }
                names.append(name)
                continue
            }
            guard next == "{" else {
                throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": a literal $ must be written $$")
            }
            i += 1
            var name = ""
            while i < chars.count, isName(chars[i]) { name.unicodeScalars.append(chars[i]); i += 1 }
            guard let first = name.unicodeScalars.first, isNameStart(first) else {
                throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": \"${\" must be followed by a variable name")
            }
            names.append(name)
            guard i < chars.count else {
                throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": missing closing brace")
            }
            if chars[i] == "}" { i += 1; continue }
            var op = String(chars[i])
            i += 1
            if op == ":" {
                guard i < chars.count, "-?+".unicodeScalars.contains(chars[i]) else {
                    throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": unknown modifier after \(name)")
                }
                op += String(chars[i])
                i += 1
            }
            guard ["-", "?", "+", ":-", ":?", ":+"].contains(op) else {
                throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": unexpected \"\(op)\" after \(name)")
            }
            try scan(chars, &i, until: "}", names: &names, whole: whole, depth: depth + 1)
            guard i < chars.count, chars[i] == "}" else {
                throw SyntaxError(message: "invalid interpolation format for \"\(whole)\": missing closing brace")
            }
            i += 1
        }
    }

    /// Reports `compose/invalid-interpolation` for every scalar value under `node` whose syntax is wrong.
    static func check(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        switch node.kind {
        case .scalar(let s):
            guard s.value.contains("$") else { return }
            do { _ = try variables(in: s.value) } catch {
                ctx.error(ComposeDiagnosticCode.invalidInterpolation, "\(error)", at: node)
            }
        case .sequence(let items):
            for item in items { check(item, context: &ctx) }
        case .mapping(let pairs):
            for pair in pairs { check(pair.value, context: &ctx) }
        }
    }
}
