import ConfigModel
import Foundation
import PromModel

/// An alert's history computed against a remote engine (``PrometheusQueryBackend``) instead of the
/// embedded rule manager: the alert's expression runs as one range query over the scenario, stepping
/// by the group's interval (the group's own, else the scenario's) from 0 to the scenario's end, which
/// are the times the rule manager evaluates it. The `for` state machine is then applied here, as
/// Prometheus's rule manager does: an instance goes pending at the first evaluation it is present,
/// fires at the first evaluation at least `for` later while still present, and starts over when it
/// disappears.
///
/// What cannot be evaluated this way returns nil, and the caller keeps the embedded rule run's
/// result (never a silent pass): an expression that uses a series recorded by the same rule file
/// (the remote server does not run the student's rules), `keep_firing_for`, and a group interval
/// that is not a multiple of the scenario's.
enum RemoteAlertTimeline {
    static func timelines(for rule: Rule, in ruleFile: RuleFile, scenario: ScenarioData,
                          backend: any QueryBackend) throws -> [RuleScenarioRun.AlertTimeline]? {
        guard rule.kind == .alerting, rule.keepFiringFor == nil else { return nil }
        if usesRecordedSeries(rule.expr, of: ruleFile) { return nil }
        let group = ruleFile.groups.first { g in g.rules.contains { $0.kind == rule.kind && $0.name == rule.name } }
        let interval = max(group?.interval?.milliseconds ?? scenario.interval, 1)
        // The embedded run evaluates on the scenario's own steps: another cadence is left to it.
        guard interval % scenario.interval == 0 else { return nil }
        let hold = rule.forDuration?.milliseconds ?? 0
        let series = try backend.range(rule.expr, start: 0, end: scenario.duration, step: interval)
        let extra = Labels(rule.labels.map { Label($0.name, $0.value) })
        var out: [RuleScenarioRun.AlertTimeline] = []
        for (labels, points) in series {
            var merged: [String: String] = [:]
            for l in labels where l.name != Label.metricName { merged[l.name] = l.value }
            for l in extra { merged[l.name] = l.value }
            merged["alertname"] = rule.name
            var timeline = RuleScenarioRun.AlertTimeline(labels: Labels(merged), annotations: [], pendingAt: nil, firingAt: nil)
            var activeSince: Int64?
            var previous: Int64?
            for p in points.sorted(by: { $0.t < $1.t }) {
                // A gap of more than one step means the instance was absent: it starts over.
                if let prev = previous, p.t - prev > interval { activeSince = nil }
                previous = p.t
                let since = activeSince ?? p.t
                activeSince = since
                if timeline.pendingAt == nil { timeline.pendingAt = p.t }
                if p.t - since >= hold, timeline.firingAt == nil { timeline.firingAt = p.t }
            }
            out.append(timeline)
        }
        return out
    }

    /// Whether `expr` names a series a rule of `ruleFile` records.
    static func usesRecordedSeries(_ expr: String, of ruleFile: RuleFile) -> Bool {
        let recorded = Set(ruleFile.rules.filter { $0.kind == .recording }.map(\.name))
        guard !recorded.isEmpty else { return false }
        var word = ""
        for c in expr + " " {
            if c.isLetter || c.isNumber || c == "_" || c == ":" { word.append(c); continue }
            if recorded.contains(word) { return true }
            word = ""
        }
        return false
    }
}
