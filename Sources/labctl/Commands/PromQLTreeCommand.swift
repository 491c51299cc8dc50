import PromQL

/// `labctl promql tree EXPR|-`: an indented dump of the syntax tree with node kinds, key fields,
/// types and source ranges.
enum PromQLTreeCommand {
    static let spec = CommandSpec(
        name: "tree",
        summary: "Show the syntax tree of a PromQL expression",
        discussion: """
        One node per line, children indented by two spaces: the node kind, its key fields, its type in
        <angle brackets> and its source range as line:col-line:col (1-based, counting bytes like
        Prometheus's messages; the end is the node's last character).
        """,
        examples: [
            .init("labctl promql tree 'sum by (job) (rate(x[5m]))'", "Show the tree of an expression"),
            .init("labctl promql tree - < rule.promql", "Positions of a multi-line expression"),
        ],
        options: [PromQLCommand.experimental],
        positionals: [PromQLCommand.expression],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let query = try PromQLCommand.readQuery(arguments, console)
        switch PromQLCommand.parse(query, arguments) {
        case .success(let expr):
            console.out(PrettyPrinter().tree(expr, source: query.text))
            return .success
        case .failure(let errors):
            return PromQLCommand.reportText(errors, console)
        }
    }
}
