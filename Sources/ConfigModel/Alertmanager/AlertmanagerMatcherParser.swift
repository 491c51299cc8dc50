import PromModel

/// Parses Alertmanager matcher strings (`matchers:` items, `source_matchers:`, `amtool` arguments).
///
/// Two grammars exist. The UTF-8 grammar (Alertmanager 0.27+): an optional `{…}`, comma-separated
/// matchers `name op value` with `op` one of `=`, `!=`, `=~`, `!~`, names and values either unquoted
/// (no whitespace and none of `{}!=~,"'\`` `) or double-quoted with Go escapes, a trailing comma allowed.
/// The classic grammar (Alertmanager ≤ 0.26): legacy label names, values quoted or bare up to the next
/// comma. Like Alertmanager's fallback mode, text the UTF-8 grammar rejects is retried with the classic
/// one, and `usedClassicFallback` tells the caller (who may warn that the syntax is deprecated).
public struct AlertmanagerMatcherParser: Sendable {
    /// Why a matcher string was rejected, with the 0-based character offset.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var offset: Int
        public var description: String { message }
    }

    /// The parsed matchers, and whether only the classic grammar accepted them.
    public struct Result: Sendable {
        public var matchers: [LabelMatcher]
        public var usedClassicFallback: Bool
    }

    public init() {}

    /// Parses `text` with the UTF-8 grammar, falling back to the classic one.
    public func parse(_ text: String) throws -> Result {
        do {
            return Result(matchers: try parseUTF8(text), usedClassicFallback: false)
        } catch let utf8Error {
            if let classic = try? parseClassic(text) {
                return Result(matchers: classic, usedClassicFallback: true)
            }
            throw utf8Error
        }
    }

    // MARK: - UTF-8 grammar

    /// Parses with the UTF-8 grammar only.
    public func parseUTF8(_ text: String) throws -> [LabelMatcher] {
        var s = Scanner(Array(text.unicodeScalars))
        s.skipSpaces()
        let braced = s.consume("{")
        var out: [LabelMatcher] = []
        while true {
            s.skipSpaces()
            if s.atEnd || s.peek == "}" { break }
            let name = try s.token(what: "label name")
            s.skipSpaces()
            let op = try s.op()
            s.skipSpaces()
            let value = try s.token(what: "label value", allowEmpty: true)
            do {
                out.append(try LabelMatcher(op, name, value))
            } catch {
                throw ParseError(message: "invalid regular expression \"\(value)\" for \(name): \(error)", offset: s.i)
            }
            s.skipSpaces()
            if !s.consume(",") { break }
        }
        s.skipSpaces()
        if braced, !s.consume("}") {
            throw ParseError(message: "expected close brace: \(text)", offset: s.i)
        }
        if !braced, s.peek == "}" {
            throw ParseError(message: "unexpected close brace without open brace: \(text)", offset: s.i)
        }
        s.skipSpaces()
        guard s.atEnd else {
            throw ParseError(message: "unexpected \(s.peekDescription): expected a comma or close brace in \"\(text)\"",
                             offset: s.i)
        }
        return out
    }

    // MARK: - Classic grammar

    /// Parses with the classic (pre-0.27) grammar only.
    public func parseClassic(_ text: String) throws -> [LabelMatcher] {
        var body = Substring(text).trimmingSpaces
        if body.hasPrefix("{") {
            body = body.dropFirst()
            if body.hasSuffix("}") { body = body.dropLast() }
        }
        var out: [LabelMatcher] = []
        for piece in Self.splitClassic(String(body)) {
            let trimmed = Substring(piece).trimmingSpaces
            if trimmed.isEmpty { continue }
            out.append(try Self.classicMatcher(String(trimmed)))
        }
        return out
    }

    private static func splitClassic(_ text: String) -> [String] {
        var parts: [String] = [], current = "", inQuotes = false, escaped = false
        for ch in text {
            if escaped { escaped = false; current.append(ch); continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "\"" { inQuotes.toggle() }
            if ch == ",", !inQuotes { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        return parts
    }

    private static func classicMatcher(_ text: String) throws -> LabelMatcher {
        let chars = Array(text)
        var i = 0
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == ":" {
            i += 1
        }
        let name = String(chars[0..<i])
        guard LabelNames.isValidLegacyLabelName(name.replacingOccurrences(of: ":", with: "_")) else {
            throw ParseError(message: "bad matcher format: \(text)", offset: 0)
        }
        while i < chars.count, chars[i] == " " { i += 1 }
        let rest = String(chars[i...])
        let op: LabelMatcher.MatchType
        if rest.hasPrefix("=~") { op = .regexMatch } else if rest.hasPrefix("!~") { op = .regexNoMatch }
        else if rest.hasPrefix("!=") { op = .notEqual } else if rest.hasPrefix("=") { op = .equal }
        else { throw ParseError(message: "bad matcher format: \(text)", offset: i) }
        var raw = Substring(rest.dropFirst(op.rawValue.count)).trimmingSpaces
        if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = raw.dropFirst().dropLast() }
        var value = "", escaped = false
        for ch in raw {
            if escaped {
                switch ch {
                case "n": value.append("\n")
                case "\\", "\"": value.append(ch)
                default: value.append("\\"); value.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                throw ParseError(message: "matcher value contains unescaped double quote: \(raw)", offset: i)
            } else {
                value.append(ch)
            }
        }
        if escaped { value.append("\\") }
        do {
            return try LabelMatcher(op, name, value)
        } catch {
            throw ParseError(message: "\(error)", offset: i)
        }
    }
}

// MARK: - Scanner

private struct Scanner {
    let chars: [Unicode.Scalar]
    var i = 0

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    var atEnd: Bool { i >= chars.count }
    var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }
    var peekDescription: String { peek.map { "\"\($0)\"" } ?? "end of input" }

    static func isReserved(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || "{}!=~,\"'`\\".unicodeScalars.contains(c)
    }

    mutating func skipSpaces() {
        while let c = peek, c.properties.isWhitespace { i += 1 }
    }

    mutating func consume(_ c: Unicode.Scalar) -> Bool {
        guard peek == c else { return false }
        i += 1
        return true
    }

    mutating func op() throws -> LabelMatcher.MatchType {
        let start = i
        if consume("=") { return consume("~") ? .regexMatch : .equal }
        if consume("!") {
            if consume("=") { return .notEqual }
            if consume("~") { return .regexNoMatch }
        }
        throw AlertmanagerMatcherParser.ParseError(
            message: "unexpected \(peekDescription): expected one of '=~', '!~', '!=', '='", offset: start)
    }

    mutating func token(what: String, allowEmpty: Bool = false) throws -> String {
        let start = i
        if consume("\"") {
            var out = ""
            while let c = peek {
                i += 1
                if c == "\"" { return out }
                if c == "\\" {
                    guard let e = peek else { break }
                    i += 1
                    switch e {
                    case "n": out.unicodeScalars.append("\n")
                    case "t": out.unicodeScalars.append("\t")
                    case "r": out.unicodeScalars.append("\r")
                    case "\\", "\"", "'": out.unicodeScalars.append(e)
                    default:
                        throw AlertmanagerMatcherParser.ParseError(
                            message: "invalid escape sequence \"\\\(e)\" in \(what)", offset: i - 2)
                    }
                } else {
                    out.unicodeScalars.append(c)
                }
            }
            throw AlertmanagerMatcherParser.ParseError(message: "unterminated quoted \(what)", offset: start)
        }
        var out = ""
        while let c = peek, !Self.isReserved(c) {
            out.unicodeScalars.append(c)
            i += 1
        }
        if out.isEmpty, !allowEmpty || (peek.map { !Self.isReserved($0) || $0 == "\"" || $0 == "'" } ?? false) {
            throw AlertmanagerMatcherParser.ParseError(message: "unexpected \(peekDescription): expected \(what)",
                                                       offset: start)
        }
        return out
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
