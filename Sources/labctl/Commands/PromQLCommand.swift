import Diagnostics
import PromQL

/// `labctl promql check|format|tree`: work on one PromQL expression given on the command line or,
/// with `-`, read from standard input.
enum PromQLCommand {
    static let spec = CommandSpec(
        name: "promql",
        summary: "Check, format and inspect PromQL expressions",
        discussion: """
        EXPR is the expression itself; '-' reads it from standard input (it may span several lines,
        and positions in messages count from its first line). Parse errors print Prometheus's
        'line:col: parse error: message' on stderr, with the line and a caret when stderr is a terminal,
        and exit with 1.
        """,
        examples: [
            .init("labctl promql check 'sum by (job) (rate(http_requests_total[5m]))'", "Check an expression"),
            .init("labctl promql format - < query.promql", "Pretty-print an expression read from a file"),
            .init("labctl promql tree 'a / on (job) b'", "Show the syntax tree"),
        ],
        subcommands: [PromQLCheckCommand.spec, PromQLFormatCommand.spec, PromQLTreeCommand.spec]
    )

    // MARK: - Shared options

    /// `EXPR`: the expression, or `-` for standard input.
    static let expression = PositionalSpec("EXPR", help: "The PromQL expression; - reads standard input")

    /// `-x, --experimental`: experimental functions and syntax.
    static let experimental = OptionSpec.flag(
        "experimental", short: "x",
        help: "Enable experimental functions (limitk, …) and syntax (anchored, smoothed, fill)")

    /// The parser options chosen on the command line.
    static func parserOptions(_ arguments: ParsedArguments) -> ParserOptions {
        arguments.flag(experimental.long) ? .allExperimental : .standard
    }

    // MARK: - Input

    /// The name used for an expression given as an argument.
    static let argumentName = "<query>"

    /// The expression text: the `EXPR` argument, or standard input for `-`.
    static func readQuery(_ arguments: ParsedArguments, _ console: Console) throws -> SourceText {
        let argument = arguments.positional(expression.name).first ?? ""
        if argument == "-" {
            // The newline `echo` or an editor ends the input with is not part of the expression:
            // "unexpected end of input" then points at the end of the last line, not at line 2.
            let source = try InputSource.standardInput.read(using: console)
            var text = source.text.unicodeScalars
            while let last = text.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
                text.removeLast()
            }
            return SourceText(file: source.file, text: String(text))
        }
        return SourceText(file: argumentName, text: argument)
    }

    /// The parsed tree, or the parse errors, for the query of `arguments`.
    static func parse(_ query: SourceText, _ arguments: ParsedArguments) -> Result<Expr, ParseErrors> {
        do {
            return .success(try Parser(options: parserOptions(arguments)).parseExpr(query.text))
        } catch let errors as ParseErrors {
            return .failure(errors)
        } catch {
            return .failure(ParseErrors(issues: [], query: query.text))
        }
    }

    // MARK: - Reporting parse errors

    /// Prints each issue as Prometheus does (`1:5: parse error: message`) on stderr, followed by the
    /// offending line and a caret when stderr is a terminal. Returns the failure exit code.
    /// In Spanish (`language`), messages and notes come from ``MessageCatalog`` and `parse error` is
    /// `error de sintaxis`; positions are the same.
    static func reportText(_ errors: ParseErrors, _ console: Console, language: Language = .en) -> ExitCode {
        guard !errors.issues.isEmpty else {
            console.err(errors.description + "\n")
            return .failure
        }
        let catalog = MessageCatalog.standard, code = ParseErrors.diagnosticCode
        let lines = errors.query.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let map = LineMap(errors.query)
        for issue in errors.issues {
            if language == .es {
                let message = catalog.message(issue.message, code: code, in: .es) ?? issue.message
                console.err(sanitize("\(issue.line):\(issue.column): error de sintaxis: \(message)") + "\n")
            } else {
                console.err(sanitize(issue.description) + "\n")
            }
            if console.stderrIsTerminal, issue.line >= 1, issue.line <= lines.count {
                var scalars = lines[issue.line - 1]
                if scalars.last == "\r" { scalars = scalars.dropLast() }
                let line = String(String.UnicodeScalarView(scalars))
                console.err(TextDiagnosticRenderer.excerpt(line: line, number: issue.line,
                                                           column: map.scalarColumn(of: issue.span.start)))
            }
            for hint in issue.hints {
                let text = catalog.note(hint, code: code, in: language) ?? hint
                console.err(language.say("  note: ") + sanitize(text) + "\n")
            }
        }
        return .failure
    }

    /// Keeps a message on one line and free of terminal control characters.
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": out.append(" ")
            case "\t": out.append(scalar)
            default: out.append(scalar.properties.generalCategory == .control ? "?" : scalar)
            }
        }
        return String(out)
    }

    /// The diagnostics for `errors` in the input `query` (for JSON output).
    static func diagnostics(_ errors: ParseErrors, _ query: SourceText) -> [Diagnostic] {
        guard !errors.issues.isEmpty else {
            return [.error(ParseErrors.diagnosticCode, errors.description,
                           at: SourceLocation(file: query.file, line: 1, column: 1))]
        }
        return errors.diagnostics(file: query.file)
    }
}
