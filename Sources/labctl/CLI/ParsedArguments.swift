/// The result of parsing a command line for one command: option values, flags and positionals.
///
/// Options are looked up by their long name. Values that were not given fall back to the
/// option's default.
struct ParsedArguments: Sendable {
    /// The command path from the root, such as `[labctl, completion]`.
    let path: [CommandSpec]
    /// Option values in the order given, by long name.
    let optionValues: [String: [String]]
    /// How many times each flag was given, by long name.
    let flagCounts: [String: Int]
    /// Positional arguments in order.
    let positionals: [String]
    /// Positional arguments grouped by the ``PositionalSpec`` name they were bound to.
    let boundPositionals: [String: [String]]

    /// The command that runs.
    var command: CommandSpec? { path.last }
    /// The root of the command tree (for `help`).
    var root: CommandSpec? { path.first }
    /// `labctl check yaml`.
    var commandLine: String { path.map(\.name).joined(separator: " ") }

    // MARK: - Lookup

    /// Whether the flag `long` was given.
    func flag(_ long: String) -> Bool { count(long) > 0 }

    /// How many times the flag `long` was given.
    func count(_ long: String) -> Int { flagCounts[long] ?? 0 }

    /// The last value given for `long`, or its default.
    func value(_ long: String) -> String? {
        if let last = optionValues[long]?.last { return last }
        return CommandSpec.availableOptions(at: path).first { $0.long == long }?.defaultValue
    }

    /// Every value given for the repeatable option `long`, in order.
    func values(_ long: String) -> [String] { optionValues[long] ?? [] }

    /// The values bound to the positional named `name`.
    func positional(_ name: String) -> [String] { boundPositionals[name] ?? [] }

    /// The inputs bound to the positional `name`, where `-` means standard input.
    func inputs(_ name: String = "FILE") -> [InputSource] {
        positional(name).map(InputSource.init(argument:))
    }
}
