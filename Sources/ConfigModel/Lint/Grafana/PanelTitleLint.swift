import Diagnostics

/// A panel (not a row, not a text panel) without a title: readers cannot tell what it shows.
///
/// Triggers: `{"type": "timeseries", "title": ""}`. Does not trigger: `{"type": "timeseries", "title": "Request rate"}`.
public struct PanelTitleLint: LintRule {
    public static let code = "grafana-lint/panel-title"
    public static let summary = "panel without a title"

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        dashboard.allPanels.compactMap { p in
            guard !p.isRow, p.type != "text", p.title.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let what = p.id.map { "panel \($0)" } ?? "a \(p.type.isEmpty ? "panel" : p.type) panel"
            return .warning(Self.code, "\(what) has no title", at: p.node?.location)
        }
    }
}
