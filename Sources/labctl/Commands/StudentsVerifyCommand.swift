import Diagnostics
import Foundation
import LabCatalog

/// `labctl students verify --roster FILE --submissions DIR`.
enum StudentsVerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        summary: "Find copies: other students' prefixes, ids or domains in a submission, missing prefixes, near-identical pairs",
        discussion: """
        SUBMISSIONS/<id>/ is each student's submitted lab directory. Errors: a file containing another
        student's prefix (in any form: ana_shop, ana-shop, ANA_SHOP, AnaShop), id, or domain (its id or
        business metrics). Warnings: another domain's entity, a metric without the prefix
        ('requests_total'), a file that should carry the student's prefix but does not, a missing file,
        and pairs of submissions whose own work (what is not in their starter or reference solution)
        is near-identical once every roster value is normalised out: winnowed token fingerprints of
        the text, and of the Python code with identifiers normalised (renamed variables still match),
        Jaccard similarity at or above --threshold. Files over 1 MiB, binary files and
        .labctl/.git/__pycache__ are skipped.
        Exit codes: 0 no copies, 1 copies found (or a bad roster), 3 warnings with --lint-fatal.
        """,
        usage: ["--roster FILE --submissions DIR [--lab LAB] [--threshold 0.9]"],
        examples: [
            .init("labctl students verify --roster roster.csv --submissions entregas", "Check a class"),
            .init("labctl students verify --roster roster.csv --submissions entregas --format json", "JSON findings"),
        ],
        options: [
            StudentsCommand.rosterOption,
            StudentsCommand.labOption,
            .option("submissions", valueName: "DIR", help: "Folder with one directory per student id"),
            .option("threshold", valueName: "SCORE", help: "Similarity reported as near-identical (0-1)",
                    defaultValue: "0.9"),
            .diagnosticFormat,
            .lintFatal,
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let submissions = arguments.value("submissions") else {
            throw CLIError.usage("missing --submissions DIR", commandPath: ["labctl", "students", "verify"])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: submissions, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.failure("\(submissions) is not a directory")
        }
        let thresholdText = arguments.value("threshold") ?? "0.9"
        guard let threshold = Double(thresholdText), threshold > 0, threshold <= 1 else {
            throw CLIError.usage("--threshold takes a number in (0, 1], got \"\(thresholdText)\"",
                                 commandPath: ["labctl", "students", "verify"])
        }
        guard let (catalog, domains, lab, roster) = try StudentsCommand.load(arguments, console, command: "verify") else {
            return .failure
        }
        var verifier = SubmissionVerifier(catalog: catalog, domains: domains, spec: lab)
        verifier.threshold = threshold
        let report: SubmissionVerifier.Report
        let progress = ProgressLine(console, "verifying \(roster.students.count) submission(s) in \(submissions)")
        defer { progress.finish() }
        do {
            report = try verifier.verify(roster: roster, submissions: submissions)
            progress.finish()
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        }
        let code = console.emit(DiagnosticReport(files: report.files, diagnostics: report.diagnostics),
                                format: arguments.diagnosticFormat, lintFatal: arguments.flag(OptionSpec.lintFatal.long),
                                sources: SourceCache())
        if arguments.diagnosticFormat == .text {
            console.out("checked \(report.checked.count) of \(roster.students.count) submission(s): "
                        + "\(report.copiedFiles) file(s) with another student's prefix, "
                        + "\(report.pairs.count) near-identical pair(s)\n")
        }
        return code
    }
}
