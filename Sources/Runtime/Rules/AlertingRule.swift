import GoCompat
import PromModel
import PromQL

/// An alerting rule and the state of its alerts, evaluated like Prometheus's `AlertingRule`:
///
/// - every series the expression returns is an alert, identified by its labels (without `__name__`)
///   plus the rule's rendered labels and `alertname`; it starts `pending` and turns `firing` once it
///   has been active for `for`;
/// - an alert no longer returned is dropped when pending; when firing it is kept firing while
///   `keep_firing_for` lasts, then becomes `inactive` with `resolvedAt` set, and is kept 15 minutes
///   so that the resolution is sent;
/// - each evaluation yields `ALERTS{alertstate="pending|firing"} 1` and `ALERTS_FOR_STATE` (value:
///   `activeAt` in seconds) for every pending or firing alert.
public final class AlertingRule {
    /// How long a resolved alert is kept (and re-sent) after it resolved: 15 minutes.
    public static let resolvedRetention: Int64 = 15 * 60 * 1000

    public let name: String
    public let expr: Expr
    /// The expression as written (generator URLs use the printed expression, as Prometheus's
    /// `expr.String()`, so a multi-line expression gives a one-line link).
    public let exprText: String
    /// `for`, in milliseconds.
    public let holdDuration: Int64
    /// `keep_firing_for`, in milliseconds.
    public let keepFiringFor: Int64
    /// Label templates (group labels merged in; the rule's own win), sorted by name.
    public let labels: [Label]
    /// Annotation templates, sorted by name.
    public let annotations: [Label]
    public let externalLabels: Labels
    public let externalURL: String
    /// Whether `ALERTS`/`ALERTS_FOR_STATE` are written (Prometheus holds them back until the `for`
    /// state is restored; labctl keeps no state across runs, so rules start restored).
    public var restored = true
    /// Alert instances by identity, including resolved ones still retained.
    public internal(set) var active: [Labels: RuleAlert] = [:]
    public internal(set) var lastError: String?
    public internal(set) var health: RuleHealth = .unknown
    public internal(set) var lastEvaluation: Int64?

    public init(name: String, expr: Expr, exprText: String = "", holdDuration: Int64 = 0, keepFiringFor: Int64 = 0,
                labels: [Label] = [], annotations: [Label] = [], externalLabels: Labels = .empty,
                externalURL: String = "") {
        self.name = name
        self.expr = expr
        self.exprText = exprText.isEmpty ? expr.description : exprText
        self.holdDuration = max(0, holdDuration)
        self.keepFiringFor = max(0, keepFiringFor)
        self.labels = labels.sorted { $0.name < $1.name }
        self.annotations = annotations.sorted { $0.name < $1.name }
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }

    // MARK: - Queries about the state

    /// Alerts not resolved (pending or firing), sorted by labels; what promtool's unit tests look at.
    public var activeAlerts: [RuleAlert] {
        active.values.filter { $0.resolvedAt == nil }.sorted { $0.labels < $1.labels }
    }

    /// Every retained alert, resolved ones included, sorted by labels.
    public var currentAlerts: [RuleAlert] {
        active.values.sorted { $0.labels < $1.labels }
    }

    /// The highest state among the rule's alerts.
    public var state: AlertState {
        active.values.map(\.state).max() ?? .inactive
    }

    // MARK: - Evaluation

    /// Evaluates the rule at `ts` (the query runs at `ts - queryOffset`), updates the alerts and
    /// returns the `ALERTS` and `ALERTS_FOR_STATE` samples to write.
    /// - Throws: the query's error, ``RuleEvaluationError/duplicateAlertLabelSet``, or the limit
    ///   error (which also clears every alert, as Prometheus does).
    public func eval(at ts: Int64, queryOffset: Int64, query: @escaping QueryFunc, limit: Int) throws -> [VectorSample] {
        let t = ts.subtractingSaturated(queryOffset)
        let samples = try RuleQuery.vector(try query(expr, t), at: t)
        var fresh: [Labels: RuleAlert] = [:]
        let url = generatorURL
        for sample in samples {
            let rendered = render(sample: sample, at: ts, query: query)
            if fresh[rendered.labels] != nil { throw RuleEvaluationError.duplicateAlertLabelSet }
            fresh[rendered.labels] = RuleAlert(ruleName: name, labels: rendered.labels,
                                               annotations: rendered.annotations, state: .pending,
                                               value: sample.f, activeAt: ts, generatorURL: url)
        }
        for (key, alert) in fresh {
            if var existing = active[key], existing.state != .inactive {
                existing.value = alert.value
                existing.annotations = alert.annotations
                active[key] = existing
            } else {
                active[key] = alert
            }
        }
        var out: [VectorSample] = []
        var activeCount = 0
        for key in active.keys.sorted() {
            guard var alert = active[key] else { continue }
            if fresh[key] == nil {
                var keepFiring = false
                if alert.state == .firing && keepFiringFor > 0 {
                    let since = alert.keepFiringSince ?? ts
                    alert.keepFiringSince = since
                    keepFiring = ts.subtractingSaturated(since) < keepFiringFor
                }
                var drop = alert.state == .pending
                if let resolved = alert.resolvedAt, ts.subtractingSaturated(resolved) > Self.resolvedRetention {
                    drop = true
                }
                if alert.state != .inactive && !keepFiring {
                    alert.state = .inactive
                    alert.resolvedAt = ts
                }
                active[key] = drop ? nil : alert
                if !keepFiring { continue }
            } else {
                alert.keepFiringSince = nil
            }
            activeCount += 1
            if alert.state == .pending && ts.subtractingSaturated(alert.activeAt) >= holdDuration {
                alert.state = .firing
                alert.firedAt = ts
            }
            active[key] = alert
            if restored {
                out.append(VectorSample(metric: alertsSeries(alert), t: t, f: 1))
                out.append(VectorSample(metric: forStateSeries(alert), t: t,
                                        f: Double(Self.floorDiv(alert.activeAt, 1000))))
            }
        }
        if limit > 0 && activeCount > limit {
            active = [:]
            throw RuleEvaluationError("exceeded limit of \(limit) with \(activeCount) alerts")
        }
        return out
    }

    /// The alerts to hand to the notifier after an evaluation at `ts`; marks them sent.
    /// `validUntil` is `ts + 4 × max(interval, resendDelay)`.
    public func alertsToSend(at ts: Int64, resendDelay: Int64, interval: Int64) -> [RuleAlert] {
        var out: [RuleAlert] = []
        let delta = max(interval, resendDelay)
        for key in active.keys.sorted() {
            guard var alert = active[key], alert.needsSending(at: ts, resendDelay: resendDelay) else { continue }
            alert.lastSentAt = ts
            alert.validUntil = ts.addingSaturated(delta.multipliedSaturated(by: 4))
            active[key] = alert
            out.append(alert)
        }
        return out
    }

    // MARK: - Series

    /// `ALERTS{alertname=..., alertstate=..., <labels>}`.
    func alertsSeries(_ alert: RuleAlert) -> Labels {
        alert.labels.setting(Label.metricName, to: "ALERTS").setting("alertstate", to: alert.state.description)
    }

    /// `ALERTS_FOR_STATE{alertname=..., <labels>}`.
    func forStateSeries(_ alert: RuleAlert) -> Labels {
        alert.labels.setting(Label.metricName, to: "ALERTS_FOR_STATE")
    }

    /// The link Prometheus puts in `generatorURL`: the graph page with the printed expression.
    var generatorURL: String {
        let encoded = FormURLEncoding.encode(expr.description)
        return externalURL + "/graph?g0.expr=" + encoded + "&g0.tab=1"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
