import ConfigModel
import PromModel
import Runtime

/// `labctl alertmanager routes test --config FILE [--verify.receivers=a,b] [--tree] label=value...`:
/// the receivers an alert with these labels is routed to, as `amtool config routes test`.
enum AlertmanagerRoutesTestCommand {
    static let spec = CommandSpec(
        name: "test",
        summary: "Print the receivers an alert with the given labels goes to",
        discussion: """
        Prints the receivers joined by ',' in routing-tree order. With --verify.receivers, prints
        'WARNING: Expected receivers did not match resolved receivers.' and exits with 1 when they differ.
        Labels are name=value (a value may be double-quoted); other operators are refused.
        """,
        examples: [
            .init("labctl alertmanager routes test --config alertmanager.yml service=database",
                  "Print the receivers"),
            .init("labctl alertmanager routes test --config alertmanager.yml --verify.receivers=team-DB-pager service=database",
                  "Fail unless the alert goes to team-DB-pager"),
            .init("labctl alertmanager routes test --config alertmanager.yml --tree severity=critical",
                  "Also print the matching routes"),
        ],
        options: AlertmanagerCommand.configOptions + [
            .option("verify.receivers", valueName: "RECEIVERS",
                    help: "Expected receivers, comma-separated; exit 1 when they differ"),
            .flag("tree", help: "Print the matching routes"),
        ],
        positionals: [PositionalSpec("LABEL", help: "Alert labels as name=value", arity: .zeroOrMore)],
        run: { arguments, console in
            let route = try AlertmanagerCommand.loadRoute(arguments, console)
            var pairs: [Label] = []
            for text in arguments.positional("LABEL") {
                let (name, value) = try parseLabel(text)
                pairs.removeAll { $0.name == name }
                pairs.append(Label(name, value))
            }
            let labels = Labels(pairs)
            if arguments.flag("tree") { console.out(RouteTreePrinter.matchingTree(route, labels: labels)) }
            let receivers = route.receivers(for: labels).joined(separator: ",")
            console.out(receivers + "\n")
            if let expected = arguments.value("verify.receivers"), !expected.isEmpty, expected != receivers {
                console.out("WARNING: Expected receivers did not match resolved receivers.\n")
                return .failure
            }
            return .success
        }
    )

    // MARK: - Label arguments

    /// One `name=value` argument, parsed like amtool 0.25 (the classic single-matcher grammar:
    /// spaces around the operator ignored, an optional quoted value with `\"`, `\\` and `\n` escapes),
    /// falling back to the UTF-8 matcher grammar of newer releases.
    static func parseLabel(_ text: String) throws -> (String, String) {
        let matcher: LabelMatcher
        do {
            matcher = try classicMatcher(text)
        } catch let classic as CLIError {
            guard let parsed = try? AlertmanagerMatcherParser().parseUTF8(text), parsed.count == 1,
                  let only = parsed.first else { throw classic }
            matcher = only
        }
        guard matcher.type == .equal else {
            throw CLIError.failure("Failed to parse labels: labels must be specified as key=value pairs")
        }
        return (matcher.name, matcher.value)
    }

    static func classicMatcher(_ text: String) throws -> LabelMatcher {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" }
        func bad() -> CLIError { CLIError.failure("Failed to parse labels: bad matcher format: \(text)") }
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        let nameStart = i
        while i < scalars.count {
            let c = scalars[i]
            let ok = c == "_" || c == ":" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
                || (i > nameStart && c >= "0" && c <= "9")
            if !ok { break }
            i += 1
        }
        guard i > nameStart else { throw bad() }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<i]))
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        let type: LabelMatcher.MatchType
        if rest.hasPrefix("=~") { type = .regexMatch } else if rest.hasPrefix("!=") { type = .notEqual }
        else if rest.hasPrefix("!~") { type = .regexNoMatch } else if rest.hasPrefix("=") { type = .equal }
        else { throw bad() }
        var raw = Substring(rest.dropFirst(type.rawValue.count))
        while let f = raw.unicodeScalars.first, isSpace(f) { raw = raw.dropFirst() }
        while let l = raw.unicodeScalars.last, isSpace(l) { raw = raw.dropLast() }
        let written = String(raw)
        var expectQuote = false
        if raw.hasPrefix("\"") { raw = raw.dropFirst(); expectQuote = true }
        let chars = Array(raw.unicodeScalars)
        var value = String.UnicodeScalarView()
        var escaped = false
        let quoteError = CLIError.failure("Failed to parse labels: matcher value contains unescaped double quote: \(written)")
        for (k, c) in chars.enumerated() {
            if escaped {
                escaped = false
                switch c {
                case "n": value.append("\n")
                case "\"", "\\": value.append(c)
                default: value.append("\\"); value.append(c)
                }
                continue
            }
            switch c {
            case "\\":
                if k < chars.count - 1 { escaped = true } else { value.append(c) }
            case "\"":
                if !expectQuote || k < chars.count - 1 { throw quoteError }
                expectQuote = false
            default:
                value.append(c)
            }
        }
        if expectQuote { throw quoteError }
        do {
            return try LabelMatcher(type, name, String(value))
        } catch {
            throw CLIError.failure("Failed to parse labels: \(error)")
        }
    }
}
