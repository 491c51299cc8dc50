/// Runs a command line against a command tree: parse, dispatch, print errors, choose the exit code.
struct CommandRunner {
    let root: CommandSpec
    /// Printed by `--version` after the root's name.
    let version: String

    /// Runs `arguments` (without the program name) and returns the exit code. Never throws:
    /// usage errors print on stderr with a hint and give 2; failures print and give 1.
    func run(_ arguments: [String], console: Console) -> ExitCode {
        do {
            switch try ArgumentParser(root: root).parse(arguments) {
            case .help(let path):
                console.out(HelpPrinter().help(for: path))
                return .success
            case .version:
                console.out("\(root.name) \(version)\n")
                return .success
            case .missingSubcommand(let path):
                let names = path.map(\.name)
                console.err("\(root.name): error: '\(names.joined(separator: " "))' needs a command\n\n")
                console.err(HelpPrinter().help(for: path))
                return .usageError
            case .run(let parsed):
                guard let run = parsed.command?.run else { return .usageError }
                return try run(parsed, console)
            }
        } catch let error as CLIError {
            return report(error, console)
        } catch {
            console.err("\(root.name): error: \(error)\n")
            return .failure
        }
    }

    private func report(_ error: CLIError, _ console: Console) -> ExitCode {
        console.err("\(root.name): error: \(error.message)\n")
        if error.isUsageError {
            let command = error.commandPath.isEmpty ? root.name : error.commandPath.joined(separator: " ")
            console.err("Run '\(command) --help' for usage.\n")
        }
        return error.exitCode
    }
}
