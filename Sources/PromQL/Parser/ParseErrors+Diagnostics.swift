import Diagnostics

// MARK: - Conversion to labctl diagnostics

extension ParseErrors {
    /// The diagnostic code of PromQL parse and type errors.
    public static let diagnosticCode = "promql/parse-error"

    /// One diagnostic per issue, positioned in the file that embeds the query.
    ///
    /// - Parameters:
    ///   - file: the file name to report.
    ///   - base: where the first character of the query is in that file (for a YAML `expr: foo` value,
    ///     the position of `f`). Defaults to line 1, column 1.
    ///   - continuationIndent: columns to add on the query's second and later lines (the indentation of a
    ///     YAML block scalar), since those lines start at the file's column `continuationIndent + 1`.
    public func diagnostics(file: String, base: SourceLocation? = nil, continuationIndent: Int = 0) -> [Diagnostic] {
        let map = LineMap(query)
        let origin = base ?? SourceLocation(file: file, line: 1, column: 1)
        return issues.map { issue in
            let column = map.scalarColumn(of: issue.span.start)
            let location: SourceLocation
            if issue.line == 1 {
                location = SourceLocation(file: file, line: origin.line, column: origin.column + column - 1)
            } else {
                location = SourceLocation(file: file, line: origin.line + issue.line - 1,
                                          column: continuationIndent + column)
            }
            return Diagnostic.error(ParseErrors.diagnosticCode, issue.message, at: location,
                                    notes: issue.hints.map { Diagnostic.Note($0) })
        }
    }
}
