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
            throw APIError.invalidParameter(name, "invalid time value for '\(name)': \(error.message)")
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
    static func matcherSets(_ values: [String], parameter: String = "match[]") throws -> [[LabelMatcher]] {
        var sets: [[LabelMatcher]] = []
        for text in values {
            sets.append(try selector(text, parameter: parameter))
        }
        for set in sets where !set.contains(where: { !$0.matchesEmpty }) {
            throw APIError.invalidParameter(parameter, "match[] must contain at least one non-empty matcher")
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
    static func selector(_ text: String) throws -> [LabelMatcher] {
        let expr: Expr
        do {
            expr = try Parser(options: .standard).parseExpr(text)
        } catch let errors as ParseErrors {
            if let first = errors.first, first.message == "vector selector must contain at least one non-empty matcher" {
                throw ParameterError("match[] must contain at least one non-empty matcher")
            }
            throw ParameterError(errors.description)
        }
        guard case .vectorSelector(let vs) = expr, vs.offset == nil, vs.at == nil else {
            throw ParameterError(selectorError(text, expr: expr))
        }
        return vs.matchers
    }

    /// The parse error of an expression that is not a plain selector, at the first byte after the selector.
    private static func selectorError(_ text: String, expr: Expr) -> String {
        var end = 0
        if case .vectorSelector(let vs) = expr { end = vs.span.end }
        let pos = LineMap(text).position(of: end)
        return "\(pos.line):\(pos.column): parse error: unexpected input after the series selector"
    }
}

/// A parameter's problem before it is named (`cannot parse "x" to a valid timestamp`).
struct ParameterError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
