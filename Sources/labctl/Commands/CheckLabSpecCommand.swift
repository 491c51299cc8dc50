import Diagnostics
import Foundation
import Grading
import LabCatalog

/// `labctl check lab-spec FILE|DIR...`: validates lab specs (`labs/<lab>/lab.yaml`).
///
/// Wired into the `check` group by its owner (`CheckLabSpecCommand.spec`).
enum CheckLabSpecCommand {
    static let spec = CommandSpec(
        name: "lab-spec",
        summary: "Validate lab specs: check kinds, references, points, templates",
        discussion: """
        Reports unknown check kinds and parameters, checks naming files the lab does not produce or
        scenarios it does not define, points that do not add up, missing templates and unknown
        <<labctl:NAME>> placeholders. A DIR is a folder holding lab.yaml; inside a catalogue
        (labs/<lab>/ next to templates/) the templates are checked too.
        """,
        examples: [
            .init("labctl check lab-spec labs/lab7",
                  "Validate Lab 7's spec and templates (from the root of labctl's sources)"),
            .init("labctl check lab-spec \"$LABCTL_CONTENT\"/labs/*/lab.yaml --format json",
                  "Every spec of another course's content, as JSON"),
        ],
        options: [.diagnosticFormat, .lintFatal],
        positionals: [PositionalSpec("FILE", help: "lab.yaml files or folders holding one", arity: .oneOrMore,
                                     completion: .files)],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let paths = arguments.positional("FILE")
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            let (spec, found) = LabSpecLoader.check(path: path)
            files.append(spec?.location.file ?? path)
            diagnostics += (found + (spec.map(SpecQueryValidator.validate) ?? [])).map { d in
                var d = d
                if d.location == nil { d.location = SourceLocation(file: path, line: 1, column: 1) }
                return d
            }
        }
        let report = DiagnosticReport(files: files, diagnostics: diagnostics)
        return console.emit(report, format: arguments.diagnosticFormat, lintFatal: arguments.flag("lint-fatal"),
                            sources: SourceCache(), language: arguments.language(console))
    }
}
