/// Stable diagnostic codes for Grafana provisioning files and dashboards.
public enum GrafanaDiagnosticCode {
    /// `apiVersion` other than 1.
    public static let apiVersion = "grafana-provisioning/api-version"
    /// More than one `isDefault: true` in one organisation.
    public static let multipleDefaults = "grafana-provisioning/multiple-defaults"
    /// Two datasources (or providers) with the same name in one organisation, or the same uid.
    public static let duplicateName = "grafana-provisioning/duplicate-name"
    /// `access` other than proxy or direct (Grafana warns and uses proxy).
    public static let invalidAccess = "grafana-provisioning/invalid-access"
    /// A datasource URL that is not http(s) with a host.
    public static let invalidURL = "grafana-provisioning/invalid-url"
    /// A datasource type that needs a `url` but has none.
    public static let missingURL = "grafana-provisioning/missing-url"
    /// A provisioning file that holds neither datasources nor dashboard providers.
    public static let unknownKind = "grafana-provisioning/unknown-kind"

    /// A dashboard without title.
    public static let missingTitle = "grafana-dashboard/missing-title"
    /// A dashboard without uid, or with one Grafana rejects.
    public static let invalidUID = "grafana-dashboard/invalid-uid"
    /// A dashboard without schemaVersion.
    public static let missingSchemaVersion = "grafana-dashboard/missing-schema-version"
    /// A dashboard wrapped as `{"dashboard": …}` (the HTTP API's shape, not a file Grafana provisions).
    public static let apiWrapper = "grafana-dashboard/api-wrapper"
    /// A top-level dashboard key Grafana does not know.
    public static let unknownKey = "grafana-dashboard/unknown-key"
    /// Two panels with the same id.
    public static let duplicatePanelID = "grafana-dashboard/duplicate-panel-id"
    /// gridPos outside the 24-column grid, or with a non-positive size.
    public static let invalidGridPos = "grafana-dashboard/invalid-gridpos"
    /// A panel without gridPos.
    public static let missingGridPos = "grafana-dashboard/missing-gridpos"
    /// Two panels covering the same grid cells.
    public static let overlappingPanels = "grafana-dashboard/overlapping-panels"
    /// A target expression that is not valid PromQL (after substituting variables).
    public static let invalidExpr = "grafana-dashboard/invalid-expr"
    /// `$var` used in a query but not defined in templating.list.
    public static let undefinedVariable = "grafana-dashboard/undefined-variable"
    /// A datasource reference that resolves to no known datasource.
    public static let unknownDatasource = "grafana-dashboard/unknown-datasource"
    /// Panels nested in a row that is not collapsed (Grafana ignores them).
    public static let panelsInExpandedRow = "grafana-dashboard/panels-in-expanded-row"
    /// Two template variables with the same name.
    public static let duplicateVariable = "grafana-dashboard/duplicate-variable"
}
