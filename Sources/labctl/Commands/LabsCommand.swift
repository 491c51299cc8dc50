import Diagnostics
import Foundation
import LabCatalog

/// `labctl labs list|show|checks`: the lab catalogue.
enum LabsCommand {
    /// `--lang es|en`; without it, `LANG`, else Spanish (the course's language).
    static let language = OptionSpec.option("lang", valueName: "es|en",
                                            help: "Language of the texts (default: LANG, else Spanish, the course's)",
                                            choices: Language.allCases.map(\.rawValue), inherited: true)

    static let spec = CommandSpec(
        name: "labs",
        summary: "List the labs of the course and show their exercises",
        discussion: """
        The catalogue is read from the content installed with labctl (or from $LABCTL_CONTENT,
        a folder with labs/ and templates/).
        """,
        examples: [
            .init("labctl labs list", "The labs, their points and titles"),
            .init("labctl labs show lab7 --lang en", "Objectives, files, exercises and checks of Lab 7"),
            .init("labctl labs checks", "The check kinds lab specs can use"),
        ],
        options: [language],
        subcommands: [list, show, checks]
    )

    static let list = CommandSpec(
        name: "list", summary: "List the labs",
        examples: [.init("labctl labs list --lang en", "The labs, in English")],
        run: { arguments, console in
            let catalog = try LabsCommand.catalog(console)
            console.out(LabPresenter(language: LabsCommand.language(arguments, console)).list(catalog.labs))
            return .success
        })

    static let show = CommandSpec(
        name: "show", summary: "Show a lab: objectives, files, exercises, checks, corrections",
        discussion: """
        Placeholders such as <<labctl:prefix>> are shown with your values: --prefix/--domain/--entity/
        --student/--set NAME=VALUE, or those `labctl init` recorded in --dir DIR; else each required
        parameter's example and the others' defaults.
        """,
        examples: [.init("labctl labs show practica26", "Práctica 26 in Spanish, with the example values"),
                   .init("labctl labs show practica26 --prefix ana_shop --domain ecommerce --entity pedido",
                         "Práctica 26 with your values"),
                   .init("labctl labs show practica26 --dir p26", "With the values of the lab in p26")],
        options: [
            .option("student", valueName: "ID", help: "Student id (parameter student)"),
            .option("prefix", valueName: "PREFIX", help: "Metric prefix (parameter prefix)"),
            .option("domain", valueName: "DOMAIN", help: "Domain (parameter domain)"),
            .option("entity", valueName: "ENTITY", help: "Main entity (parameter entity)"),
            .option("set", valueName: "NAME=VALUE", help: "Any parameter", repeatable: true),
            .option("dir", valueName: "DIR", help: "Take the values labctl init recorded in DIR"),
        ],
        positionals: [PositionalSpec("LAB", help: "Lab id (lab0 … lab8, practica26)", completion: .labs)],
        run: { arguments, console in
            let catalog = try LabsCommand.catalog(console)
            let id = arguments.positional("LAB").first ?? ""
            let lab: LabSpec
            do {
                lab = try catalog.requireLab(id)
            } catch let error as CatalogError {
                throw CLIError.failure(error.message)
            }
            let values: [String: String]
            do {
                values = try LabPresenter.exampleValues(for: lab, given: try studentValues(arguments, lab: lab))
            } catch let error as CatalogError {
                throw CLIError.failure(error.message)
            }
            console.out(LabPresenter(language: LabsCommand.language(arguments, console)).show(lab, values: values))
            return .success
        })

    static let checks = CommandSpec(
        name: "checks", summary: "List the check kinds of lab specs and their parameters",
        examples: [.init("labctl labs checks", "Every check kind")],
        run: { _, console in
            console.out(LabPresenter.checkKinds())
            return .success
        })

    // MARK: - Shared

    /// `--lang`, else `LANG`, else Spanish: the catalogue's labs are taught in Spanish.
    static func language(_ arguments: ParsedArguments, _ console: Console) -> Language {
        arguments.language(console, lab: .es)
    }

    /// The values given on the command line, over those recorded in `--dir DIR` (for the same lab).
    static func studentValues(_ arguments: ParsedArguments, lab: LabSpec) throws -> [String: String] {
        var values: [String: String] = [:]
        if let dir = arguments.value("dir") {
            let path = (dir as NSString).appendingPathComponent(LabAnswers.path)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError.failure("\(dir) was not written by labctl init (no \(LabAnswers.path))")
            }
            let answers: LabAnswers
            do { answers = try LabAnswers.parse(text, file: path) } catch let error as CatalogError {
                throw CLIError.failure(error.message)
            }
            if answers.lab == lab.id { values = answers.values }
        }
        return values.merging(try InitCommand.values(arguments)) { _, given in given }
    }

    /// The installed catalogue; problems in it are printed as diagnostics on stderr.
    static func catalog(_ console: Console) throws -> Catalog {
        let catalog: Catalog
        do {
            catalog = try Catalog.installed(environment: console.environment.isEmpty
                                            ? ProcessEnvironment.current : console.environment)
        } catch {
            throw CLIError.failure("\(error)")
        }
        if !catalog.diagnostics.isEmpty {
            for d in catalog.diagnostics { console.err("\(d)\n") }
        }
        return catalog
    }
}
