/// Formats the help text of a command from its ``CommandSpec``: summary, usage, commands,
/// arguments, options and examples.
struct HelpPrinter {
    /// Left columns wider than this put the description on the next line.
    static let maxLabelWidth = 26

    // MARK: - Help

    /// The full help for the command at the end of `path` (root first).
    func help(for path: [CommandSpec]) -> String {
        guard let command = path.last else { return "" }
        let commandLine = path.map(\.name).joined(separator: " ")
        var out = "\(commandLine) - \(command.summary)\n\n"
        out += "Usage:\n" + usageLines(for: path).map { "  \($0)\n" }.joined()
        if let discussion = command.discussion {
            out += "\n" + discussion + (discussion.hasSuffix("\n") ? "" : "\n")
        }
        if !command.subcommands.isEmpty {
            out += "\nCommands:\n" + table(command.subcommands.map { ($0.name, $0.summary) })
        }
        if !command.positionals.isEmpty {
            out += "\nArguments:\n" + table(command.positionals.map { ($0.usage, positionalHelp($0)) })
        }
        let options = CommandSpec.availableOptions(at: path)
        out += "\nOptions:\n" + table(options.map { (label(for: $0), optionHelp($0)) })
        if !command.examples.isEmpty {
            out += "\nExamples:\n"
            for example in command.examples {
                out += "  # \(example.explanation)\n  \(example.command)\n"
            }
        }
        if !command.subcommands.isEmpty {
            out += "\nRun '\(commandLine) <command> --help' for more about a command.\n"
        }
        return out
    }

    /// The usage lines, with the full command path: the spec's own lines or generated ones.
    func usageLines(for path: [CommandSpec]) -> [String] {
        guard let command = path.last else { return [] }
        let commandLine = path.map(\.name).joined(separator: " ")
        if !command.usage.isEmpty { return command.usage.map { "\(commandLine) \($0)" } }
        var lines: [String] = []
        if !command.subcommands.isEmpty { lines.append("\(commandLine) <command> [options]") }
        if command.run != nil {
            let args = command.positionals.map(\.usage)
            lines.append(([commandLine, "[options]"] + args).joined(separator: " "))
        }
        return lines
    }

    // MARK: - Pieces

    private func label(for option: OptionSpec) -> String {
        var text = option.short.map { "-\($0), " } ?? "    "
        text += "--\(option.long)"
        if let valueName = option.valueName { text += " \(valueName)" }
        return text
    }

    private func optionHelp(_ option: OptionSpec) -> String {
        var text = option.help
        if !option.choices.isEmpty { text += " (\(option.choices.joined(separator: "|")))" }
        if let value = option.defaultValue { text += " [default: \(value)]" }
        if option.repeatable { text += " [repeatable]" }
        return text
    }

    private func positionalHelp(_ positional: PositionalSpec) -> String {
        positional.choices.isEmpty
            ? positional.help
            : positional.help + " (\(positional.choices.joined(separator: "|")))"
    }

    /// Two aligned columns, indented by two spaces.
    private func table(_ rows: [(String, String)]) -> String {
        let width = min(Self.maxLabelWidth, rows.map(\.0.count).max() ?? 0)
        var out = ""
        for (label, text) in rows {
            if label.count > width {
                out += "  \(label)\n  \(String(repeating: " ", count: width))  \(text)\n"
            } else {
                out += "  \(label)\(String(repeating: " ", count: width - label.count))  \(text)\n"
            }
        }
        return out
    }
}
