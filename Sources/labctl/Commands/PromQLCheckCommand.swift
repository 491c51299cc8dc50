import ConfigModel
import Diagnostics
import PromQL

/// `labctl promql check EXPR|-`: parses and type-checks one expression.
///
/// Valid: prints `valid (TYPE): CANONICAL` and exits 0. Invalid: prints Prometheus's
/// `line:col: parse error: message` on stderr and exits 1. With `--format json` one JSON object
/// goes to stdout in both cases.
enum PromQLCheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Check that a PromQL expression parses and type-checks",
        discussion: """
        Prints 'valid (TYPE): CANONICAL', the expression's type and its canonical one-line form, and
        exits with 0; or prints the parse error and exits with 1. With --format json, one object
        {"valid", "source", "type", "canonical", "diagnostics"} goes to stdout either way.
        """,
        examples: [
            .init("labctl promql check 'rate(http_requests_total[5m])'", "Check an expression"),
            .init("echo 'sum(up' | labctl promql check -", "Check standard input"),
            .init("labctl promql check -x 'limitk(2, up)'", "Allow experimental functions"),
            .init("labctl promql check --format json 'up == 1'", "Machine-readable result"),
        ],
        options: [
            PromQLCommand.experimental,
            .option("format", short: "f", valueName: "FORMAT", help: "Output format",
                    choices: ["text", "json"], defaultValue: "text"),
            .language,
        ],
        positionals: [PromQLCommand.expression],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let query = try PromQLCommand.readQuery(arguments, console)
        let result = PromQLCommand.parse(query, arguments).mapError(GrafanaVariableHint.adding)
        let language = arguments.language(console)
        if arguments.value("format") == "json" {
            console.out(json(result, query, language: language))
            if case .failure = result { return .failure }
            return .success
        }
        switch result {
        case .success(let expr):
            console.out(language.say("valid") + " (\(expr.type.documentedName)): \(PromQLCommand.sanitize(expr.description))\n")
            return .success
        case .failure(let errors):
            return PromQLCommand.reportText(errors, console, language: language)
        }
    }

    /// The JSON document for a check.
    static func json(_ result: Result<Expr, ParseErrors>, _ query: SourceText, language: Language = .en) -> String {
        let quoted = JSONDiagnosticRenderer.quoted
        var fields: [String] = []
        switch result {
        case .success(let expr):
            fields = ["\"valid\": true", "\"source\": " + quoted(query.file),
                      "\"type\": " + quoted(expr.type.documentedName),
                      "\"canonical\": " + quoted(expr.description), "\"diagnostics\": []"]
        case .failure(let errors):
            let objects = PromQLCommand.diagnostics(errors, query)
                .map { JSONDiagnosticRenderer().object(for: MessageCatalog.standard.localized($0, in: language)) }
            fields = ["\"valid\": false", "\"source\": " + quoted(query.file), "\"type\": null",
                      "\"canonical\": null", "\"diagnostics\": [" + objects.joined(separator: ", ") + "]"]
        }
        return "{" + fields.joined(separator: ", ") + "}\n"
    }
}
