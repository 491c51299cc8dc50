import Foundation
import Runtime

/// `labctl test rules FILE...`: runs promtool rule unit-test files (`rule_files`, `input_series`,
/// `alert_rule_test`, `promql_expr_test`) against labctl's rule manager and engine.
enum TestRulesCommand {
    static let spec = CommandSpec(
        name: "rules",
        summary: "Run rule unit tests (promtool's test file format)",
        discussion: """
        Each file is run like `promtool test rules`: rule files are resolved relative to the test file,
        input series are loaded at the test group's interval, rules are evaluated every
        evaluation_interval from 0 up to the largest eval_time, and alerts and expressions are compared
        with what is expected. Failures are printed as promtool does (exp: / got:).
        Exit codes: 0 all passed, 1 a test failed or a file could not run, 2 usage error.
        """,
        examples: [
            .init("labctl test rules tests/alerts_test.yml", "Run one test file"),
            .init("labctl test rules --run 'ServiceDown|HighErrorRate' tests/*.yml", "Only test groups whose name matches"),
            .init("labctl test rules --junit report.xml tests/*.yml", "Also write a JUnit XML report"),
        ],
        options: [
            .option("run", valueName: "REGEX", help: "Only run test groups whose name matches REGEX (RE2, unanchored)",
                    repeatable: true),
            .option("junit", valueName: "FILE", help: "Write a JUnit XML report to FILE"),
            .language,
        ],
        positionals: [.files(help: "Rule test files; - reads standard input (rule files relative to the current directory).")],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        var options = RuleTestRunner.Options()
        let patterns = arguments.values("run")
        if !patterns.isEmpty {
            let joined = patterns.map { "(?:\($0))" }.joined(separator: "|")
            do {
                options.runFilter = try PromQLTestMessageMatch.regex(joined)
            } catch {
                throw CLIError.usage("invalid --run pattern \(patterns.joined(separator: ", ")): \(error)",
                                     commandPath: arguments.path.map(\.name))
            }
        }
        let runner = RuleTestRunner(options: options)
        var results: [RuleTestFileResult] = []
        for input in arguments.inputs() {
            let result: RuleTestFileResult
            switch input {
            case .file(let path):
                result = runner.run(path: path)
            case .standardInput:
                let source = try input.read(using: console)
                let parsed = RuleTestFile.parse(source.text, file: source.file)
                if let file = parsed.file {
                    result = runner.run(file, baseDirectory: ".")
                } else {
                    var failed = RuleTestFileResult(file: source.file)
                    failed.fileErrors = parsed.diagnostics.map { d in
                        d.location.map { "\($0.file):\($0.line):\($0.column): \(d.message)" } ?? d.message
                    }
                    result = failed
                }
            }
            console.out(RuleTestReport.text(result))
            results.append(result)
        }
        console.out(summary(results, in: arguments.language(console, near: arguments.positional("FILE"))) + "\n")
        if let path = arguments.value("junit") {
            do {
                try Data(RuleTestReport.junit(results).utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CLIError.failure("cannot write the JUnit report to \(path): \(error.localizedDescription)")
            }
        }
        return results.allSatisfy(\.passed) ? .success : .failure
    }
}
