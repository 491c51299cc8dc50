import YAML

/// How a panel, target or variable names its datasource.
public enum GrafanaDatasourceRef: Hashable, Sendable {
    /// `{"type": …, "uid": …}` (uid may be a `${DS_X}` import input or `$var`).
    case uid(String, type: String?)
    /// A plain string: a datasource name, `${DS_X}` or `$var` (older dashboards).
    case name(String)
    /// `-- Grafana --` / `grafana` (the built-in test datasource).
    case grafana
    /// `-- Mixed --`: each target names its own.
    case mixed
    /// `-- Dashboard --`: reuses another panel's results.
    case dashboard

    static func decode(_ node: YAMLNode?) -> GrafanaDatasourceRef? {
        guard let node, !node.isNull else { return nil }
        if let text = node.scalarValue { return fromText(text) }
        guard let uid = node["uid"]?.scalarValue else {
            return node["type"]?.scalarValue.flatMap { $0 == "datasource" ? .grafana : nil }
        }
        switch uid {
        case "-- Grafana --", "grafana": return .grafana
        case "-- Mixed --": return .mixed
        case "-- Dashboard --": return .dashboard
        default: return .uid(uid, type: node["type"]?.scalarValue)
        }
    }

    private static func fromText(_ text: String) -> GrafanaDatasourceRef {
        switch text {
        case "-- Grafana --", "grafana": return .grafana
        case "-- Mixed --": return .mixed
        case "-- Dashboard --": return .dashboard
        default: return .name(text)
        }
    }

    /// The variable the reference goes through (`$datasource`, `${DS_PROMETHEUS}`), if any.
    public var variableName: String? {
        let text: String
        switch self {
        case .uid(let u, _): text = u
        case .name(let n): text = n
        default: return nil
        }
        guard text.hasPrefix("$") else { return nil }
        let expansion = GrafanaQueryExpansion(text)
        return expansion.references.first?.name
    }
}
