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
        usage: ["LAB [DIR] [--exercise ID] [--check ID] [--lang es|en] [--format text|json]",
                "LAB --example"],
        examples: [
            .init("labctl grade lab7 --example", "Grade the built-in Lab 7 example (one seeded defect)"),
            .init("labctl grade lab7 .", "A student grades their own Lab 7 folder"),
            .init("labctl grade lab2 entrega --exercise ej3 --format json", "One exercise, as JSON"),
        ],
        options: [
            .option("exercise", valueName: "ID", help: "Grade only this exercise"),
            .option("check", valueName: "ID", help: "Grade only this check"),
            .option("lang", valueName: "es|en", help: "Feedback language (default: LANG, else English)"),
            .option("format", valueName: "text|json", help: "Report format (default text)"),
            .flag("show-hidden", help: "Show the feedback of hidden checks (instructors)"),
            .flag("example", help: "Grade the built-in example submission of LAB"),
            .option("student", valueName: "ID", help: "Student id (parameter student)"),
            .option("prefix", valueName: "PREFIX", help: "Metric prefix (parameter prefix)"),
            .option("domain", valueName: "DOMAIN", help: "Domain (parameter domain)"),
            .option("entity", valueName: "ENTITY", help: "Main entity (parameter entity)"),
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
        var language = GradingLanguage.fromEnvironment(console.environment) ?? .en
        if let lang = arguments.value("lang") {
            guard let l = GradingLanguage(rawValue: lang) else { throw CLIError.usage("--lang must be es or en, not \(lang)", commandPath: path) }
            language = l
        }
        let format = arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw CLIError.usage("--format must be text or json, not \(format)", commandPath: path)
        }
        if let exercise = arguments.value("exercise"), !spec.exercises.contains(where: { $0.id == exercise }) {
            throw CLIError.usage("\(spec.id) has no exercise \(exercise) (it has: \(spec.exercises.map(\.id).joined(separator: ", ")))",
                                 commandPath: path)
        }
        var values: [String: String] = [:]
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
            for p in spec.parameters where values[p.name] == nil { values[p.name] = p.defaultValue ?? p.example }
            directory = try GradingExample.write(spec, catalog: catalog, values: values)
            console.err(language.say("ejemplo: solución de referencia de \(spec.id) con un defecto sembrado, en \(directory)\n",
                                     "example: \(spec.id)'s reference solution with one seeded defect, in \(directory)\n"))
        } else {
            directory = arguments.positional("DIR").first ?? "."
        }
        var options = GraderOptions(language: language, exercise: arguments.value("exercise"), check: arguments.value("check"),
                                    values: values, student: values["student"])
        options.prometheusURL = arguments.value("prometheus")
        let report: GradeReport
        do {
            report = try Grader(spec: spec, options: options).grade(submission: directory)
        } catch let error as SubmissionError {
            console.err("labctl grade: " + error.message(language) + "\n")
            return .failure
        }
        if let check = arguments.value("check"), report.checks.isEmpty {
            throw CLIError.usage("\(spec.id) has no check \(check)", commandPath: path)
        }
        let showHidden = arguments.flag("show-hidden")
        switch format {
        case "json": console.out(JSONReport(showHidden: showHidden).render(report))
        default: console.out(PlainTextReport(language: language, showHidden: showHidden, colour: console.colorsOnStdout).render(report))
        }
        return .success
    }
}
