import GoCompat
import PromModel
import PromQL

/// Reads the parameters of ``PrometheusAPI``'s endpoints with Prometheus's rules and error texts.
enum APIParameters {
    /// The default lower and upper bounds of `start`/`end` where they are optional.
    static let minTime = APITime.minTime
    static let maxTime = APITime.maxTime

    // MARK: - Times and durations

    /// Prometheus's `parseTime`: milliseconds, or `cannot parse "x" to a valid timestamp`.
    static func time(_ text: String) throws -> Int64 {
        guard let t = APITime.parse(text) else {
            throw ParameterError("cannot parse \(GoQuoting.quote(text)) to a valid timestamp")
        }
        return t
    }

    /// Prometheus's `parseTimeParam`: `defaultValue` when absent or empty.
    static func time(_ request: HTTPServerRequest, _ name: String, default defaultValue: Int64) throws -> Int64 {
        guard let text = request.formValue(name), !text.isEmpty else { return defaultValue }
        do {
            return try time(text)
        } catch let error as ParameterError {
            throw APIError.invalidParameter(name, "Invalid time value for '\(name)': \(error.message)")
        }
    }

    /// A required time (`start` and `end` of a range query): an absent one is `cannot parse ""`.
    static func requiredTime(_ request: HTTPServerRequest, _ name: String) throws -> Int64 {
        do {
            return try time(request.formValue(name) ?? "")
        } catch let error as ParameterError {
            throw APIError.invalidParameter(name, error.message)
        }
    }

    /// Prometheus's `parseDuration` in milliseconds: float seconds or a Prometheus duration.
    static func duration(_ text: String) throws -> Int64 {
        if let seconds = Double(text) {
            let nanos = seconds * 1e9
            guard !nanos.isNaN else { throw ParameterError("cannot parse \(GoQuoting.quote(text)) to a valid duration") }
            guard nanos.magnitude < 9.2e18 else {
                throw ParameterError("cannot parse \(GoQuoting.quote(text)) to a valid duration. It overflows int64")
            }
            return Int64((seconds * 1000).rounded(.towardZero))
        }
        if let d = try? Duration.parse(text) { return d.milliseconds }
        throw ParameterError("cannot parse \(GoQuoting.quote(text)) to a valid duration")
    }

    /// A duration parameter; `nil` when absent or empty.
    static func duration(_ request: HTTPServerRequest, _ name: String) throws -> Int64? {
        guard let text = request.formValue(name), !text.isEmpty else { return nil }
        do {
            return try duration(text)
        } catch let error as ParameterError {
            throw APIError.invalidParameter(name, error.message)
        }
    }

    // MARK: - Numbers

    /// Prometheus's `parseLimitParam`: 0 (no limit) when absent; a non-negative integer otherwise.
    static func limit(_ request: HTTPServerRequest) throws -> Int {
        guard let text = request.formValue("limit"), !text.isEmpty else { return 0 }
        let limit = try atoi(text, parameter: "limit")
        guard limit >= 0 else { throw APIError.invalidParameter("limit", "limit must be non-negative") }
        return limit
    }

    /// Go's `strconv.Atoi` with its error text, as an invalid parameter.
    static func atoi(_ text: String, parameter: String) throws -> Int {
        if let v = Int(text) { return v }
        let digits = text.drop { $0 == "+" || $0 == "-" }
        let numeric = !digits.isEmpty && digits.allSatisfy { $0 >= "0" && $0 <= "9" } && text.count - digits.count <= 1
        let reason = numeric ? "value out of range" : "invalid syntax"
        throw APIError.invalidParameter(parameter, "strconv.Atoi: parsing \(GoQuoting.quote(text)): \(reason)")
    }

    // MARK: - Selectors

    /// Prometheus's `parseMatchersParam`: every `match[]` a selector, each with a matcher that does
    /// not match the empty string.
    /// - Parameter named: errors as `invalid parameter "match[]": …` (`/api/v1/series`, `/api/v1/rules`),
    ///   or the bare message (`/api/v1/labels` and label values, as Prometheus words them).
    static func matcherSets(_ values: [String], named: Bool = true) throws -> [[LabelMatcher]] {
        var sets: [[LabelMatcher]] = []
        do {
            for text in values { sets.append(try selector(text)) }
            for set in sets where !set.contains(where: { !$0.matchesEmpty }) {
                throw ParameterError("match[] must contain at least one non-empty matcher")
            }
        } catch let error as ParameterError {
            throw named ? APIError.invalidParameter("match[]", error.message) : APIError(.badData, error.message)
        }
        return sets
    }

    /// The matchers of one series selector (`up{job="a"}`, `{__name__=~"x.*"}`), as an invalid `parameter`.
    static func selector(_ text: String, parameter: String) throws -> [LabelMatcher] {
        do {
            return try selector(text)
        } catch let error as ParameterError {
            throw APIError.invalidParameter(parameter, error.message)
        }
    }

    /// The matchers of one series selector, or a ``ParameterError`` with the parse error's text.
    /// - Parameter allowEmptyMatching: accept selectors whose matchers all match the empty string
    ///   (`{job=~".*"}`), as Prometheus's selector grammar does for `/federate`.
    static func selector(_ text: String, allowEmptyMatching: Bool = false) throws -> [LabelMatcher] {
        let expr: Expr
        do {
            expr = try Parser(options: .standard).parseExpr(text)
        } catch let errors as ParseErrors {
            if let first = errors.first, first.message == "vector selector must contain at least one non-empty matcher" {
                if allowEmptyMatching, let matchers = braceMatchers(text) { return matchers }
                throw ParameterError("match[] must contain at least one non-empty matcher")
            }
            throw ParameterError(errors.description)
        }
        guard case .vectorSelector(let vs) = expr, vs.offset == nil, vs.at == nil else {
            throw ParameterError(selectorError(text, expr: expr))
        }
        return vs.matchers
    }

    /// The matchers of `{…}` alone: parsed behind a placeholder name whose matcher is then dropped.
    private static func braceMatchers(_ text: String) -> [LabelMatcher]? {
        guard text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).hasPrefix("{") else { return nil }
        let placeholder = "labctl_placeholder_name"
        guard case .vectorSelector(let vs)? = try? Parser(options: .standard).parseExpr(placeholder + text),
              vs.offset == nil, vs.at == nil else { return nil }
        return vs.matchers.filter { !($0.name == Label.metricName && $0.value == placeholder && $0.type == .equal) }
    }

    /// The parse error Prometheus's selector grammar gives for an expression that is not a plain
    /// selector: the first token after the leading `name{…}`, described as its parser does
    /// (`unexpected "("`, `unexpected <op:+>`, `unexpected <offset>`, `unexpected identifier "x"`).
    static func selectorError(_ text: String, expr: Expr) -> String {
        let b = Array(text.utf8)
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 } }
        func isName(_ c: UInt8, first: Bool) -> Bool {
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 58 || (!first && c >= 48 && c <= 57)
        }
        skipSpace()
        if i < b.count, isName(b[i], first: true) {
            while i < b.count, isName(b[i], first: false) { i += 1 }
            skipSpace()
        }
        if i < b.count, b[i] == 123 {  // skip the braces, minding quoted strings
            var quote: UInt8 = 0
            while i < b.count {
                let c = b[i]
                i += 1
                if quote != 0 {
                    if c == 92 { i += 1 } else if c == quote { quote = 0 }
                } else if c == 34 || c == 39 || c == 96 {
                    quote = c
                } else if c == 125 {
                    break
                }
            }
            skipSpace()
        }
        let start = min(i, b.count)
        let pos = LineMap(text).position(of: start)
        return "\(pos.line):\(pos.column): parse error: " + describeToken(Array(b[start...]))
    }

    private static func describeToken(_ rest: [UInt8]) -> String {
        guard let c = rest.first else { return "unexpected end of input" }
        let word = String(decoding: rest.prefix { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || $0 == 95
            || ($0 >= 48 && $0 <= 57) || $0 == 58 }, as: UTF8.self)
        if c >= 48, c <= 57 {
            let number = String(decoding: rest.prefix { ($0 >= 48 && $0 <= 57) || $0 == 46 }, as: UTF8.self)
            return "unexpected number " + GoQuoting.quote(number)
        }
        if !word.isEmpty {
            switch word.lowercased() {
            case "and", "or", "unless", "atan2": return "unexpected <op:\(word.lowercased())>"
            case "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "bool":
                return "unexpected <\(word.lowercased())>"
            default: return "unexpected identifier " + GoQuoting.quote(word)
            }
        }
        let two = String(decoding: rest.prefix(2), as: UTF8.self)
        if ["==", "!=", ">=", "<=", "=~", "!~"].contains(two) { return "unexpected <op:\(two)>" }
        let one = String(decoding: rest.prefix(1), as: UTF8.self)
        if "+-*/%^<>".contains(one) { return "unexpected <op:\(one)>" }
        return "unexpected " + GoQuoting.quote(one)
    }
}

/// A parameter's problem before it is named (`cannot parse "x" to a valid timestamp`).
struct ParameterError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
