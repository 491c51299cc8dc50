import Diagnostics
import Foundation
import YAML

/// A Grafana provisioning file: datasources (`datasources:`/`deleteDatasources:`) or dashboard
/// providers (`providers:`), told apart by their keys.
///
/// ```swift
/// let (file, diagnostics) = GrafanaProvisioning.load(text: yaml, file: "datasources/prometheus.yml").parts
/// let names = file?.datasources.map(\.name)
/// ```
public struct GrafanaProvisioning: Sendable {
    public var apiVersion = 1
    public var datasources: [GrafanaDatasource] = []
    /// `deleteDatasources:` entries (name, orgId).
    public var deleteDatasources: [(name: String, orgID: Int)] = []
    public var prune = false
    public var providers: [GrafanaDashboardProvider] = []
    public var node: YAMLNode?

    public init() {}

    static let keys = ["apiVersion", "datasources", "deleteDatasources", "prune", "providers"]

    // MARK: - Loading

    /// Parses and validates a provisioning file.
    public static func load(text: String, file: String) -> ConfigLoadResult<GrafanaProvisioning> {
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard let root = parsed.documents.first?.root else {
            if parsed.hasErrors { return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics) }
            return ConfigLoadResult(value: nil, diagnostics: [
                .error(GrafanaDiagnosticCode.unknownKind, "empty provisioning file",
                                 at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var ctx = YAMLDecodingContext()
        guard let p = decode(root, context: &ctx) else {
            return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics + ctx.diagnostics)
        }
        return ConfigLoadResult(value: p, diagnostics: parsed.diagnostics + ctx.diagnostics + p.validate())
    }

    /// Reads and loads a file (`-` for standard input).
    public static func load(path: String) -> ConfigLoadResult<GrafanaProvisioning> {
        ConfigLoadResult.reading(path) { input in
            load(text: String(decoding: input.bytes, as: UTF8.self), file: input.name)
        }
    }

    static func decode(_ root: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaProvisioning? {
        guard let m = ctx.mapping(root, allowed: keys, what: "provisioning file") else { return nil }
        var p = GrafanaProvisioning()
        p.node = root
        if let v = m["apiVersion"], let version = ctx.int(v, what: "apiVersion") {
            p.apiVersion = version
            if version != 1 {
                ctx.error(GrafanaDiagnosticCode.apiVersion, "unsupported apiVersion \(version) (expected 1)", at: v)
            }
        }
        p.datasources = ctx.list(m["datasources"], what: "datasources") { ctx, item in
            GrafanaDatasource.decode(item, context: &ctx)
        } ?? []
        p.deleteDatasources = ctx.list(m["deleteDatasources"], what: "deleteDatasources") { ctx, item in
            guard let dm = ctx.mapping(item, allowed: ["name", "orgId", "uid"], what: "deleteDatasources item"),
                  let name = ctx.string(dm["name"], what: "name") else { return nil }
            return (name, ctx.int(dm["orgId"], what: "orgId") ?? 1)
        } ?? []
        p.prune = ctx.bool(m["prune"], what: "prune") ?? false
        p.providers = ctx.list(m["providers"], what: "providers") { ctx, item in
            GrafanaDashboardProvider.decode(item, context: &ctx)
        } ?? []
        if m["datasources"] == nil, m["deleteDatasources"] == nil, m["providers"] == nil {
            ctx.error(GrafanaDiagnosticCode.unknownKind,
                      "neither datasources, deleteDatasources nor providers: not a Grafana provisioning file",
                      at: root)
        }
        return p
    }

    // MARK: - Validation

    /// One default per organisation, unique names per organisation, unique uids, unique provider names.
    public func validate() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var defaults: [Int: GrafanaDatasource] = [:]
        var names: [String: GrafanaDatasource] = [:]
        var uids: [String: GrafanaDatasource] = [:]
        for d in datasources {
            let at = d.node?.location
            if d.isDefault {
                if let first = defaults[d.orgID] {
                    out.append(.error(GrafanaDiagnosticCode.multipleDefaults,
                                      "only one datasource per organization can be marked as default "
                                      + "(\"\(first.name)\" and \"\(d.name)\" in org \(d.orgID))",
                                      at: d.node?["isDefault"]?.location ?? at,
                                      notes: [.init("first default here", at: first.node?["isDefault"]?.location)]))
                } else {
                    defaults[d.orgID] = d
                }
            }
            let key = "\(d.orgID)/\(d.name)"
            if !d.name.isEmpty, let first = names[key] {
                out.append(.error(GrafanaDiagnosticCode.duplicateName,
                                  "datasource name \"\(d.name)\" is used twice in org \(d.orgID)",
                                  at: d.node?["name"]?.location ?? at,
                                  notes: [.init("first defined here", at: first.node?["name"]?.location)]))
            }
            names[key] = names[key] ?? d
            if let uid = d.uid {
                if let first = uids[uid] {
                    out.append(.error(GrafanaDiagnosticCode.duplicateName,
                                      "datasource uid \"\(uid)\" is used by \"\(first.name)\" and \"\(d.name)\"",
                                      at: d.node?["uid"]?.location ?? at))
                }
                uids[uid] = uids[uid] ?? d
            }
        }
        var providerNames = Set<String>()
        for p in providers where !p.name.isEmpty && !providerNames.insert(p.name).inserted {
            out.append(.error(GrafanaDiagnosticCode.duplicateName, "dashboard provider name \"\(p.name)\" is used twice",
                              at: p.node?["name"]?.location))
        }
        return out
    }

    // MARK: - Writing

    /// The file as a YAML node tree.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = [("apiVersion", .scalar("\(apiVersion)"))]
        if !deleteDatasources.isEmpty {
            pairs.append(("deleteDatasources", .sequence(deleteDatasources.map {
                .mapping([("name", .string($0.name)), ("orgId", .scalar("\($0.orgID)"))])
            })))
        }
        if !datasources.isEmpty { pairs.append(("datasources", .sequence(datasources.map { $0.yamlNode() }))) }
        if !providers.isEmpty { pairs.append(("providers", .sequence(providers.map { $0.yamlNode() }))) }
        return .mapping(pairs)
    }
}

// MARK: - File kind

extension GrafanaProvisioning {
    /// Top-level keys only a Grafana provisioning file has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["apiVersion", "datasources", "deleteDatasources", "providers"]
}
