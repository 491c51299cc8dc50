import Diagnostics

/// Why a template could not be rendered, with where.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code (`template/unknown-placeholder`, `template/unknown-filter`, `template/unclosed`).
    public let code: String
    public let message: String
    public let location: SourceLocation

    static func unknownPlaceholder(_ name: String, known: [String], at location: SourceLocation) -> TemplateError {
        let list = known.isEmpty ? "this lab has no parameters" : "known: " + known.joined(separator: ", ")
        return TemplateError(code: "template/unknown-placeholder",
                             message: "unknown placeholder <<labctl:\(name)>>\(Suggestion.didYouMean(name, in: known)) (\(list))",
                             location: location)
    }

    static func unknownFilter(_ name: String, at location: SourceLocation) -> TemplateError {
        let names = PlaceholderFilter.allCases.map(\.rawValue)
        return TemplateError(code: "template/unknown-filter",
                             message: "unknown placeholder filter \"\(name)\"\(Suggestion.didYouMean(name, in: names)) (filters: \(names.joined(separator: ", ")))",
                             location: location)
    }

    static func unclosed(at location: SourceLocation) -> TemplateError {
        TemplateError(code: "template/unclosed",
                      message: "placeholder opened with <<labctl: is not closed with >> within \(TemplateRenderer.maxPlaceholderLength) characters",
                      location: location)
    }

    /// The error as a diagnostic.
    public var diagnostic: Diagnostic { .error(code, message, at: location) }

    public var description: String { "\(location): error: [\(code)] \(message)" }
}
