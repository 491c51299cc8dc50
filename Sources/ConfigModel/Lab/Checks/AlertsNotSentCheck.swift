import Diagnostics

/// Alerting rules without `alerting.alertmanagers`: the alerts fire in Prometheus but are never sent,
/// although the lab runs an Alertmanager.
///
/// Triggers: an `alertmanager` service, rule files with `alert:` rules, and no `alerting:` block in
/// prometheus.yml (reported at the first alerting rule).
/// Does not trigger: `alerting: {alertmanagers: [{static_configs: [{targets: ['alertmanager:9093']}]}]}`,
/// or a lab without an Alertmanager.
public struct AlertsNotSentCheck: LabWiringCheck {
    public static let code = "lab/alerts-not-sent"
    public static let summary = "alerting rules exist but prometheus.yml sends alerts to no Alertmanager"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let config = lab.prometheus?.value, config.alerting.alertmanagers.isEmpty,
              lab.service(role: .alertmanager) != nil || lab.alertmanager != nil,
              let first = lab.rules.first(where: { $0.rule.kind == .alerting }) else { return [] }
        return [.warning(Self.code, "alert \"\(first.rule.name)\" will fire in Prometheus but is never sent: "
                         + "\(lab.prometheus?.path ?? "prometheus.yml") has no alerting.alertmanagers",
                         at: first.rule.nameLocation ?? first.rule.location)]
    }
}
