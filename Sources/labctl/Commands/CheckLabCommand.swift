import ConfigModel
import Diagnostics
import Foundation
import LabCatalog

/// `labctl check lab DIR`: every file of a lab directory and how they are wired together.
enum CheckLabCommand {
    static let spec = CommandSpec(
        name: "lab",
        summary: "Check every file of a lab directory and the wiring between them",
        discussion: """
        Finds the compose file(s) and, through the services' bind mounts, the prometheus.yml, rule files,
        alertmanager.yml, Grafana provisioning and dashboards the containers read (conventional paths such
        as prometheus/prometheus.yml when there is no compose file). Runs each file's check, then the
        wiring checks: scrape targets, Alertmanager targets and datasource URLs must resolve to compose
        services on a shared network and on the port the container listens on (not localhost, not the
        host-published port); rule files and dashboards must be mounted where the containers look; queried
        metrics must come from some scrape job.

        Wiring checks:
        \(LabWiringChecks.descriptions.map { "  \($0.code)  \($0.summary)" }.joined(separator: "\n"))
        """,
        examples: [
            .init("labctl check lab .", "Check the lab in the current directory"),
            .init("labctl check lab lab7 --format junit > report.xml", "JUnit report for CI"),
            .init("labctl check lab lab7 --lint none", "Only errors and validation warnings"),
            .init("labctl check lab --example lab7", "Scaffold the built-in Lab 7 into a temporary directory and check it"),
        ],
        options: ConfigFileCheck.options + [exampleOption],
        positionals: [PositionalSpec("DIR", help: "The lab directory (holding docker-compose.yml)",
                                     arity: .optional, completion: .files)],
        run: run
    )

    /// `--example LAB`: check a built-in lab as `labctl init` writes it, with its parameters' example values.
    static let exampleOption = OptionSpec.option(
        "example", valueName: "LAB", help: "Check a built-in lab (written to a temporary directory) instead of DIR")
        .completing(.labs)

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let lint = arguments.value(ConfigFileCheck.lintOption.long) != "none"
        let given = arguments.positional("DIR").first
        var directory = given ?? "."
        var scratch: URL?
        let example = arguments.value(exampleOption.long)
        if given == nil && example == nil {
            throw CLIError.usage("missing DIR (or --example LAB)", commandPath: ["labctl", "check", "lab"])
        }
        if let example {
            guard given == nil else {
                throw CLIError.usage("give either DIR or --example LAB, not both", commandPath: ["labctl", "check", "lab"])
            }
            let written = try writeExample(example, console: console, language: arguments.language(console))
            scratch = written
            directory = written.path
        }
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let language = arguments.language(console, near: [directory])
        let progress = ProgressLine(console, language.say("checking the lab \(directory)"))
        let outcome = LabCheck(lint: lint).run(directory: directory)
        progress.finish()
        let report = DiagnosticReport(files: outcome.files, diagnostics: outcome.diagnostics)
        return console.emit(report, format: arguments.diagnosticFormat,
                            lintFatal: arguments.flag(OptionSpec.lintFatal.long), sources: SourceCache(),
                            language: language)
    }

    /// Writes built-in lab `id` into a fresh temporary directory and returns it.
    private static func writeExample(_ id: String, console: Console, language: Language) throws -> URL {
        let catalog = try LabsCommand.catalog(console)
        let writer = LabWriter(catalog: catalog)
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("labctl-example-\(ProcessInfo.processInfo.processIdentifier)-\(id)")
        do {
            let lab = try catalog.requireLab(id)
            let values = Dictionary(lab.parameters.map { ($0.name, $0.example) }, uniquingKeysWith: { a, _ in a })
            try? FileManager.default.removeItem(at: root)
            let plan = try writer.plan(lab, directory: root.path, given: values, force: true)
            try writer.apply(plan)
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        }
        console.err(language.say("labctl: checking built-in \(id), written to \(root.path) (removed afterwards)\n"))
        return root
    }
}
