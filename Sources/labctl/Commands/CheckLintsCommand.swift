import ConfigModel
import Diagnostics
import Exposition
import Runtime

/// `labctl check lints`: the catalogue of lints and wiring checks with their stable codes,
/// generated from the check types.
enum CheckLintsCommand {
    static let spec = CommandSpec(
        name: "lints",
        summary: "List every lint and wiring check with its code",
        discussion: """
        Codes are stable: grep for them, or filter a JSON report by them. Lints are warnings; they fail a
        check only with --lint-fatal (exit 3). `--lint none` turns them off.
        """,
        examples: [.init("labctl check lints", "The catalogue"), .init("labctl check lints -f json", "As JSON")],
        options: [.option("format", short: "f", valueName: "FORMAT", help: "Output format",
                          choices: ["text", "json"], defaultValue: "text")],
        run: { arguments, console in
            var sections = LintCatalog.sections
            sections.append(LintCatalog.Section(
                title: "Metrics exposition", command: "check metrics",
                lints: MetricsLinter.allLints.map { LintDescription(code: $0.code, summary: $0.summary) }))
            if arguments.value("format") == "json" {
                console.out(json(sections))
            } else {
                console.out(text(sections))
            }
            return .success
        }
    )

    static func text(_ sections: [LintCatalog.Section]) -> String {
        var out = ""
        for section in sections {
            out += "\(section.title) (labctl \(section.command))\n"
            let width = section.lints.map(\.code.count).max() ?? 0
            for lint in section.lints {
                out += "  \(lint.code.padding(toLength: width, withPad: " ", startingAt: 0))  \(lint.summary)\n"
            }
            out += "\n"
        }
        return out
    }

    static func json(_ sections: [LintCatalog.Section]) -> String {
        let items = sections.map { section in
            let lints = section.lints.map { "{\"code\": \(JSONDiagnosticRenderer.quoted($0.code)), \"summary\": \(JSONDiagnosticRenderer.quoted($0.summary))}" }
            return "{\"title\": \(JSONDiagnosticRenderer.quoted(section.title)), \"command\": \(JSONDiagnosticRenderer.quoted("labctl " + section.command)), "
                + "\"lints\": [\(lints.joined(separator: ", "))]}"
        }
        return "[" + items.joined(separator: ",\n ") + "]\n"
    }
}
