import Diagnostics
import Foundation
import YAML

/// A business domain students are assigned (`labs/domains.yaml`): its main entities and the
/// business metrics it implies.
public struct Domain: Sendable, Hashable {
    /// `ecommerce`, `educacion`, `salud`…
    public var id: String
    /// Other names roster files may use (`e-commerce`, `education`).
    public var aliases: [String]
    public var name: LocalizedText
    /// Main entities, one of which each student gets (`pedido`, `producto`…).
    public var entities: [String]
    /// The business event counter, without prefix and `_total` (`pedidos_procesados`).
    public var counter: String
    /// The business gauge, without prefix (`carritos_activos`).
    public var gauge: String
    /// Further business metrics students may add (without prefix).
    public var suggested: [String]

    public init(id: String, aliases: [String], name: LocalizedText, entities: [String], counter: String,
                gauge: String, suggested: [String]) {
        self.id = id
        self.aliases = aliases
        self.name = name
        self.entities = entities
        self.counter = counter
        self.gauge = gauge
        self.suggested = suggested
    }
}

/// The domains of `labs/domains.yaml`, in file order.
public struct DomainCatalog: Sendable {
    public var domains: [Domain]

    public init(domains: [Domain]) {
        self.domains = domains
    }

    /// The file inside the content folder.
    public static let path = "labs/domains.yaml"
    /// The largest file read.
    public static let maxBytes = 1 << 20

    /// The domain `name` names: an id or an alias, case-insensitive.
    public func domain(named name: String) -> Domain? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return domains.first { $0.id == key } ?? domains.first { $0.aliases.contains(key) }
    }

    /// The domain ids, for messages.
    public var ids: [String] { domains.map(\.id) }

    // MARK: - Loading

    /// Loads `root/labs/domains.yaml`; throws a ``CatalogError`` with every problem.
    public static func load(root: URL) throws -> DomainCatalog {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogError("cannot read \(url.path)")
        }
        guard data.count <= maxBytes else { throw CatalogError("\(url.path) is larger than \(maxBytes) bytes") }
        let (catalog, diagnostics) = parse(String(decoding: data, as: UTF8.self), file: url.path)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let catalog else {
            throw CatalogError(errors.map(\.description).joined(separator: "\n"))
        }
        return catalog
    }

    /// Decodes and validates a domains file.
    public static func parse(_ text: String, file: String) -> (DomainCatalog?, [Diagnostic]) {
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard result.diagnostics.isEmpty else { return (nil, result.diagnostics) }
        guard let root = result.documents.first?.root else {
            return (nil, [.error(RosterDiagnosticCode.empty, "\(file) is empty")])
        }
        var ctx = YAMLDecodingContext()
        let top = ctx.mapping(root, allowed: ["domains"], what: "domains file")
        var domains: [Domain] = []
        var names: [String: SourceLocation] = [:]
        for node in ctx.sequence(top?["domains"], what: "domains") ?? [] {
            guard let m = ctx.mapping(node, allowed: ["id", "aliases", "name", "entities", "counter", "gauge", "suggested"],
                                      what: "domain") else { continue }
            let id = ctx.required("id", in: m, what: "domain").flatMap { ctx.string($0, what: "id") }
            let nameMap = ctx.stringMap(m["name"], what: "name") ?? [:]
            let entities = ctx.stringList(ctx.required("entities", in: m, what: "domain"), what: "entities") ?? []
            let counter = ctx.required("counter", in: m, what: "domain").flatMap { ctx.string($0, what: "counter") }
            let gauge = ctx.required("gauge", in: m, what: "domain").flatMap { ctx.string($0, what: "gauge") }
            let aliases = (ctx.stringList(m["aliases"], what: "aliases") ?? []).map { $0.lowercased() }
            let suggested = ctx.stringList(m["suggested"], what: "suggested") ?? []
            guard let id, let counter, let gauge else { continue }
            for word in [id, counter, gauge] + entities {
                if let problem = ParameterFormat.identifier.problem(with: word) {
                    ctx.error(RosterDiagnosticCode.unknownDomain, "\"\(word)\" \(problem)", at: node)
                }
            }
            if entities.isEmpty { ctx.error(RosterDiagnosticCode.unknownDomain, "domain \(id) has no entities", at: node) }
            for name in [id] + aliases {
                if let first = names[name] {
                    ctx.error(RosterDiagnosticCode.unknownDomain, "domain name \"\(name)\" is used twice", at: node,
                              notes: [.init("first used here", at: first)])
                }
                names[name] = names[name] ?? node.location
            }
            domains.append(Domain(id: id, aliases: aliases,
                                  name: LocalizedText(es: nameMap["es"] ?? id, en: nameMap["en"] ?? id),
                                  entities: entities, counter: counter, gauge: gauge, suggested: suggested))
        }
        if domains.isEmpty, !ctx.hasErrors {
            ctx.error(RosterDiagnosticCode.empty, "the domains file lists no domains", at: root)
        }
        return (DomainCatalog(domains: domains), ctx.diagnostics)
    }
}
