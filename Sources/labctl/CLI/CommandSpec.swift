/// A command or command group of the CLI, as plain data: the parser, help, shell completion and
/// `labctl help` are all driven by a tree of these values (see `CommandTable`).
///
/// A command has a `run` closure; a group has `subcommands` (it may have both, in which case
/// arguments that are not subcommand names are its positionals).
struct CommandSpec: Sendable {
    /// What a command does with its parsed arguments. Results go to `console.out`, diagnostics and
    /// errors to `console.err`; throw ``CLIError`` for usage errors and failures.
    typealias Run = @Sendable (ParsedArguments, Console) throws -> ExitCode

    /// An example invocation shown in help: the command line and what it does.
    struct Example: Sendable, Hashable {
        let command: String
        let explanation: String

        init(_ command: String, _ explanation: String) {
            self.command = command
            self.explanation = explanation
        }
    }

    let name: String
    /// One line, no final period, shown in command lists.
    let summary: String
    /// Extra paragraphs shown in this command's help.
    let discussion: String?
    /// Usage lines without the command path; generated from options and positionals when empty.
    let usage: [String]
    let examples: [Example]
    let options: [OptionSpec]
    let positionals: [PositionalSpec]
    let subcommands: [CommandSpec]
    let run: Run?

    init(name: String, summary: String, discussion: String? = nil, usage: [String] = [],
         examples: [Example] = [], options: [OptionSpec] = [], positionals: [PositionalSpec] = [],
         subcommands: [CommandSpec] = [], run: Run? = nil) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.usage = usage
        self.examples = examples
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.run = run
    }

    /// The direct subcommand called `name`.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// Whether the command needs a subcommand to do anything.
    var isGroup: Bool { run == nil && !subcommands.isEmpty }
}

// MARK: - Built-in options

extension CommandSpec {
    /// `-h, --help`, accepted by every command.
    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help for this command")
    /// `--version`, accepted by the root command.
    static let versionOption = OptionSpec.flag("version", help: "Print the version and exit")

    /// Every option valid at the end of `path` (root first): the command's own, those inherited from
    /// its ancestors, `--help`, and `--version` on the root. A command's own option wins over an
    /// inherited one with the same name.
    static func availableOptions(at path: [CommandSpec]) -> [OptionSpec] {
        guard let command = path.last else { return [] }
        var result = command.options
        var names = Set(result.map(\.long))
        for ancestor in path.dropLast().reversed() {
            for option in ancestor.options where option.inherited && names.insert(option.long).inserted {
                result.append(option)
            }
        }
        if names.insert(helpOption.long).inserted { result.append(helpOption) }
        if path.count == 1, names.insert(versionOption.long).inserted { result.append(versionOption) }
        return result
    }
}
