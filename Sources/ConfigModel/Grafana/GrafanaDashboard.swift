import Diagnostics
import Foundation
import YAML

/// A classic Grafana dashboard JSON model: panels (rows' nested panels included), template variables and
/// the settings labctl checks.
///
/// ```swift
/// let (dashboard, diagnostics) = GrafanaDashboard.load(text: json, file: "api.json", datasources: provisioned).parts
/// ```
/// Checks the grid, panel ids, every target's PromQL (after substituting Grafana variables), variables
/// used but not defined, and datasource references (against provisioned datasources when given).
public struct GrafanaDashboard: Sendable {
    public var uid: String?
    public var title: String?
    public var schemaVersion: Int?
    /// Top-level panels in order; rows keep their nested panels in `panels`.
    public var panels: [GrafanaPanel] = []
    public var variables: [GrafanaVariable] = []
    /// Names of `__inputs` (import placeholders such as `DS_PROMETHEUS`).
    public var inputs: [String] = []
    /// Whether the file wrapped the dashboard as `{"dashboard": …}`.
    public var wrapped = false
    /// The dashboard object.
    public var node: YAMLNode?
    /// The file's text, to map positions inside JSON strings (see ``JSONStringColumns``).
    public var source: String?

    public init(title: String? = nil, uid: String? = nil) {
        self.title = title
        self.uid = uid
    }

    /// Every panel, rows' nested panels included, depth first.
    public var allPanels: [GrafanaPanel] {
        panels.flatMap { [$0] + $0.panels }
    }

    static let keys = ["annotations", "description", "editable", "fiscalYearStartMonth", "gnetId", "graphTooltip",
                       "id", "links", "liveNow", "panels", "refresh", "schemaVersion", "style", "tags", "templating",
                       "time", "timepicker", "timezone", "title", "uid", "version", "weekStart", "__inputs",
                       "__requires", "__elements", "rows", "hideControls", "sharedCrosshair", "preload"]

    // MARK: - Loading

    /// Parses and validates dashboard JSON. `datasources` are the provisioned datasources references must
    /// resolve against (`nil`: unknown, references are not checked against names).
    public static func load(text: String, file: String, datasources: [GrafanaDatasource]? = nil)
        -> ConfigLoadResult<GrafanaDashboard> {
        let parsed = JSONParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard let root = parsed.documents.first?.root else {
            return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics)
        }
        var ctx = YAMLDecodingContext()
        guard var d = decode(root, context: &ctx) else {
            return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics + ctx.diagnostics)
        }
        d.source = text
        return ConfigLoadResult(value: d,
                                diagnostics: parsed.diagnostics + ctx.diagnostics + d.validate(datasources: datasources))
    }

    /// Reads and loads a file (`-` for standard input).
    public static func load(path: String, datasources: [GrafanaDatasource]? = nil)
        -> ConfigLoadResult<GrafanaDashboard> {
        ConfigLoadResult.reading(path) { input in
            load(text: String(decoding: input.bytes, as: UTF8.self), file: input.name, datasources: datasources)
        }
    }

    static func decode(_ root: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaDashboard? {
        var node = root
        var wrapped = false
        if let inner = root["dashboard"], inner.mapping != nil {
            ctx.warning(GrafanaDiagnosticCode.apiWrapper,
                        "dashboard is wrapped in {\"dashboard\": …} (the HTTP API format); file provisioning "
                        + "expects the dashboard object itself", at: root)
            node = inner
            wrapped = true
        }
        guard let m = ctx.mapping(node, what: "dashboard") else { return nil }
        for pair in m.pairs {
            guard let key = pair.key.scalarValue, !keys.contains(key) else { continue }
            ctx.warning(GrafanaDiagnosticCode.unknownKey, "unknown dashboard key \"\(key)\""
                        + Suggestion.didYouMean(key, in: keys), at: pair.key)
        }
        var d = GrafanaDashboard(title: ctx.string(m["title"], what: "title"), uid: ctx.string(m["uid"], what: "uid"))
        d.node = node
        d.wrapped = wrapped
        d.schemaVersion = ctx.int(m["schemaVersion"], what: "schemaVersion")
        d.panels = ctx.list(m["panels"], what: "panels") { ctx, item in GrafanaPanel.decode(item, context: &ctx) } ?? []
        if let templating = ctx.mapping(m["templating"], what: "templating") {
            d.variables = ctx.list(templating["list"], what: "templating.list") { ctx, item in
                GrafanaVariable.decode(item, context: &ctx)
            } ?? []
        }
        d.inputs = (ctx.sequence(m["__inputs"], what: "__inputs") ?? []).compactMap { $0["name"]?.scalarValue }
        return d
    }
}

// MARK: - File kind

extension GrafanaDashboard {
    /// Top-level keys only a Grafana dashboard has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["panels", "schemaVersion", "templating", "timepicker", "rows"]
}
