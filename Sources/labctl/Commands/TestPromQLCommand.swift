import Diagnostics
import Foundation
import Runtime

/// `labctl test promql FILE...`: runs Prometheus-style PromQL test scripts (`load`, `eval`, `expect`…)
/// against labctl's engine and reports passed, failed and skipped evals.
enum TestPromQLCommand {
    static let spec = CommandSpec(
        name: "promql",
        summary: "Run PromQL test scripts (the promqltest language)",
        discussion: """
        Each eval is run as Prometheus's test runner does, including its extra checks: instant evals are
        re-run with @ <t> on every selector at other times, and as a range query from t-1m to t+1m.
        A failure shows the file:line, the eval, the reason, and the expected and actual results side by side.
        The last line is the summary "N passed, M failed, K skipped".
        Exit codes: 0 all passed, 1 a test failed, 2 usage or script syntax error.
        """,
        examples: [
            .init("labctl test promql rate.test", "Run one script"),
            .init("labctl test promql --skip-native-histograms *.test", "Skip evals that need native histograms"),
            .init("labctl test promql --run 'rate|irate' functions.test", "Only evals whose expression matches"),
            .init("labctl test promql --junit report.xml tests/*.test", "Also write a JUnit XML report"),
        ],
        options: [
            .flag("skip-native-histograms", help: "Skip evals that need native histograms (the engine is float-only)"),
            .option("run", valueName: "REGEX", help: "Only run evals whose expression matches REGEX (RE2)"),
            .flag("no-extra-checks", help: "Do not re-run instant evals with @ and in range mode"),
            .flag("show-skipped", help: "List skipped evals and why"),
            .option("format", short: "f", valueName: "FORMAT", help: "Output format", choices: ["text", "json"],
                    defaultValue: "text"),
            .option("junit", valueName: "FILE", help: "Write a JUnit XML report to FILE"),
        ],
        positionals: [.files(help: "Test scripts to run; - reads standard input.")],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        var options = PromQLTestRunner.Options()
        options.skipNativeHistograms = arguments.flag("skip-native-histograms")
        options.extraChecks = !arguments.flag("no-extra-checks")
        if let pattern = arguments.value("run") {
            do {
                options.filter = try PromQLTestMessageMatch.regex(pattern)
            } catch {
                throw CLIError.usage("invalid --run pattern \(pattern): \(error)", commandPath: arguments.path.map(\.name))
            }
        }
        let runner = PromQLTestRunner(options: options)
        let formatter = PromQLTestReportFormatter(showSkipped: arguments.flag("show-skipped"))
        let json = arguments.value("format") == "json"
        var reports: [PromQLTestFileReport] = []
        var syntaxErrors: [Diagnostic] = []
        var unrunnable: [PromQLTestReportFormatter.UnrunnableScript] = []
        let sources = SourceCache(readsFromDisk: false)
        for input in arguments.inputs() {
            let source = try input.read(using: console)
            sources.register(source)
            let script: PromQLTestScript
            do {
                script = try PromQLTestParser().parse(source.text, file: source.file)
            } catch let error as PromQLTestError {
                syntaxErrors.append(error.diagnostic)
                unrunnable.append(.init(file: source.file, message: error.diagnostic.description))
                continue
            }
            let report = runner.run(script)
            reports.append(report)
            if !json { console.out(formatter.text(report)) }
        }
        if !syntaxErrors.isEmpty {
            let options = TextDiagnosticRenderer.Options(showSource: console.stderrIsTerminal,
                                                         colors: console.colorsOnStderr, showSummary: false)
            console.err(TextDiagnosticRenderer(options: options, sources: sources)
                .render(DiagnosticReport(diagnostics: syntaxErrors)))
        }
        if json {
            console.out(formatter.json(reports))
        } else {
            console.out(PromQLTestReportFormatter.summaryLine(reports) + "\n")
        }
        if let path = arguments.value("junit") {
            do {
                try Data(formatter.junit(reports, unrunnable: unrunnable).utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CLIError.failure("cannot write the JUnit report to \(path): \(error.localizedDescription)")
            }
        }
        if !syntaxErrors.isEmpty { return .usageError }
        return reports.contains { $0.failed > 0 } ? .failure : .success
    }
}
