import Diagnostics

/// Renders lab templates: replaces `<<labctl:NAME>>` and `<<labctl:NAME|FILTER|...>>` with the
/// student's values and leaves everything else untouched.
///
/// The syntax was chosen so that it cannot be mistaken for what lab files already contain:
/// Prometheus/Alertmanager templates (`{{ $labels.job }}`), Grafana variables (`$var`, `${var}`,
/// `[[var]]`), compose interpolation (`${VAR}`, `$$`), Python f-strings (`{x}`), nginx (`$host`),
/// YAML merge keys (`<<:`) and shell here-documents (`<<EOF`) never start with `<<labctl:`.
///
/// Rendering fails loudly: an unknown name, an unknown filter, or a `<<labctl:` that is not closed
/// is a ``TemplateError`` with the file, line and column. There is no escape: `<<labctl:` never
/// appears in a lab file except as a placeholder.
public struct TemplateRenderer: Sendable {
    /// The opening of every placeholder.
    public static let opening = "<<labctl:"
    /// The closing of every placeholder.
    public static let closing = ">>"
    /// The longest placeholder accepted (name and filters), so a missing `>>` is found quickly.
    public static let maxPlaceholderLength = 128

    /// The values placeholders may use, by name.
    public var values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    /// Renders `text`; positions in errors name `file`.
    public func render(_ text: String, file: String) throws -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        var line = 1, column = 1
        while let open = rest.range(of: Self.opening) {
            let before = rest[rest.startIndex..<open.lowerBound]
            out += before
            advance(&line, &column, over: before)
            let location = SourceLocation(file: file, line: line, column: column)
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.prefix(Self.maxPlaceholderLength).range(of: Self.closing) else {
                throw TemplateError.unclosed(at: location)
            }
            let body = String(afterOpen[afterOpen.startIndex..<close.lowerBound])
            out += try expand(body, at: location)
            let consumed = rest[open.lowerBound..<close.upperBound]
            advance(&line, &column, over: consumed)
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The names used by placeholders in `text` (unknown ones included), in order of first use.
    public static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: opening) {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.prefix(maxPlaceholderLength).range(of: closing) else { break }
            let body = afterOpen[afterOpen.startIndex..<close.lowerBound]
            let name = String(body.split(separator: "|", omittingEmptySubsequences: false).first ?? "")
            if !names.contains(name) { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    // MARK: - Pieces

    private func expand(_ body: String, at location: SourceLocation) throws -> String {
        let parts = body.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let name = parts.first ?? ""
        guard let value = values[name] else {
            throw TemplateError.unknownPlaceholder(name, known: values.keys.sorted(), at: location)
        }
        var result = value
        for filterName in parts.dropFirst() {
            guard let filter = PlaceholderFilter(rawValue: filterName) else {
                throw TemplateError.unknownFilter(filterName, at: location)
            }
            result = filter.apply(result)
        }
        return result
    }

    private func advance(_ line: inout Int, _ column: inout Int, over text: Substring) {
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }
}
