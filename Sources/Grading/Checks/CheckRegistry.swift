import LabCatalog

/// The evaluator of every check kind.
public enum CheckRegistry {
    static let evaluators: [any CheckEvaluator.Type] = [
        FileExistsCheck.self, FileContainsCheck.self, ConfigValidCheck.self, ScrapeJobCheck.self,
        ComposeServiceCheck.self, MetricExposedCheck.self, PromQLCheck.self, RecordingRuleCheck.self,
        AlertRuleCheck.self, AlertFiresCheck.self, AlertSilentCheck.self, AlertRouteCheck.self,
        DashboardPanelCheck.self, DashboardVariableCheck.self, DatasourceCheck.self,
        ScreenshotsCheck.self, ProfilingReportCheck.self, DocumentSectionsCheck.self,
    ]

    /// The evaluator for `kind`; nil for `manual`, which is never evaluated.
    public static func evaluator(for kind: CheckKind) -> (any CheckEvaluator)? {
        evaluators.first { $0.kind == kind }.map { $0.init() }
    }
}
