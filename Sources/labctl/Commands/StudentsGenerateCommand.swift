import Diagnostics
import Foundation
import LabCatalog

/// `labctl students generate --roster FILE [--lab LAB] --out DIR`.
enum StudentsGenerateCommand {
    static let spec = CommandSpec(
        name: "generate",
        summary: "Write one lab directory per roster student, with their prefix, domain and entity",
        discussion: """
        DIR/<id>/ gets the lab rendered with the student's values (metric, alert, job, container and
        dashboard names carry the prefix), DIR/<id>/.labctl/answers.yaml (as `labctl init` writes it,
        so `labctl init --update` works). The grader's answer keys (expected metrics, alerts, jobs,
        containers, reference queries) go to DIR/.answer-keys/<id>.yaml, outside every student's
        directory, so DIR/<id>/ can be handed out as it is; --keys KEYDIR puts them elsewhere.
        DIR/assignments.csv lists every student's prefix, domain and entity.
        Nothing is written when one student's files would contain another's prefix. Re-running is
        safe: unchanged files are skipped, files edited since are kept unless --force.
        """,
        usage: ["--roster FILE --out DIR [--lab LAB] [--keys KEYDIR] [--dry-run] [--force]"],
        examples: [
            .init("labctl students generate --roster roster.csv --out clase", "Práctica 26 for every student"),
            .init("labctl students generate --roster roster.csv --out clase --keys claves", "Keys kept apart"),
        ],
        options: [
            StudentsCommand.rosterOption,
            StudentsCommand.labOption,
            .option("out", short: "o", valueName: "DIR", help: "Where the student directories go"),
            .option("keys", valueName: "KEYDIR", help: "Where answer keys go (KEYDIR/<id>.yaml; default DIR/.answer-keys)"),
            .flag("dry-run", short: "n", help: "Validate and plan; write nothing"),
            .flag("force", help: "Overwrite files that differ from the render"),
            .flag("quiet", short: "q", help: "Print only the summary line"),
            .diagnosticFormat,
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let output = arguments.value("out") else {
            throw CLIError.usage("missing --out DIR", commandPath: ["labctl", "students", "generate"])
        }
        guard let (catalog, domains, lab, roster) = try StudentsCommand.load(arguments, console, command: "generate") else {
            return .failure
        }
        let generator = StudentGenerator(catalog: catalog, domains: domains)
        let plans: [StudentGenerator.StudentPlan]
        let progress = ProgressLine(console, "generating \(lab.id) for \(roster.students.count) student(s) in \(output)")
        defer { progress.finish() }
        do {
            let keys = arguments.value("keys") ?? (output as NSString).appendingPathComponent(".answer-keys")
            plans = try generator.plan(lab, roster: roster, output: output, keys: keys,
                                       force: arguments.flag("force"))
            if !arguments.flag("dry-run") { try generator.apply(plans, output: output) }
            progress.finish()
        } catch let error as StudentsError {
            progress.finish()
            let report = DiagnosticReport(files: [roster.file], diagnostics: error.diagnostics)
            _ = console.emit(report, format: arguments.diagnosticFormat, lintFatal: false, sources: SourceCache())
            return .failure
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        }
        let dryRun = arguments.flag("dry-run")
        if !arguments.flag("quiet") {
            let width = max(2, plans.map(\.assignment.student.id.count).max() ?? 2)
            for plan in plans {
                let a = plan.assignment
                let written = plan.plan.entries.filter(\.writes).count
                let assigned = [a.domainAssigned ? "domain" : nil, a.entityAssigned ? "entity" : nil].compactMap { $0 }
                let note = assigned.isEmpty ? "" : " (assigned: \(assigned.joined(separator: ", ")))"
                console.out("\(a.student.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(a.student.prefix)  "
                            + "\(a.domain.id)/\(a.entity)\(note)  \(written) file(s)\n")
            }
        }
        let kept = plans.flatMap { p in p.plan.entries(.keep).map { "\(p.assignment.student.id)/\($0.path)" } }
        let total = plans.reduce(0) { $0 + $1.plan.entries.filter(\.writes).count }
        console.out("\(lab.id) v\(lab.version) for \(plans.count) student(s) in \(output): "
                    + "\(dryRun ? "would write" : "wrote") \(total) file(s)\n")
        if !kept.isEmpty {
            console.err("labctl: warning: \(kept.count) file(s) differ from the render and were kept (use --force): "
                        + kept.prefix(10).joined(separator: ", ") + (kept.count > 10 ? ", …" : "") + "\n")
        }
        return .success
    }
}
