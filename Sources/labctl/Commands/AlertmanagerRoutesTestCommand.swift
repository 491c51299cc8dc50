import ConfigModel
import PromModel
import Runtime

/// `labctl alertmanager routes test --config FILE [--verify.receivers=a,b] [--tree] label=value...`:
/// the receivers an alert with these labels is routed to, as `amtool config routes test`.
enum AlertmanagerRoutesTestCommand {
    static let spec = CommandSpec(
        name: "test",
        summary: "Print the receivers an alert with the given labels goes to",
        discussion: """
        Prints the receivers joined by ',' in routing-tree order. With --verify.receivers, prints
        'WARNING: Expected receivers did not match resolved receivers.' and exits with 1 when they differ.
        Labels are name=value (a value may be double-quoted); other operators are refused.
        """,
        examples: [
            .init("labctl alertmanager routes test --config alertmanager.yml service=database",
                  "Print the receivers"),
            .init("labctl alertmanager routes test --config alertmanager.yml --verify.receivers=team-DB-pager service=database",
                  "Fail unless the alert goes to team-DB-pager"),
            .init("labctl alertmanager routes test --config alertmanager.yml --tree severity=critical",
                  "Also print the matching routes"),
        ],
        options: AlertmanagerCommand.configOptions + [
            .option("verify.receivers", valueName: "RECEIVERS",
                    help: "Expected receivers, comma-separated; exit 1 when they differ"),
            .flag("tree", help: "Print the matching routes"),
        ],
        positionals: [PositionalSpec("LABEL", help: "Alert labels as name=value", arity: .zeroOrMore)],
        run: { arguments, console in
            let route = try AlertmanagerCommand.loadRoute(arguments, console)
            var pairs: [Label] = []
            for text in arguments.positional("LABEL") {
                let (name, value) = try parseLabel(text)
                pairs.removeAll { $0.name == name }
                pairs.append(Label(name, value))
            }
            let labels = Labels(pairs)
            if arguments.flag("tree") { console.out(RouteTreePrinter.matchingTree(route, labels: labels)) }
            let receivers = route.receivers(for: labels).joined(separator: ",")
            console.out(receivers + "\n")
            if let expected = arguments.value("verify.receivers"), !expected.isEmpty, expected != receivers {
                console.out("WARNING: Expected receivers did not match resolved receivers.\n")
                return .failure
            }
            return .success
        }
    )

    // MARK: - Label arguments

    /// One `name=value` argument (see `AlertmanagerMatcherParser.parseLabelArgument`).
    static func parseLabel(_ text: String) throws -> (String, String) {
        do {
            let label = try AlertmanagerMatcherParser().parseLabelArgument(text)
            return (label.name, label.value)
        } catch let error as AlertmanagerMatcherParser.ParseError {
            throw CLIError.failure("Failed to parse labels: \(error.message)")
        }
    }
}
