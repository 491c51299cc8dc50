import Diagnostics
import Foundation
import LabCatalog

/// `labctl init LAB [DIR]` and `labctl init --update DIR`: write a lab's files.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "Write a lab's files into a directory (safe to re-run; --update merges new templates)",
        discussion: """
        Writes the starter students work from: the files of the lab with the parts each exercise asks
        for left to do, marked `TODO(labctl)` (`labctl check lab DIR` lists them). --solution writes the
        reference solution instead (for instructors; `labctl grade LAB DIR` gives it full marks).
        Files that already have the right content are skipped; files you changed are kept unless
        --force. --dry-run prints the plan and unified diffs without writing anything.
        DIR/.labctl/answers.yaml records the lab, template version and your values, and
        DIR/.labctl/base/ the plain renders, so that `labctl init --update DIR` can bring the lab
        to a newer template version with a three-way merge that keeps your edits (conflicts are
        marked with <<<<<<< ======= >>>>>>>; the command then exits with 1).
        """,
        usage: ["LAB [DIR] [--student ID --prefix P --domain D --entity E] [--solution] [--dry-run] [--force]",
                "LAB [DIR] --student ID --roster FILE",
                "--update DIR [--dry-run]"],
        examples: [
            .init("labctl init lab1", "Write Lab 1's starter into ./lab1"),
            .init("labctl init lab7 /tmp/lab7-ref --solution", "Write Lab 7's reference solution (instructors)"),
            .init("labctl init practica26 p26 --student ana --prefix ana_shop --domain ecommerce --entity pedido",
                  "Práctica 26 with your values"),
            .init("labctl init practica26 p26 --student ana --roster clase.csv",
                  "Práctica 26 with the values the class roster gives student ana"),
            .init("labctl init lab7 lab7 --dry-run", "Show what would change"),
            .init("labctl init --update lab7", "Merge a newer template version into ./lab7"),
        ],
        options: [
            .flag("dry-run", short: "n", help: "Print the plan and diffs; write nothing"),
            .flag("force", help: "Overwrite files that differ from the template"),
            .flag("update", help: "Merge the current templates into DIR (the only positional)"),
            .flag("solution", help: "Write the reference solution instead of the starter (instructors)"),
            .option("student", valueName: "ID", help: "Student id (parameter student)"),
            .option("prefix", valueName: "PREFIX", help: "Metric prefix (parameter prefix)"),
            .option("domain", valueName: "DOMAIN", help: "Domain (parameter domain)"),
            .option("entity", valueName: "ENTITY", help: "Main entity (parameter entity)"),
            .option("set", valueName: "NAME=VALUE", help: "Any parameter", repeatable: true),
            .option("roster", valueName: "FILE", help: "Class roster CSV: take --student's prefix, domain and entity from it"),
            .flag("quiet", short: "q", help: "Print only the summary line"),
            .language,
        ],
        positionals: [
            PositionalSpec("LAB", help: "Lab id (lab0 … lab8, practica26); with --update, the directory",
                           arity: .optional, completion: .labs),
            PositionalSpec("DIR", help: "Target directory (default ./LAB)", arity: .optional, completion: .files),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let catalog = try LabsCommand.catalog(console)
        let writer = LabWriter(catalog: catalog)
        var given = try values(arguments)
        if let rosterPath = arguments.value("roster") {
            guard let values = try rosterValues(rosterPath, arguments: arguments, catalog: catalog, console: console) else {
                return .failure
            }
            given.merge(values) { explicit, _ in explicit }
        }
        let dryRun = arguments.flag("dry-run")
        let positionals = arguments.positional("LAB") + arguments.positional("DIR")
        var plan: InitPlan
        do {
            if arguments.flag("update") {
                guard positionals.count == 1, let directory = positionals.first else {
                    throw CLIError.usage("--update takes exactly one argument, the lab directory",
                                         commandPath: ["labctl", "init"])
                }
                if arguments.flag("solution") {
                    throw CLIError.usage("--update keeps the variant the directory was written with; drop --solution",
                                         commandPath: ["labctl", "init"])
                }
                plan = try writer.planUpdate(directory: directory, given: given)
            } else {
                guard let id = positionals.first else {
                    throw CLIError.usage("missing LAB (try `labctl labs list`)", commandPath: ["labctl", "init"])
                }
                let lab = try catalog.requireLab(id)
                let directory = positionals.count > 1 ? positionals[1] : id
                plan = try writer.plan(lab, directory: directory, given: given, force: arguments.flag("force"),
                                       variant: arguments.flag("solution") ? .solution : .starter)
            }
            // The language the student chose (--lang or LANG) is recorded, so that later commands on
            // the lab directory speak it; an update keeps the recorded one unless told otherwise.
            let chosen = arguments.value(OptionSpec.language.long).flatMap(Language.init(rawValue:))
                ?? Language.fromEnvironment(console.environment)
            let recorded = FileManager.default.fileExists(atPath: plan.directory + "/" + LabAnswers.path)
                ? LabAnswers.recordedLanguage(near: plan.directory) : nil
            plan.answers.language = chosen ?? plan.answers.language ?? recorded
            if !dryRun { try writer.apply(plan) }
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        }
        let language = arguments.language(console, lab: plan.answers.language)
        return report(plan, dryRun: dryRun, quiet: arguments.flag("quiet"), console: console, language: language)
    }

    /// The parameter values the roster gives `--student` (as `labctl students generate` assigns them),
    /// or `nil` after printing the roster's errors.
    private static func rosterValues(_ path: String, arguments: ParsedArguments, catalog: Catalog,
                                     console: Console) throws -> [String: String]? {
        guard let id = arguments.value("student") else {
            throw CLIError.usage("--roster needs --student ID", commandPath: ["labctl", "init"])
        }
        do {
            return try RosterStudentValues.values(forStudent: id, rosterPath: path, labID: positionalLab(arguments),
                                                  catalog: catalog)
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        } catch let error as StudentsError {
            _ = console.emit(DiagnosticReport(files: [path], diagnostics: error.diagnostics), format: .text,
                             lintFatal: false, sources: SourceCache())
            return nil
        }
    }

    private static func positionalLab(_ arguments: ParsedArguments) -> String? {
        arguments.flag("update") ? nil : arguments.positional("LAB").first
    }

    /// Parameter values from --student/--prefix/--domain/--entity and --set NAME=VALUE.
    static func values(_ arguments: ParsedArguments) throws -> [String: String] {
        var values: [String: String] = [:]
        for name in ["student", "prefix", "domain", "entity"] {
            if let value = arguments.value(name) { values[name] = value }
        }
        for pair in arguments.values("set") {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CLIError.usage("--set takes NAME=VALUE, got \"\(pair)\"", commandPath: ["labctl", "init"])
            }
            values[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return values
    }

    private static func report(_ plan: InitPlan, dryRun: Bool, quiet: Bool, console: Console,
                               language: Language) -> ExitCode {
        let presenter = InitPlanPresenter(language: language)
        let summary = presenter.summary(plan, dryRun: dryRun)
        if quiet {
            console.out(String(summary.split(separator: "\n").last ?? "") + "\n")
        } else {
            console.out(summary)
        }
        if dryRun { console.out(plan.diffs()) }
        if let note = presenter.keptNote(plan) { console.err(note + "\n") }
        if let error = presenter.conflictError(plan) {
            console.err(error + "\n")
            return .failure
        }
        return .success
    }
}
