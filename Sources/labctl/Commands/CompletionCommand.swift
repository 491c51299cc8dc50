/// `labctl completion bash|zsh`: prints a shell completion script for the whole command tree.
enum CompletionCommand {
    static let spec = CommandSpec(
        name: "completion",
        summary: "Print a shell completion script",
        discussion: "The script completes every command, subcommand and option, and the values of options\nwith a fixed set of choices.",
        examples: [
            .init("source <(labctl completion bash)", "Enable completion in the current bash session"),
            .init("labctl completion zsh > \"${fpath[1]}/_labctl\"", "Install zsh completion"),
        ],
        positionals: [
            PositionalSpec("SHELL", help: "The shell to generate for",
                           choices: CompletionScript.Shell.allCases.map(\.rawValue)),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let root = arguments.root else { return .failure }
        guard let name = arguments.positional("SHELL").first, let shell = CompletionScript.Shell(rawValue: name) else {
            throw CLIError.usage("unsupported shell", commandPath: arguments.path.map(\.name))
        }
        console.out(CompletionScript(root: root).script(for: shell))
        return .success
    }
}
