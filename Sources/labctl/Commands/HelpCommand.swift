import Diagnostics

/// `labctl help [COMMAND...]`: the same help as `labctl COMMAND... --help`.
enum HelpCommand {
    static let spec = CommandSpec(
        name: "help",
        summary: "Show help for a command",
        examples: [
            .init("labctl help", "List the commands"),
            .init("labctl help completion", "Show help for 'labctl completion'"),
        ],
        positionals: [
            PositionalSpec("COMMAND", help: "The command (and subcommands) to explain",
                           arity: .zeroOrMore, completion: .commands),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let root = arguments.root else { return .failure }
        var path = [root]
        for name in arguments.positional("COMMAND") {
            guard let current = path.last, let next = current.subcommand(named: name) else {
                let names = path.map(\.name)
                let hint = ArgumentParser.didYouMean(name, in: path.last?.subcommands.map(\.name) ?? [])
                throw CLIError.usage("unknown command '\(name)' for '\(names.joined(separator: " "))'\(hint)",
                                     commandPath: names)
            }
            path.append(next)
        }
        console.out(HelpPrinter().help(for: path))
        return .success
    }
}
