import LabCatalog

/// `labctl completion bash|zsh`: prints a shell completion script for the whole command tree.
enum CompletionCommand {
    static let spec = CommandSpec(
        name: "completion",
        summary: "Print a shell completion script",
        discussion: "The script completes every command, subcommand and option, the values of options\nwith a fixed set of choices, and lab ids (those installed when the script is generated).",
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
        console.out(CompletionScript(root: root, labIDs: labIDs(console)).script(for: shell))
        return .success
    }

    /// The installed labs' ids, or none when the catalogue cannot be read (the script still works).
    static func labIDs(_ console: Console) -> [String] {
        let environment = console.environment.isEmpty ? ProcessEnvironment.current : console.environment
        return ((try? Catalog.installed(environment: environment))?.labs ?? []).map(\.id)
    }
}
