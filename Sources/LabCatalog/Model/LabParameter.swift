import Diagnostics

/// A per-student value used by templates as `<<labctl:NAME>>` (Práctica 26: prefix, domain, entity).
public struct LabParameter: Sendable, Hashable {
    public var name: String
    public var description: LocalizedText
    public var format: ParameterFormat
    /// Required parameters have no default: `labctl init` fails without them.
    public var required: Bool
    /// Used when the student gives no value; may itself use placeholders of earlier parameters.
    public var defaultValue: String?
    /// A valid value, used to check that every template renders.
    public var example: String
    public var location: SourceLocation

    public init(name: String, description: LocalizedText, format: ParameterFormat, required: Bool,
                defaultValue: String?, example: String, location: SourceLocation) {
        self.name = name
        self.description = description
        self.format = format
        self.required = required
        self.defaultValue = defaultValue
        self.example = example
        self.location = location
    }
}

/// What values a parameter accepts.
public enum ParameterFormat: String, Sendable, CaseIterable {
    /// A Prometheus metric-name prefix: `[a-z][a-z0-9_]*`, at most 40 characters.
    case metricPrefix = "metric-prefix"
    /// A lower-case identifier usable in URLs and Python: `[a-z][a-z0-9_]*`.
    case identifier
    /// A student id or project name: letters, digits, `_`, `-`, `.`.
    case slug
    /// Free text on one line (no `<<`, `>>` or control characters).
    case text

    /// Why `value` is not valid, or `nil` when it is.
    public func problem(with value: String) -> String? {
        guard !value.isEmpty else { return "is empty" }
        guard value.count <= 64 else { return "is longer than 64 characters" }
        let scalars = Array(value.unicodeScalars)
        let lower: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) }
        let digit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        switch self {
        case .metricPrefix, .identifier:
            guard let first = scalars.first, lower(first) else { return "must start with a lower-case letter a-z" }
            if let bad = scalars.first(where: { !(lower($0) || digit($0) || $0 == "_") }) {
                return "contains \"\(bad)\"; only a-z, 0-9 and _ are allowed"
            }
            if self == .metricPrefix, value.count > 40 { return "is longer than 40 characters" }
            if self == .metricPrefix, value.hasSuffix("_") { return "must not end with _" }
        case .slug:
            let upper: (Unicode.Scalar) -> Bool = { ("A"..."Z").contains($0) }
            if let bad = scalars.first(where: { !(lower($0) || upper($0) || digit($0) || "_-.".unicodeScalars.contains($0)) }) {
                return "contains \"\(bad)\"; only letters, digits, _, - and . are allowed"
            }
        case .text:
            if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "contains a control character" }
            if value.contains("<<") || value.contains(">>") { return "contains << or >>" }
        }
        return nil
    }
}
