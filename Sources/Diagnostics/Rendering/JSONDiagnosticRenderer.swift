/// Renders a report as one JSON document:
///
/// ```json
/// {
///   "files": ["rules.yml"],
///   "diagnostics": [
///     {"severity": "error", "code": "…", "message": "…", "file": "rules.yml", "line": 3, "column": 5,
///      "notes": [{"message": "…", "file": null, "line": null, "column": null}]}
///   ],
///   "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
/// }
/// ```
///
/// Keys always appear in this order and unknown positions are `null`, so the output is stable.
public struct JSONDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    // MARK: - Rendering

    /// The report as one JSON object: the files checked, every diagnostic with its location and notes, and the counts.
    public func render(_ report: DiagnosticReport) -> String {
        var out = "{\n"
        out += "  \"files\": [" + report.files.map(Self.quoted).joined(separator: ", ") + "],\n"
        if report.diagnostics.isEmpty {
            out += "  \"diagnostics\": [],\n"
        } else {
            out += "  \"diagnostics\": [\n"
            out += report.diagnostics.map { "    " + object(for: $0) }.joined(separator: ",\n")
            out += "\n  ],\n"
        }
        out += "  \"summary\": {\"files\": \(report.files.count), \"errors\": \(report.errorCount), "
        out += "\"warnings\": \(report.warningCount), \"infos\": \(report.infoCount)}\n"
        out += "}\n"
        return out
    }

    /// One diagnostic as a single-line JSON object.
    public func object(for diagnostic: Diagnostic) -> String {
        var fields = [
            "\"severity\": " + Self.quoted(diagnostic.severity.rawValue),
            "\"code\": " + Self.quoted(diagnostic.code),
            "\"message\": " + Self.quoted(diagnostic.message),
        ]
        fields.append(contentsOf: Self.locationFields(diagnostic.location))
        let notes = diagnostic.notes.map { note in
            "{" + (["\"message\": " + Self.quoted(note.message)] + Self.locationFields(note.location))
                .joined(separator: ", ") + "}"
        }
        fields.append("\"notes\": [" + notes.joined(separator: ", ") + "]")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func locationFields(_ location: SourceLocation?) -> [String] {
        guard let location else { return ["\"file\": null", "\"line\": null", "\"column\": null"] }
        return ["\"file\": " + quoted(location.file), "\"line\": \(location.line)", "\"column\": \(location.column)"]
    }

    // MARK: - Escaping

    /// `text` as a JSON string literal (see `JSONString.quote`).
    public static func quoted(_ text: String) -> String { JSONString.quote(text) }
}
