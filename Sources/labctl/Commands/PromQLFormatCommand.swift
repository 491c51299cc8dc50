import PromQL

/// `labctl promql format EXPR|-`: prints an expression pretty-printed like `promtool promql format`
/// (lines of at most 100 characters, two-space indentation), or in canonical one-line form.
enum PromQLFormatCommand {
    static let spec = CommandSpec(
        name: "format",
        summary: "Pretty-print a PromQL expression",
        discussion: """
        Long expressions are broken over lines as Prometheus's formatter does: a node whose one-line
        form is longer than the width is split, with two spaces of indentation per level. The output
        parses back to the same expression.
        """,
        examples: [
            .init("labctl promql format 'sum(rate(x[5m])) by (job)'", "Prints 'sum by (job) (rate(x[5m]))'"),
            .init("labctl promql format - < alert.promql", "Format an expression read from standard input"),
            .init("labctl promql format --canonical -", "One-line canonical form"),
        ],
        options: [
            PromQLCommand.experimental,
            .flag("canonical", short: "c", help: "Print the canonical one-line form instead"),
            .option("width", short: "w", valueName: "N",
                    help: "Split nodes longer than N characters", defaultValue: String(PrettyPrinter.defaultMaxWidth)),
        ],
        positionals: [PromQLCommand.expression],
        run: run
    )

    /// The widest line width accepted by `--width`.
    static let maxWidth = 1 << 20

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let widthText = arguments.value("width") ?? ""
        guard let width = Int(widthText), width >= 1, width <= maxWidth else {
            throw CLIError.usage("invalid value '\(widthText)' for '--width': expected a number from 1 to \(maxWidth)",
                                 commandPath: arguments.path.map(\.name))
        }
        let query = try PromQLCommand.readQuery(arguments, console)
        switch PromQLCommand.parse(query, arguments) {
        case .success(let expr):
            let text = arguments.flag("canonical") ? expr.description : PrettyPrinter(maxWidth: width).format(expr)
            console.out(text + "\n")
            return .success
        case .failure(let errors):
            return PromQLCommand.reportText(errors, console)
        }
    }
}
