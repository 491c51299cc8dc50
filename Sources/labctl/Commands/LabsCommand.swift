import Diagnostics
import LabCatalog

/// `labctl labs list|show|checks`: the lab catalogue.
enum LabsCommand {
    static let language = OptionSpec.option("lang", valueName: "LANG", help: "Language of the texts",
                                            choices: Language.allCases.map(\.rawValue), defaultValue: "es",
                                            inherited: true)

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
            console.out(LabPresenter(language: LabsCommand.language(arguments)).list(catalog.labs))
            return .success
        })

    static let show = CommandSpec(
        name: "show", summary: "Show a lab: objectives, files, exercises, checks, corrections",
        examples: [.init("labctl labs show practica26", "Práctica 26 in Spanish")],
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
            console.out(LabPresenter(language: LabsCommand.language(arguments)).show(lab))
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

    static func language(_ arguments: ParsedArguments) -> Language {
        arguments.value("lang").flatMap(Language.init(rawValue:)) ?? .es
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
