/// Shell completion scripts generated from the command tree, so completion never drifts from
/// what the parser accepts.
///
/// Both scripts work the same way: walk the words before the cursor to find the command path
/// (skipping options and the values of options that take one), then offer that command's
/// subcommands, positional choices or files, option names, or the choices of the option
/// just typed.
struct CompletionScript {
    /// The shells scripts can be generated for.
    enum Shell: String, CaseIterable, Sendable {
        case bash
        case zsh
    }

    /// One command of the tree, flattened.
    struct Node {
        /// `labctl check yaml`.
        let commandLine: String
        let command: CommandSpec
        let options: [OptionSpec]
    }

    let root: CommandSpec
    /// Every command in preorder (the root first).
    let nodes: [Node]
    /// Offered for ``PositionalSpec/Completion/labs`` positionals and option values.
    let labIDs: [String]

    init(root: CommandSpec, labIDs: [String] = []) {
        self.root = root
        self.labIDs = labIDs
        var nodes: [Node] = []
        func visit(_ path: [CommandSpec]) {
            guard let command = path.last else { return }
            nodes.append(Node(commandLine: path.map(\.name).joined(separator: " "), command: command,
                              options: CommandSpec.availableOptions(at: path)))
            for sub in command.subcommands { visit(path + [sub]) }
        }
        visit([root])
        self.nodes = nodes
    }

    /// The script for `shell`.
    func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash()
        case .zsh: return zsh()
        }
    }

    // MARK: - Shared pieces

    /// Every spelling of every option that takes a value, anywhere in the tree (sorted, unique).
    var valueOptionSpellings: [String] {
        Set(nodes.flatMap { $0.options.filter(\.takesValue).flatMap(\.spellings) }).sorted()
    }

    /// Command lines of every non-root command, for recognising subcommands while walking words.
    var subcommandLines: [String] { nodes.dropFirst().map(\.commandLine) }

    /// The body of the loop over the words before the cursor (`$word`), the same in bash and zsh:
    /// skips options and the value of those that take one, and follows `$cmd` down the command tree.
    var wordWalk: String {
        var out = """
                if (( skip )); then skip=0; continue; fi
                case "$word" in
                    --) break ;;
                    --*=*) continue ;;

        """
        let valueOptions = valueOptionSpellings
        if !valueOptions.isEmpty {
            out += "            \(valueOptions.joined(separator: "|"))) skip=1; continue ;;\n"
        }
        out += "            -*) continue ;;\n        esac\n"
        if !subcommandLines.isEmpty {
            out += "        case \"$cmd $word\" in\n"
            out += "            \(subcommandLines.map(Self.quoted).joined(separator: "|"))) cmd=\"$cmd $word\" ;;\n"
            out += "        esac\n"
        }
        return out
    }

    /// Plain words offered at a non-option position: subcommands, positional choices, and the root's
    /// commands for positionals that complete command names.
    func words(for node: Node) -> [String] {
        var words = node.command.subcommands.map(\.name)
        for positional in node.command.positionals {
            words += positional.choices
            if positional.completion == .commands { words += root.subcommands.map(\.name) }
            if positional.completion == .labs { words += labIDs }
        }
        return words
    }

    /// The fixed words offered for the value of `option` (its choices, or lab ids), or `nil` for files.
    func valueWords(for option: OptionSpec) -> [String]? {
        if !option.choices.isEmpty { return option.choices }
        if option.completion == .labs { return labIDs }
        return option.completion == .files ? nil : []
    }

    /// Whether a non-option position completes file names.
    func completesFiles(_ node: Node) -> Bool {
        node.command.positionals.contains { $0.completion == .files }
    }

    /// `text` in single quotes, safe in both bash and zsh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The function name for the root command (`_labctl`), with anything unusual replaced.
    var functionName: String {
        "_" + String(root.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
