/// One positional argument of a command, such as `FILE...` or `SHELL`.
struct PositionalSpec: Sendable, Hashable {
    /// How many values the argument takes.
    enum Arity: Sendable, Hashable {
        case one
        case optional
        case zeroOrMore
        case oneOrMore

        var isVariadic: Bool { self == .zeroOrMore || self == .oneOrMore }
        var isRequired: Bool { self == .one || self == .oneOrMore }
    }

    /// What shells offer when completing this argument.
    enum Completion: Sendable, Hashable {
        case none
        case files
        /// The root's command names (for `help COMMAND`).
        case commands
        /// The lab ids of the installed catalogue, as they are when the script is generated.
        case labs
    }

    /// The name shown in usage and help, upper case by convention (`FILE`).
    let name: String
    let help: String
    let arity: Arity
    /// Allowed values; empty means any value. Shells complete them.
    let choices: [String]
    let completion: Completion

    init(_ name: String, help: String, arity: Arity = .one, choices: [String] = [],
         completion: Completion = .none) {
        self.name = name
        self.help = help
        self.arity = arity
        self.choices = choices
        self.completion = completion
    }

    /// Input files, where `-` means standard input.
    static func files(_ name: String = "FILE", help: String = "Files to read; - reads standard input.",
                      arity: Arity = .oneOrMore) -> PositionalSpec {
        PositionalSpec(name, help: help, arity: arity, completion: .files)
    }

    /// `NAME`, `[NAME]`, `NAME...` or `[NAME...]`.
    var usage: String {
        switch arity {
        case .one: return name
        case .optional: return "[\(name)]"
        case .oneOrMore: return "\(name)..."
        case .zeroOrMore: return "[\(name)...]"
        }
    }
}
