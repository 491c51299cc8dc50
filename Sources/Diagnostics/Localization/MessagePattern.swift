import Foundation

/// One message of the ``MessageCatalog`` as a pattern: literal text with holes `{name}` that stand
/// for the values a check puts into its message (a metric, a file, a number).
///
/// Matching is anchored at both ends and backtracks, so a hole takes as much or as little text as
/// the literal parts around it allow: `unknown metric "{metric}"{rest}` matches
/// `unknown metric "http_request_active" (did you mean …)` with `metric = http_request_active`.
/// A hole matches at least one character.
public struct MessagePattern: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case hole(String)
    }

    let parts: [Part]
    /// The pattern as written.
    public let text: String

    /// Parses `text`; `{` not followed by a name and `}` stays literal.
    public init(_ text: String) {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[rest.startIndex..<open]
            let afterOpen = rest[rest.index(after: open)...]
            if let close = afterOpen.firstIndex(of: "}"),
               case let name = afterOpen[afterOpen.startIndex..<close], !name.isEmpty,
               name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.hole(String(name)))
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                literal.append("{")
                rest = afterOpen
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The names of the holes, in order.
    public var holes: [String] {
        parts.compactMap { if case .hole(let name) = $0 { return name } else { return nil } }
    }

    /// The value of every hole when `message` has this pattern's shape, else `nil`.
    public func match(_ message: String) -> [String: String]? {
        var values: [String: String] = [:]
        // Cheap refusals first: the fixed start and end, and every literal somewhere in order.
        if case .literal(let first)? = parts.first, !message.hasPrefix(first) { return nil }
        if case .literal(let last)? = parts.last, !message.hasSuffix(last) { return nil }
        var rest = Substring(message)
        for case .literal(let literal) in parts {
            guard let r = rest.range(of: literal) else { return nil }
            rest = rest[r.upperBound...]
        }
        var budget = 2_000
        let scalars = Array(message.unicodeScalars)
        guard match(parts[...], scalars, 0, &values, &budget) else { return nil }
        return values
    }

    /// The pattern with its holes replaced by `values` (a hole without a value stays as written).
    public func fill(_ values: [String: String]) -> String {
        parts.map { part -> String in
            switch part {
            case .literal(let text): return text
            case .hole(let name): return values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    // MARK: - Matching

    private func match(_ parts: ArraySlice<Part>, _ text: [Unicode.Scalar], _ at: Int,
                       _ values: inout [String: String], _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        guard let first = parts.first else { return at == text.count }
        let rest = parts.dropFirst()
        switch first {
        case .literal(let literal):
            let l = Array(literal.unicodeScalars)
            guard Self.hasLiteral(l, in: text, at: at) else { return false }
            return match(rest, text, at + l.count, &values, &budget)
        case .hole(let name):
            guard at < text.count else { return false }
            let next: [Unicode.Scalar]? = if case .literal(let n)? = rest.first { Array(n.unicodeScalars) } else { nil }
            // A hole at the end takes the rest; otherwise it ends where the next literal starts.
            var end = next == nil && rest.isEmpty ? text.count : at + 1
            while end <= text.count {
                if let next {
                    guard let found = Self.firstIndex(of: next, in: text, from: end) else { return false }
                    end = found
                }
                let previous = values[name]
                values[name] = String(String.UnicodeScalarView(text[at..<end]))
                if match(rest, text, end, &values, &budget) { return true }
                values[name] = previous
                budget -= 1
                guard budget > 0 else { return false }
                end += 1
            }
            return false
        }
    }

    private static func hasLiteral(_ literal: [Unicode.Scalar], in text: [Unicode.Scalar], at: Int) -> Bool {
        guard at + literal.count <= text.count else { return false }
        for (i, scalar) in literal.enumerated() where text[at + i] != scalar { return false }
        return true
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty else { return from }
        var i = from
        while i + needle.count <= text.count {
            if hasLiteral(needle, in: text, at: i) { return i }
            i += 1
        }
        return nil
    }
}
