import ConfigModel
import PromModel

/// What an ``AlertPipeline`` runs: the rule files, the Alertmanager configuration, and the parts of
/// `prometheus.yml` that shape alerts (external labels, evaluation interval, rule query offset,
/// alert relabelling).
public struct AlertPipelineOptions: Sendable {
    /// The start time in milliseconds since the Unix epoch (the clock's initial value).
    public var start: Int64 = 0
    public var ruleFiles: [RuleFile]
    public var alertmanager: AlertmanagerConfig
    /// `global.external_labels`.
    public var externalLabels: Labels = .empty
    /// `global.evaluation_interval`, for groups without `interval` (milliseconds).
    public var evaluationInterval: Int64 = 60_000
    /// `global.rule_query_offset` (milliseconds).
    public var ruleQueryOffset: Int64 = 0
    /// `alerting.alert_relabel_configs`.
    public var alertRelabelConfigs: [RelabelConfig] = []
    /// The Alertmanager endpoint's own `alert_relabel_configs` (applied after the global ones).
    public var endpointAlertRelabelConfigs: [RelabelConfig] = []
    /// Prometheus's external URL: generator URLs and `$externalURL`.
    public var prometheusURL = "http://localhost:9090"
    /// Alertmanager's external URL: `.ExternalURL` in notifications.
    public var alertmanagerURL = "http://localhost:9093"
    /// `--rules.alert.resend-delay` (milliseconds).
    public var resendDelay: Int64 = 60_000
    /// Offset rule groups by a hash of their name (Prometheus's slotting). Off by default so that
    /// groups run at exact multiples of their interval and scenarios read naturally.
    public var alignByGroupHash = false
    /// Bounds on the alerts and groups the dispatcher holds.
    public var dispatcherLimits = DispatcherLimits()
    /// Events one ``AlertPipeline/advance(to:)`` may run before it stops.
    public var maxStepsPerAdvance = 1_000_000

    public init(ruleFiles: [RuleFile], alertmanager: AlertmanagerConfig, start: Int64 = 0) {
        self.ruleFiles = ruleFiles
        self.alertmanager = alertmanager
        self.start = start
    }

    /// Takes external labels, the evaluation interval, the rule query offset and alert relabelling from
    /// `config` (the first `alertmanagers` entry's relabelling stands for the in-process Alertmanager).
    public init(prometheus config: PrometheusConfig, ruleFiles: [RuleFile], alertmanager: AlertmanagerConfig,
                start: Int64 = 0) {
        self.init(ruleFiles: ruleFiles, alertmanager: alertmanager, start: start)
        externalLabels = Labels(config.global.externalLabels.map { Label($0.name, $0.value) })
        evaluationInterval = config.global.evaluationInterval.milliseconds
        ruleQueryOffset = config.global.ruleQueryOffset.milliseconds
        alertRelabelConfigs = config.alerting.alertRelabelConfigs
        endpointAlertRelabelConfigs = config.alerting.alertmanagers.first?.alertRelabelConfigs ?? []
    }
}
