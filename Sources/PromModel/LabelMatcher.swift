import RE2

/// A label matcher of a vector selector: `name="v"`, `name!="v"`, `name=~"re"`, `name!~"re"`.
///
/// Regular expressions are RE2 syntax, fully anchored, with `.` matching newlines, as in Prometheus.
/// A label that is absent matches as if it had the empty value.
public struct LabelMatcher: Hashable, Sendable, CustomStringConvertible {
    /// The four PromQL matcher operators; the raw value is the operator as written.
    public enum MatchType: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"
    }

    public let name: String
    public let type: MatchType
    public let value: String
    private let regex: CompiledRegex?

    /// Builds a matcher; regex matchers compile their pattern and throw `RegexSyntaxError` when invalid.
    public init(_ type: MatchType, _ name: String, _ value: String) throws {
        self.name = name
        self.type = type
        self.value = value
        switch type {
        case .regexMatch, .regexNoMatch: regex = try CompiledRegex(value)
        case .equal, .notEqual: regex = nil
        }
    }

    /// Whether the label value `v` (empty when absent) satisfies the matcher.
    public func matches(_ v: String) -> Bool {
        switch type {
        case .equal: return v == value
        case .notEqual: return v != value
        case .regexMatch: return regex?.matches(v) ?? false
        case .regexNoMatch: return !(regex?.matches(v) ?? false)
        }
    }

    /// Whether the matcher accepts the empty string (and so series without the label).
    public var matchesEmpty: Bool { matches("") }

    public var description: String { Labels.formatName(name) + type.rawValue + Labels.quote(value) }

    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(value)
    }
}
