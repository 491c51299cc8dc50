import Diagnostics

/// Parses a command line against a ``CommandSpec`` tree.
///
/// Conventions: subcommand names come first; options and positionals may then be mixed;
/// `--name value`, `--name=value`, `-n value`, `-nvalue` and clustered short flags (`-ab`) are
/// accepted; `--` ends options; a lone `-` is a positional (standard input). `-h`/`--help` anywhere
/// asks for help on the command reached so far, and `--version` on the root prints the version.
struct ArgumentParser {
    /// What the command line asks for.
    enum Outcome {
        /// Run the command with these arguments.
        case run(ParsedArguments)
        /// Show help for the command at the end of the path.
        case help([CommandSpec])
        /// Print the version.
        case version
        /// A group was named without a subcommand.
        case missingSubcommand([CommandSpec])
    }

    let root: CommandSpec

    init(root: CommandSpec) {
        self.root = root
    }

    // MARK: - Parsing

    /// Parses `arguments` (without the program name); throws a usage ``CLIError``.
    func parse(_ arguments: [String]) throws -> Outcome {
        var state = State(path: [root])
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !optionsEnded, argument == "--" {
                optionsEnded = true
            } else if !optionsEnded, argument.hasPrefix("--") {
                if let early = try parseLong(argument, arguments, &index, &state) { return early }
            } else if !optionsEnded, argument.hasPrefix("-"), argument != "-" {
                if let early = try parseShort(argument, arguments, &index, &state) { return early }
            } else {
                try parsePositional(argument, optionsEnded: optionsEnded, &state)
            }
        }
        guard let command = state.path.last else { return .missingSubcommand(state.path) }
        let bound = try bind(state.positionals, to: command.positionals, path: state.path)
        if command.isGroup { return .missingSubcommand(state.path) }
        return .run(ParsedArguments(path: state.path, optionValues: state.values, flagCounts: state.flags,
                                    positionals: state.positionals, boundPositionals: bound))
    }

    private struct State {
        var path: [CommandSpec]
        var values: [String: [String]] = [:]
        var flags: [String: Int] = [:]
        var positionals: [String] = []

        var names: [String] { path.map(\.name) }
        var options: [OptionSpec] { CommandSpec.availableOptions(at: path) }
    }

    // MARK: - Options

    private func parseLong(_ argument: String, _ arguments: [String], _ index: inout Int,
                           _ state: inout State) throws -> Outcome? {
        let body = argument.dropFirst(2)
        let name: String, inline: String?
        if let eq = body.firstIndex(of: "=") {
            name = String(body[..<eq])
            inline = String(body[body.index(after: eq)...])
        } else {
            name = String(body)
            inline = nil
        }
        let options = state.options
        guard let option = options.first(where: { $0.long == name }) else {
            let hint = ArgumentParser.didYouMean("--" + name, in: options.map { "--" + $0.long })
            throw CLIError.usage("unknown option '--\(name)' for '\(state.names.joined(separator: " "))'\(hint)",
                                 commandPath: state.names)
        }
        if option.takesValue {
            let value = try inline ?? nextValue(for: "--" + name, arguments, &index, state)
            try record(value, for: option, spelled: "--" + name, &state)
            return nil
        }
        if inline != nil {
            throw CLIError.usage("option '--\(name)' does not take a value", commandPath: state.names)
        }
        return record(flag: option, &state)
    }

    private func parseShort(_ argument: String, _ arguments: [String], _ index: inout Int,
                            _ state: inout State) throws -> Outcome? {
        let letters = Array(argument.dropFirst())
        let options = state.options
        var position = 0
        while position < letters.count {
            let letter = letters[position]
            position += 1
            guard let option = options.first(where: { $0.short == letter }) else {
                let whole = String(letters)
                let hint = letters.count > 1 && options.contains { $0.long == whole }
                    ? " (did you mean \"--\(whole)\"?)"
                    : ArgumentParser.didYouMean("--" + whole, in: options.map { "--" + $0.long })
                throw CLIError.usage("unknown option '-\(letter)' for '\(state.names.joined(separator: " "))'\(hint)",
                                     commandPath: state.names)
            }
            if option.takesValue {
                var rest = String(letters[position...])
                if rest.hasPrefix("=") { rest.removeFirst() }
                let value = try rest.isEmpty && position == letters.count
                    ? nextValue(for: "-" + String(letter), arguments, &index, state) : rest
                try record(value, for: option, spelled: "-" + String(letter), &state)
                return nil
            }
            if let early = record(flag: option, &state) { return early }
        }
        return nil
    }

    private func nextValue(for spelling: String, _ arguments: [String], _ index: inout Int,
                           _ state: State) throws -> String {
        guard index < arguments.count else {
            throw CLIError.usage("option '\(spelling)' needs a value", commandPath: state.names)
        }
        index += 1
        return arguments[index - 1]
    }

    private func record(_ value: String, for option: OptionSpec, spelled: String, _ state: inout State) throws {
        if !option.choices.isEmpty, !option.choices.contains(value) {
            let hint = ArgumentParser.didYouMean(value, in: option.choices)
            throw CLIError.usage(
                "invalid value '\(value)' for '\(spelled)': expected one of \(option.choices.joined(separator: ", "))\(hint)",
                commandPath: state.names)
        }
        if option.repeatable {
            state.values[option.long, default: []].append(value)
        } else {
            state.values[option.long] = [value]
        }
    }

    private func record(flag option: OptionSpec, _ state: inout State) -> Outcome? {
        if option.long == CommandSpec.helpOption.long { return .help(state.path) }
        if option.long == CommandSpec.versionOption.long, state.path.count == 1 { return .version }
        state.flags[option.long, default: 0] += 1
        return nil
    }

    // MARK: - Positionals

    private func parsePositional(_ argument: String, optionsEnded: Bool, _ state: inout State) throws {
        if let command = state.path.last, !optionsEnded, state.positionals.isEmpty, !command.subcommands.isEmpty {
            if let sub = command.subcommand(named: argument) {
                state.path.append(sub)
                return
            }
            if command.positionals.isEmpty {
                let hint = ArgumentParser.didYouMean(argument, in: command.subcommands.map(\.name))
                throw CLIError.usage("unknown command '\(argument)' for '\(state.names.joined(separator: " "))'\(hint)",
                                     commandPath: state.names)
            }
        }
        state.positionals.append(argument)
    }
}
