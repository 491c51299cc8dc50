import Diagnostics

/// A file a lab produces: where it goes in the student's directory and which template renders it.
public struct LabFile: Sendable, Hashable {
    /// Path inside the lab directory, `/`-separated, relative (`prometheus/prometheus.yml`).
    public var path: String
    /// Template path relative to the templates root (`lab1/services/fastapi_app/main.py`);
    /// defaults to `<lab>/<path>`, and names an earlier lab's template when the file is unchanged.
    public var template: String
    /// What the file is, so checks and `labctl check lab` know how to read it.
    public var kind: FileKind
    public var location: SourceLocation

    public init(path: String, template: String, kind: FileKind, location: SourceLocation) {
        self.path = path
        self.template = template
        self.kind = kind
        self.location = location
    }
}

/// The kinds of lab files.
public enum FileKind: String, Sendable, CaseIterable {
    case compose
    case prometheusConfig = "prometheus-config"
    case rules
    case alertmanager
    case grafanaDatasources = "grafana-datasources"
    case grafanaDashboards = "grafana-dashboards"
    case dashboard
    case python
    case dockerfile
    case requirements
    case nginx
    case k6
    case promqlAnswers = "promql-answers"
    case text
    /// A binary file (a PNG screenshot) copied verbatim: never rendered, never patched.
    case image
}
