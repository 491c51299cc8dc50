import Diagnostics

// MARK: - Binding positionals to their specs

extension ArgumentParser {
    /// Assigns `values` to `specs` in order. Optional and variadic specs leave enough values for the
    /// required specs after them. Throws for missing, extra or invalid values.
    func bind(_ values: [String], to specs: [PositionalSpec], path: [CommandSpec]) throws -> [String: [String]] {
        let names = path.map(\.name)
        let commandLine = names.joined(separator: " ")
        var bound: [String: [String]] = [:]
        var next = 0
        for (i, spec) in specs.enumerated() {
            let laterRequired = specs[(i + 1)...].filter { $0.arity.isRequired }.count
            let available = max(0, values.count - next - laterRequired)
            let take: Int
            switch spec.arity {
            case .one: take = min(1, values.count - next)
            case .optional: take = min(1, available)
            case .zeroOrMore, .oneOrMore: take = available
            }
            if spec.arity.isRequired, take == 0 {
                throw CLIError.usage("missing argument \(spec.usage) for '\(commandLine)'", commandPath: names)
            }
            let slice = Array(values[next..<(next + take)])
            for value in slice where !spec.choices.isEmpty && !spec.choices.contains(value) {
                let hint = ArgumentParser.didYouMean(value, in: spec.choices)
                throw CLIError.usage(
                    "invalid \(spec.name) '\(value)': expected one of \(spec.choices.joined(separator: ", "))\(hint)",
                    commandPath: names)
            }
            bound[spec.name] = slice
            next += take
        }
        if next < values.count {
            throw CLIError.usage("unexpected argument '\(values[next])' for '\(commandLine)'", commandPath: names)
        }
        return bound
    }
}
