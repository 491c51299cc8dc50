import Diagnostics

/// `labctl version`: the version and build platform, as text or JSON.
enum VersionCommand {
    static let spec = CommandSpec(
        name: "version",
        summary: "Print version information",
        examples: [
            .init("labctl version", "Show the version and platform"),
            .init("labctl version --format json", "The same, as JSON for scripts"),
        ],
        options: [
            .option("format", short: "f", valueName: "FORMAT", help: "Output format",
                    choices: ["text", "json"], defaultValue: "text"),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let name = arguments.root?.name ?? "labctl"
        if arguments.value("format") == "json" {
            let fields = [("name", name), ("version", LabctlVersion.current), ("platform", LabctlVersion.platform)]
            let body = fields.map { "\(JSONDiagnosticRenderer.quoted($0.0)): \(JSONDiagnosticRenderer.quoted($0.1))" }
            console.out("{" + body.joined(separator: ", ") + "}\n")
        } else {
            console.out("\(name) \(LabctlVersion.current)\nplatform: \(LabctlVersion.platform)\n")
        }
        return .success
    }
}
