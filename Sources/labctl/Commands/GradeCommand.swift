import Diagnostics
import Foundation
import Grading
import LabCatalog

/// `labctl grade LAB DIR`: runs every check of every exercise and prints the score and feedback.
enum GradeCommand {
    static let spec = CommandSpec(
        name: "grade",
        summary: "Grade a lab submission: every check of every exercise, with points and feedback",
        discussion: """
        DIR is the student's lab folder (default: the current directory). Every check runs even when
        an earlier one fails. Exit 0 when the submission was graded (whatever the score), 1 when it
        could not be graded at all, 2 on usage errors. Manual checks are listed for the instructor
        and never counted as failed; grader errors (a broken scenario or reference) are shown and
        never counted against the student. --example grades a built-in reference solution with one
        seeded defect.
        """,
        usage: ["LAB [DIR] [--exercise ID] [--check ID] [--lang es|en] [--format text|json|markdown|html]",
                "LAB [DIR] [--junit FILE] [--gradescope FILE] [--html FILE]",
                "LAB --example"],
        examples: [
            .init("labctl grade lab7 --example", "Grade the built-in Lab 7 example (one seeded defect)"),
            .init("labctl grade practica26 --roster roster.csv --submissions entregas --out notas",
                  "Grade a whole class into notas/gradebook.csv, notas/summary.txt and notas/reports/"),
            .init("labctl grade lab7 .", "A student grades their own Lab 7 folder"),
            .init("labctl grade lab2 entrega --exercise ej3 --format json", "One exercise, as JSON"),
            .init("labctl grade lab7 . --junit junit.xml --gradescope results.json", "Also write JUnit XML and Gradescope results"),
        ],
        options: [
            .option("exercise", valueName: "ID", help: "Grade only this exercise"),
            .option("check", valueName: "ID", help: "Grade only this check"),
            .language,
            .option("format", valueName: "text|json|markdown|html", help: "Report format (default text)"),
            .option("junit", valueName: "FILE", help: "Also write the report as JUnit XML to FILE"),
            .option("gradescope", valueName: "FILE", help: "Also write Gradescope's results.json to FILE"),
            .option("html", valueName: "FILE", help: "Also write the self-contained HTML report to FILE"),
            .flag("show-hidden", help: "Show the feedback of hidden checks (instructors)"),
            .flag("release", help: "The grades are published: show hidden checks' feedback to the student"),
            .option("manual", valueName: "FILE", help: "The instructor's marks (YAML: check id -> points, comment)"),
            .flag("example", help: "Grade the built-in example submission of LAB"),
            .option("defect", valueName: "ID", help: "With --example: the seeded defect to apply (default the lab's first)"),
            .option("student", valueName: "ID", help: "Student id (parameter student)"),
            .option("prefix", valueName: "PREFIX", help: "Metric prefix (parameter prefix)"),
            .option("domain", valueName: "DOMAIN", help: "Domain (parameter domain)"),
            .option("entity", valueName: "ENTITY", help: "Main entity (parameter entity)"),
            .option("set", valueName: "NAME=VALUE", help: "Any parameter of the student's variant", repeatable: true),
            .option("roster", valueName: "FILE", help: "Grade a whole class: the roster CSV (with --submissions, --out)"),
            .option("submissions", valueName: "DIR", help: "Class run: one folder per student id"),
            .option("out", valueName: "DIR", help: "Class run: where gradebook.csv, summary.txt and reports/ go"),
            .option("jobs", valueName: "N", help: "Class run: submissions graded at once (default: the cores)"),
            .option("time-limit", valueName: "SECONDS", help: "Class run: time per submission (default 60)"),
            .option("memory-limit", valueName: "MIB", help: "Class run: memory per submission (default 2048)"),
            .option("compare", valueName: "OLD.csv", help: "Class run: list whose score changed since this gradebook"),
            .option("prometheus", valueName: "URL", help: "Run the PromQL, rule and alert checks on this Prometheus (holding --export-scenario's data)"),
            .option("export-scenario", valueName: "FILE", help: "Write the lab's scenarios as OpenMetrics for promtool tsdb create-blocks-from openmetrics, then exit"),
        ],
        positionals: [
            PositionalSpec("LAB", help: "Lab id (lab0 … lab8, practica26)", arity: .one, completion: .labs),
            PositionalSpec("DIR", help: "The submission folder (default .)", arity: .optional, completion: .files),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let path = arguments.path.map(\.name)
        let catalog = try LabsCommand.catalog(console)
        guard let labID = arguments.positional("LAB").first else { throw CLIError.usage("missing LAB", commandPath: path) }
        let spec = try catalog.requireLab(labID)
        // --lang, else LANG, else the language `labctl init --lang` recorded in the submission, else English.
        let language = arguments.language(console, near: arguments.positional("DIR").prefix(1).map { $0 })
        let format = arguments.value("format") ?? "text"
        guard ["text", "json", "markdown", "html"].contains(format) else {
            throw CLIError.usage("--format must be text, json, markdown or html, not \(format)", commandPath: path)
        }
        if let exercise = arguments.value("exercise"), !spec.exercises.contains(where: { $0.id == exercise }) {
            throw CLIError.usage("\(spec.id) has no exercise \(exercise) (it has: \(spec.exercises.map(\.id).joined(separator: ", ")))",
                                 commandPath: path)
        }
        if arguments.value("roster") != nil {
            return try GradeClassRun.run(arguments, console, spec: spec, catalog: catalog, language: language)
        }
        var values: [String: String] = [:]
        for pair in arguments.values("set") {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CLIError.usage("--set takes NAME=VALUE, got \"\(pair)\"", commandPath: path)
            }
            values[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        for name in ["student", "prefix", "domain", "entity"] { if let v = arguments.value(name) { values[name] = v } }
        if let file = arguments.value("export-scenario") {
            do {
                try ScenarioTimeline(spec).openMetrics(spec, values: values).write(toFile: file, atomically: true, encoding: .utf8)
            } catch {
                console.err("labctl grade: cannot export the scenarios of \(spec.id) to \(file): \(error)\n")
                return .failure
            }
            return .success
        }
        if let url = arguments.value("prometheus") {
            do {
                try PrometheusQueryBackend(baseURL: url, timeout: 10).probe()
            } catch {
                console.err("labctl grade: --prometheus \(url): \(error)\n")
                return .failure
            }
        }
        let directory: String
        if arguments.flag("example") {
            values = try GradingExample.values(for: spec, given: values)
            let defect = try GradingExample.defect(of: spec, catalog: catalog, id: arguments.value("defect"))
            directory = try GradingExample.write(spec, catalog: catalog, values: values, defect: defect)
            let what = defect.map { language.say("with the seeded defect \($0.id) (\($0.description.text(language)))") }
                ?? language.say("without defects")
            console.err(language.say("example: \(spec.id)'s reference solution \(what), in \(directory)\n"))
        } else {
            directory = arguments.positional("DIR").first ?? "."
        }
        var options = GraderOptions(language: language, exercise: arguments.value("exercise"), check: arguments.value("check"),
                                    values: values, student: values["student"])
        options.prometheusURL = arguments.value("prometheus")
        var report: GradeReport
        do {
            report = try Grader(spec: spec, options: options).grade(submission: directory)
        } catch let error as SubmissionError {
            console.err("labctl grade: " + error.message(language) + "\n")
            if let file = arguments.value("gradescope") {
                try write(GradescopeReport.ungraded(error.message(language)), option: "gradescope", to: file)
            }
            return .failure
        }
        if let check = arguments.value("check"), report.checks.isEmpty {
            throw CLIError.usage("\(spec.id) has no check \(check)", commandPath: path)
        }
        if let manualFile = arguments.value("manual") {
            guard let data = FileManager.default.contents(atPath: manualFile) else { throw CLIError.failure("cannot read \(manualFile)") }
            let (parsed, diagnostics) = ManualMarks.parse(String(decoding: data, as: UTF8.self), file: manualFile)
            let problems = diagnostics + (parsed?.validate(against: report) ?? [])
            if !problems.isEmpty {
                _ = console.emit(DiagnosticReport(files: [manualFile], diagnostics: problems), format: .text, lintFatal: false,
                                 sources: SourceCache())
            }
            guard let marks = parsed, !problems.contains(where: { $0.severity == .error }) else { return .failure }
            report = marks.apply(to: report, language: language)
        }
        let showHidden = arguments.flag("show-hidden") || arguments.flag("release")
        switch format {
        case "json": console.out(JSONReport(showHidden: showHidden).render(report))
        case "markdown": console.out(MarkdownReport(language: language, showHidden: showHidden).render(report))
        case "html": console.out(HTMLReport(language: language, showHidden: showHidden).render(report))
        default: console.out(PlainTextReport(language: language, showHidden: showHidden, colour: console.colorsOnStdout).render(report))
        }
        try writeReportFiles(report, arguments, language: language, showHidden: showHidden)
        return .success
    }

    /// Writes the `--junit`, `--gradescope` and `--html` files; a file that cannot be written is a failure (exit 1).
    static func writeReportFiles(_ report: GradeReport, _ arguments: ParsedArguments, language: GradingLanguage,
                                 showHidden: Bool) throws {
        let files: [(String, () -> String)] = [
            ("junit", { JUnitReport(language: language, showHidden: showHidden).render(report) }),
            ("gradescope", { GradescopeReport(language: language).render(report) }),
            ("html", { HTMLReport(language: language, showHidden: showHidden).render(report) }),
        ]
        for (option, render) in files {
            guard let file = arguments.value(option) else { continue }
            try write(render(), option: option, to: file)
        }
    }

    private static func write(_ text: String, option: String, to file: String) throws {
        do {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError.failure("cannot write the --\(option) report to \(file): \((error as NSError).localizedDescription)")
        }
    }
}
