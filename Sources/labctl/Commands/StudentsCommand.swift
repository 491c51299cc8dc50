import Diagnostics
import LabCatalog

/// `labctl students generate|verify`: per-student variants of a lab and copy detection.
enum StudentsCommand {
    static let spec = CommandSpec(
        name: "students",
        summary: "Per-student lab variants from a roster CSV, and copy detection between submissions",
        discussion: """
        The roster is a CSV file (RFC 4180; `,` or `;`; UTF-8 with or without BOM) with a header line.
        Columns: id and prefix (required), name, domain, entity, email (optional; Spanish names such
        as prefijo, dominio, entidad, correo work too). Prefixes are [a-z][a-z0-9_]*, at most 40
        characters, no trailing _ or __, unique, and none may be a prefix or a _-separated part of
        another (ana / ana_shop, shop / ana_shop). When a row has no domain or entity, one is
        assigned from a stable hash of the student id, so re-running gives the same output.
        Domains: labs/domains.yaml of the lab content.
        """,
        examples: [
            .init("labctl students generate --roster roster.csv --out clase", "One practica26 directory per student"),
            .init("labctl students verify --roster roster.csv --submissions entregas", "Find copies between submissions"),
        ],
        subcommands: [StudentsGenerateCommand.spec, StudentsVerifyCommand.spec]
    )

    // MARK: - Shared

    static let rosterOption = OptionSpec.option("roster", valueName: "FILE", help: "The roster CSV")
    static let labOption = OptionSpec.option("lab", valueName: "LAB", help: "The lab (default practica26)",
                                             defaultValue: "practica26").completing(.labs)

    /// The catalogue, the domains, the lab and the roster of a students command; roster problems are
    /// printed as diagnostics and end the command with exit 1 (returned as `nil`).
    static func load(_ arguments: ParsedArguments, _ console: Console, command: String)
        throws -> (catalog: Catalog, domains: DomainCatalog, lab: LabSpec, roster: Roster)? {
        guard let rosterPath = arguments.value("roster") else {
            throw CLIError.usage("missing --roster FILE", commandPath: ["labctl", "students", command])
        }
        let catalog = try LabsCommand.catalog(console)
        let domains: DomainCatalog
        let lab: LabSpec
        do {
            domains = try DomainCatalog.load(root: catalog.root)
            lab = try catalog.requireLab(arguments.value("lab") ?? "practica26")
        } catch let error as CatalogError {
            throw CLIError.failure(error.message)
        }
        let (roster, diagnostics) = Roster.load(path: rosterPath, domains: domains)
        if !diagnostics.isEmpty || roster == nil {
            let report = DiagnosticReport(files: [rosterPath], diagnostics: diagnostics)
            let code = console.emit(report, format: arguments.diagnosticFormat, lintFatal: false, sources: SourceCache())
            if roster == nil || code != .success { return nil }
        }
        guard let roster else { return nil }
        return (catalog, domains, lab, roster)
    }
}
