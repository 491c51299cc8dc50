/// Renders diagnostics as `file:line:col: severity: [code] message` lines.
///
/// With ``Options/showSource`` the offending source line follows, with a caret under the column;
/// notes are indented under their diagnostic. ANSI colours are used only when ``Options/colors``
/// is set (the CLI sets it for terminals without `NO_COLOR`).
public struct TextDiagnosticRenderer: DiagnosticRenderer {
    /// What to include besides the diagnostic lines.
    public struct Options: Sendable, Hashable {
        /// Quote the source line with a caret under the column.
        public var showSource: Bool
        /// Use ANSI colours.
        public var colors: Bool
        /// End with a one-line summary such as `2 errors, 1 warning in 3 files`.
        public var showSummary: Bool
        /// The language of the words the renderer adds (severities, `note`, the summary); messages
        /// are translated beforehand with ``MessageCatalog/localized(_:in:)-(DiagnosticReport,_)``.
        public var language: Language

        public init(showSource: Bool = false, colors: Bool = false, showSummary: Bool = false,
                    language: Language = .en) {
            self.showSource = showSource
            self.colors = colors
            self.showSummary = showSummary
            self.language = language
        }
    }

    /// Quoted lines longer than this many characters are cut to a window around the column.
    public static let maxQuotedWidth = 160

    public var options: Options
    public var sources: SourceCache

    /// A renderer; `sources` supplies the lines quoted under each message when `options.showSource` is on.
    public init(options: Options = Options(), sources: SourceCache = SourceCache(readsFromDisk: false)) {
        self.options = options
        self.sources = sources
    }

    // MARK: - Rendering

    public func render(_ report: DiagnosticReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += render(diagnostic)
        }
        if options.showSummary {
            out += Self.summary(of: report, in: options.language) + "\n"
        }
        return out
    }

    /// One diagnostic with its quoted source line and notes, newline-terminated.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location {
            out += paint(Self.sanitize(location.description) + ": ", Style.bold)
        }
        out += paint("\(Self.word(for: diagnostic.severity, in: options.language)):", style(for: diagnostic.severity))
        out += paint(" [\(diagnostic.code)]", Style.dim)
        out += " " + Self.sanitize(diagnostic.message) + "\n"
        if options.showSource, let location = diagnostic.location {
            out += quote(location)
        }
        for note in diagnostic.notes {
            out += "  "
            if let location = note.location {
                out += paint(Self.sanitize(location.description) + ": ", Style.bold)
            }
            out += paint(options.language.say("note:"), Style.note) + " " + Self.sanitize(note.message) + "\n"
        }
        return out
    }

    /// The severity as printed: `error`/`warning`/`info`; in Spanish `error`/`aviso`/`info`
    /// (the words compilers use in Spanish; `--format json` always has the English ones).
    public static func word(for severity: Severity, in language: Language) -> String {
        guard language == .es else { return severity.rawValue }
        switch severity {
        case .error: return "error"
        case .warning: return "aviso"
        case .info: return "info"
        }
    }

    /// `no problems found in 1 file`, `1 error, 2 warnings in 3 files`, … (Spanish: `no se han encontrado problemas
    /// en 1 archivo`, `1 error, 2 avisos en 3 archivos`).
    public static func summary(of report: DiagnosticReport, in language: Language) -> String {
        guard language == .es else { return summary(of: report) }
        var parts: [String] = []
        let counts = [(report.errorCount, "error", "errores"), (report.warningCount, "aviso", "avisos"),
                      (report.infoCount, "info", "info")]
        for (n, one, many) in counts where n > 0 {
            parts.append("\(n) \(n == 1 ? one : many)")
        }
        let found = parts.isEmpty ? "no se han encontrado problemas" : parts.joined(separator: ", ")
        let n = report.files.count
        return n == 0 ? found : "\(found) en \(n) archivo\(n == 1 ? "" : "s")"
    }

    /// `no problems found in 1 file`, `1 error, 2 warnings in 3 files`, …
    public static func summary(of report: DiagnosticReport) -> String {
        var parts: [String] = []
        let counts = [(report.errorCount, "error"), (report.warningCount, "warning"), (report.infoCount, "info")]
        for (n, word) in counts where n > 0 {
            parts.append("\(n) \(word)\(n == 1 || word == "info" ? "" : "s")")
        }
        let found = parts.isEmpty ? "no problems found" : parts.joined(separator: ", ")
        let n = report.files.count
        return n == 0 ? found : "\(found) in \(n) file\(n == 1 ? "" : "s")"
    }

    // MARK: - Source excerpt

    private func quote(_ location: SourceLocation) -> String {
        guard let line = sources.source(for: location.file)?.line(location.line) else { return "" }
        return Self.excerpt(line: String(line), number: location.line, column: location.column, colors: options.colors)
    }

    /// ` 3 | text` and `   | ` with a caret under the 1-based scalar `column` of `line` (control
    /// characters shown as `?`, lines longer than ``maxQuotedWidth`` cut to a window around the
    /// column), newline-terminated: the excerpt under every diagnostic, also for callers that print
    /// their own message line (PromQL parse errors).
    public static func excerpt(line: String, number: Int, column: Int, colors: Bool = false) -> String {
        var scalars = Array(line.unicodeScalars)
        var caretIndex = max(0, min(column - 1, scalars.count))
        var prefix = "", suffix = ""
        if scalars.count > Self.maxQuotedWidth {
            let half = Self.maxQuotedWidth / 2
            let start = max(0, min(caretIndex - half, scalars.count - Self.maxQuotedWidth))
            let end = min(scalars.count, start + Self.maxQuotedWidth)
            if start > 0 { prefix = "..." }
            if end < scalars.count { suffix = "..." }
            scalars = Array(scalars[start..<end])
            caretIndex -= start
        }
        let number = String(number)
        let gutter = String(repeating: " ", count: number.count)
        var shown = String.UnicodeScalarView()
        var padding = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let clean: Unicode.Scalar = Self.isControl(scalar) && scalar != "\t" ? "?" : scalar
            shown.append(clean)
            if i < caretIndex { padding.append(scalar == "\t" ? "\t" : " ") }
        }
        func paint(_ text: String, _ style: String) -> String { colors ? style + text + Style.reset : text }
        let pad = String(repeating: " ", count: prefix.count) + String(padding)
        var out = paint(" \(number) | ", Style.gutter) + prefix + String(shown) + suffix + "\n"
        out += paint(" \(gutter) | ", Style.gutter) + pad + paint("^", Style.caret) + "\n"
        return out
    }

    // MARK: - Colours

    private enum Style {
        static let bold = "\u{1B}[1m"
        static let dim = "\u{1B}[2m"
        static let error = "\u{1B}[1;31m"
        static let warning = "\u{1B}[1;33m"
        static let note = "\u{1B}[1;36m"
        static let gutter = "\u{1B}[34m"
        static let caret = "\u{1B}[1;32m"
        static let reset = "\u{1B}[0m"
    }

    private func style(for severity: Severity) -> String {
        switch severity {
        case .error: return Style.error
        case .warning: return Style.warning
        case .info: return Style.note
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        options.colors ? style + text + Style.reset : text
    }

    // MARK: - Sanitising

    /// Keeps a message on one line and stops input text from driving the terminal: line breaks
    /// become spaces, other control characters (except tab) become `?`.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out.append(scalar)
            case "\n", "\r": out.append(" ")
            default: out.append(isControl(scalar) ? "?" : scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
