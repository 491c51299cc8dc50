import ConfigModel
import Diagnostics

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
            .init("labctl check lab labs/lab7 --format junit", "JUnit report for CI"),
            .init("labctl check lab lab7 --lint none", "Only errors and validation warnings"),
        ],
        options: ConfigFileCheck.options,
        positionals: [PositionalSpec("DIR", help: "The lab directory (holding docker-compose.yml)",
                                     completion: .files)],
        run: { arguments, console in
            let directory = arguments.positional("DIR").first ?? "."
            let lint = arguments.value(ConfigFileCheck.lintOption.long) != "none"
            let outcome = LabCheck(lint: lint).run(directory: directory)
            let report = DiagnosticReport(files: outcome.files, diagnostics: outcome.diagnostics)
            return console.emit(report, format: arguments.diagnosticFormat,
                                lintFatal: arguments.flag(OptionSpec.lintFatal.long), sources: SourceCache())
        }
    )
}
