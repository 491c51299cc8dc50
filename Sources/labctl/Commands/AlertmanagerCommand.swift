import ConfigModel
import Diagnostics
import Runtime

/// `labctl alertmanager routes show|test`: Alertmanager's routing tree, like `amtool config routes`.
enum AlertmanagerCommand {
    static let spec = CommandSpec(
        name: "alertmanager",
        summary: "Inspect Alertmanager routing like amtool",
        discussion: """
        Works on a local alertmanager.yml, with the routing semantics of Alertmanager's dispatcher
        (nested routes, continue, inherited receiver and grouping, match, match_re and matchers).
        Output follows amtool 0.25.
        """,
        examples: [
            .init("labctl alertmanager routes show --config alertmanager.yml", "Print the routing tree"),
            .init("labctl alertmanager routes test --config alertmanager.yml severity=critical",
                  "Print the receivers an alert goes to"),
        ],
        subcommands: [routes]
    )

    static let routes = CommandSpec(
        name: "routes",
        summary: "Show the routing tree or test where alerts go",
        examples: [
            .init("labctl alertmanager routes show --config alertmanager.yml", "Print the routing tree"),
            .init("labctl alertmanager routes test --config alertmanager.yml --tree team=db", "Show the matching routes"),
        ],
        subcommands: [AlertmanagerRoutesShowCommand.spec, AlertmanagerRoutesTestCommand.spec]
    )

    // MARK: - Shared options

    /// `--config FILE` (amtool spells it `--config.file`; both are accepted).
    static let configOptions: [OptionSpec] = [
        .option("config", valueName: "FILE", help: "The alertmanager.yml to read"),
        .option("config.file", valueName: "FILE", help: "Same as --config (amtool's spelling)"),
    ]

    /// The routing tree of the file given with `--config`, or a failure after printing the errors.
    static func loadRoute(_ arguments: ParsedArguments, _ console: Console) throws -> AlertRoute {
        guard let path = arguments.value("config") ?? arguments.value("config.file") else {
            throw CLIError.usage("missing --config FILE", commandPath: arguments.path.map(\.name))
        }
        let (config, diagnostics) = AlertmanagerConfig.load(path: path).parts
        let errors = diagnostics.filter { $0.severity == .error }
        for d in errors { console.err(d.description + "\n") }
        guard let config, errors.isEmpty else {
            throw CLIError.failure("invalid configuration \(path)")
        }
        guard let route = config.route else { throw CLIError.failure("\(path): no routes provided") }
        return AlertRoute(config: route)
    }
}
