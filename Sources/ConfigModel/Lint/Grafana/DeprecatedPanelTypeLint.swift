import Diagnostics

/// A panel of a type Grafana deprecated and no longer draws natively (`graph`, `singlestat`,
/// `table-old`, the old pie chart plugin): current Grafana migrates it on load, or shows an error.
///
/// Triggers: `{"type": "graph", "title": "Request rate"}`. Does not trigger: `{"type": "timeseries", …}`.
public struct DeprecatedPanelTypeLint: LintRule {
    public static let code = "grafana-lint/deprecated-panel-type"
    public static let summary = "panel of a deprecated type (graph, singlestat, table-old): use its successor"

    /// Deprecated panel types and what replaces them.
    static let replacements: [String: String] = [
        "graph": "timeseries", "singlestat": "stat", "table-old": "table", "grafana-piechart-panel": "piechart",
        "grafana-worldmap-panel": "geomap",
    ]

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        dashboard.allPanels.compactMap { p in
            guard let replacement = Self.replacements[p.type] else { return nil }
            return .warning(Self.code,
                            "panel type \"\(p.type)\" is deprecated (Grafana 7.4+ migrates or refuses it); use \"type\": \"\(replacement)\"",
                            at: p.node?["type"]?.location ?? p.node?.location)
        }
    }
}
