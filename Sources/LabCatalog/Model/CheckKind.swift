/// The kinds of checks a lab spec may use. The table of parameters below drives decoding,
/// validation (`labctl check lab-spec`) and the documentation printed by `labctl labs checks`.
public enum CheckKind: String, Sendable, CaseIterable {
    case fileExists = "file_exists"
    case fileContains = "file_contains"
    case configValid = "config_valid"
    case scrapeJob = "scrape_job"
    case composeService = "compose_service"
    case metricExposed = "metric_exposed"
    case promql
    case recordingRule = "recording_rule"
    case alertRule = "alert_rule"
    case alertFires = "alert_fires"
    case alertSilent = "alert_silent"
    case alertRoute = "alert_route"
    case dashboardPanel = "dashboard_panel"
    case dashboardVariable = "dashboard_variable"
    case datasource
    case manual
    case screenshots
    case profilingReport = "profiling_report"
    case documentSections = "document_sections"

    /// What the check verifies.
    public var summary: String {
        switch self {
        case .fileExists: return "the file exists in the submission"
        case .fileContains: return "the file contains a literal text"
        case .configValid: return "a labctl config check (config, rules, alertmanager, compose, dashboard, datasources) passes on the file"
        case .scrapeJob: return "prometheus.yml has a scrape job with this name (and target, metrics_path, honor_labels, match[], discovery)"
        case .composeService: return "the compose file defines the service (image, ports, depends_on, labels)"
        case .metricExposed: return "the service exposes the metric (type, labels), statically in the source or at runtime"
        case .promql: return "the student's query gives the same result as the reference query on a scenario"
        case .recordingRule: return "the rule file records this series and it matches the reference on a scenario"
        case .alertRule: return "the rule file defines the alert (for, severity)"
        case .alertFires: return "the alert fires within a duration on a scenario"
        case .alertSilent: return "the alert does not fire on a scenario (no false positives)"
        case .alertRoute: return "Alertmanager routes an alert with these labels to these receivers"
        case .dashboardPanel: return "the dashboard has a panel (title, type) whose query matches the reference"
        case .dashboardVariable: return "the dashboard defines a template variable"
        case .datasource: return "Grafana provisions a datasource with this URL"
        case .manual: return "graded by the teacher (report, screenshots); labctl lists it as pending"
        case .screenshots: return "a folder of the submission holds at least N real images (PNG/JPEG signature, minimum size)"
        case .profilingReport: return "a profiling report in the submission covers at least N endpoints (paths like /api/...)"
        case .documentSections: return "a document of the submission has the required sections (Markdown headings)"
        }
    }

    /// The parameters the kind takes.
    public var parameters: [CheckParameterSpec] {
        typealias P = CheckParameterSpec
        switch self {
        case .fileExists:
            return [P("file", .file(nil), required: true)]
        case .fileContains:
            return [P("file", .file(nil), required: true), P("text", .string, required: true)]
        case .configValid:
            return [P("file", .file(nil), required: true),
                    P("check", .choice(["config", "rules", "alertmanager", "compose", "dashboard", "datasources"]),
                      required: true)]
        case .scrapeJob:
            return [P("file", .file([.prometheusConfig]), required: true), P("job", .string, required: true),
                    P("target", .string), P("metrics_path", .string), P("scrape_interval", .duration),
                    P("honor_labels", .choice(["true", "false"])), P("match", .list),
                    P("service_discovery", .choice(["static", "docker", "file"]))]
        case .composeService:
            return [P("file", .file([.compose]), required: true), P("service", .string, required: true),
                    P("image", .string), P("ports", .list), P("depends_on", .list), P("labels", .list)]
        case .metricExposed:
            return [P("metric", .string, required: true),
                    P("type", .choice(["counter", "gauge", "histogram", "summary"])),
                    P("labels", .list), P("file", .file([.python])), P("scenario", .scenario)]
        case .promql:
            return [P("answer", .file([.promqlAnswers]), required: true), P("key", .string, required: true),
                    P("reference", .string, required: true), P("scenario", .scenario, required: true),
                    P("at", .duration), P("tolerance", .number)]
        case .recordingRule:
            return [P("file", .file([.rules]), required: true), P("record", .string, required: true),
                    P("reference", .string, required: true), P("scenario", .scenario, required: true),
                    P("at", .duration)]
        case .alertRule:
            return [P("file", .file([.rules]), required: true), P("alert", .string, required: true),
                    P("for", .duration), P("severity", .string)]
        case .alertFires:
            return [P("file", .file([.rules]), required: true), P("alert", .string, required: true),
                    P("scenario", .scenario, required: true), P("within", .duration, required: true)]
        case .alertSilent:
            return [P("file", .file([.rules]), required: true), P("alert", .string, required: true),
                    P("scenario", .scenario, required: true)]
        case .alertRoute:
            return [P("file", .file([.alertmanager]), required: true), P("labels", .map, required: true),
                    P("receivers", .list, required: true), P("inhibited_by", .map)]
        case .dashboardPanel:
            return [P("file", .file([.dashboard]), required: true), P("title", .string),
                    P("type", .string), P("reference", .string), P("scenario", .scenario), P("uses", .list)]
        case .dashboardVariable:
            return [P("file", .file([.dashboard]), required: true), P("name", .string, required: true),
                    P("type", .choice(["query", "interval", "custom", "constant", "datasource", "textbox"]))]
        case .datasource:
            return [P("file", .file([.grafanaDatasources]), required: true), P("url", .string, required: true),
                    P("type", .string)]
        case .manual:
            return [P("evidence", .string, required: true)]
        case .screenshots:
            return [P("path", .string, required: true), P("min", .number), P("min_bytes", .number)]
        case .profilingReport:
            return [P("path", .string, required: true), P("endpoints", .number, required: true)]
        case .documentSections:
            return [P("path", .string, required: true), P("sections", .list, required: true)]
        }
    }

    /// The keys every check accepts besides its parameters.
    public static let commonKeys = ["kind", "points", "description", "id", "hidden"]
}

/// One parameter of a check kind.
public struct CheckParameterSpec: Sendable, Hashable {
    /// The value a parameter takes.
    public enum ValueType: Sendable, Hashable {
        case string
        /// A lab file path; the file must be in the lab's `files` (of one of these kinds, when given).
        case file([FileKind]?)
        /// The name of one of the lab's scenarios.
        case scenario
        /// A Prometheus duration (`5m`).
        case duration
        /// A number (`0.001`).
        case number
        /// One of these words.
        case choice([String])
        case list
        case map
    }

    public var name: String
    public var type: ValueType
    public var required: Bool

    public init(_ name: String, _ type: ValueType, required: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
    }
}
