/// One option a command accepts: a flag (`--lint-fatal`) or an option with a value (`--format json`).
///
/// Options are looked up by ``long`` name; a value may follow as the next argument, after `=`
/// (`--format=json`), or glued to the short name (`-fjson`). Options with ``choices`` reject
/// other values with a "did you mean" suggestion, and shells complete them.
struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes, such as `format`.
    let long: String
    /// The one-letter short name, such as `f`.
    let short: Character?
    /// Placeholder shown in help for options that take a value (`FORMAT`); `nil` for flags.
    let valueName: String?
    let help: String
    /// Allowed values; empty means any value.
    let choices: [String]
    /// The value used when the option is not given.
    let defaultValue: String?
    /// May be given more than once (values are collected; flags are counted).
    let repeatable: Bool
    /// Also accepted by every subcommand below the command that declares it.
    let inherited: Bool
    /// What shells offer for the value when there are no ``choices`` (files unless told otherwise).
    var completion: PositionalSpec.Completion = .files

    /// Whether the option takes a value.
    var takesValue: Bool { valueName != nil }

    /// A flag such as `--lint-fatal`.
    static func flag(_ long: String, short: Character? = nil, help: String,
                     repeatable: Bool = false, inherited: Bool = false) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help, choices: [],
                   defaultValue: nil, repeatable: repeatable, inherited: inherited)
    }

    /// An option with a value such as `--format FORMAT`.
    static func option(_ long: String, short: Character? = nil, valueName: String, help: String,
                       choices: [String] = [], defaultValue: String? = nil,
                       repeatable: Bool = false, inherited: Bool = false) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: valueName, help: help, choices: choices,
                   defaultValue: defaultValue, repeatable: repeatable, inherited: inherited)
    }

    /// The same option, its value completed as `completion` by shells.
    func completing(_ completion: PositionalSpec.Completion) -> OptionSpec {
        var copy = self
        copy.completion = completion
        return copy
    }

    /// `--long` and, if any, `-s`.
    var spellings: [String] {
        ["--" + long] + (short.map { ["-" + String($0)] } ?? [])
    }
}
