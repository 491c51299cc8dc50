import Foundation
import PromModel

/// Prometheus's notifier between the rule manager and Alertmanager: turns the alerts a rule hands
/// over (``RuleAlert``) into the alerts Alertmanager receives (``Alert``) and delivers them.
///
/// For each alert, as Prometheus does:
/// 1. `startsAt` is when it fired, `endsAt` the resolution time or, while firing, its `validUntil`
///    (the evaluation time + 4 × max(interval, resend delay)); the generator URL is the rule's link;
/// 2. every external label the alert lacks is added (the alert's own labels win);
/// 3. `alerting.alert_relabel_configs` run, then the Alertmanager endpoint's own
///    `alert_relabel_configs`; an alert a step drops is not sent.
///
/// ```swift
/// let sender = AlertSender(externalLabels: ["cluster": "lab"], relabeler: try Relabeler(steps)) { alerts in
///     dispatcher.receive(alerts)
/// }
/// options.notify = sender.notifyFunc
/// ```
public final class AlertSender: @unchecked Sendable {
    /// One delivery: the alerts sent after one rule's evaluation, and when.
    public struct Delivery: Sendable {
        /// The evaluation time, in milliseconds.
        public var time: Int64
        public var alerts: [Alert]
    }

    /// What is done with the converted alerts (for the pipeline: the dispatcher's `receive`).
    public typealias Deliver = @Sendable ([Alert]) -> Void

    public let externalLabels: Labels
    public let relabeler: Relabeler
    public let endpointRelabeler: Relabeler
    /// Deliveries kept for inspection (the most recent ``historyLimit``).
    public let historyLimit: Int
    private let deliver: Deliver
    private let lock = NSLock()
    private var history: [Delivery] = []
    private var droppedCount = 0

    public init(externalLabels: Labels = .empty, relabeler: Relabeler? = nil, endpointRelabeler: Relabeler? = nil,
                historyLimit: Int = 10_000, deliver: @escaping Deliver) {
        self.externalLabels = externalLabels
        self.relabeler = relabeler ?? .identity
        self.endpointRelabeler = endpointRelabeler ?? .identity
        self.historyLimit = max(0, historyLimit)
        self.deliver = deliver
    }

    // MARK: - Conversion

    /// The alert as Prometheus's `sendAlerts` builds it, before external labels and relabelling.
    /// Annotations keep empty values (Prometheus sends them, and Alertmanager keeps them).
    public static func alert(from r: RuleAlert) -> Alert {
        var pairs: [Label] = []
        for a in r.annotations.sorted(by: { $0.name < $1.name }) {
            if pairs.last?.name == a.name { pairs[pairs.count - 1] = a } else { pairs.append(a) }
        }
        let annotations = Labels(sortedUnique: pairs)
        return Alert(labels: r.labels, annotations: annotations, startsAt: LabTime.date(r.startsAt),
                     endsAt: r.endsAt.map(LabTime.date), generatorURL: r.generatorURL)
    }

    /// The alert with the external labels it lacks, relabelled; `nil` when relabelling dropped it.
    public func prepare(_ r: RuleAlert) -> Alert? {
        var alert = Self.alert(from: r)
        var labels = alert.labels
        for label in externalLabels where labels[label.name] == nil {
            labels = labels.setting(label.name, to: label.value)
        }
        guard let relabelled = relabeler.process(labels), let final = endpointRelabeler.process(relabelled),
              !final.isEmpty else { return nil }
        alert.labels = final
        return alert
    }

    // MARK: - Sending

    /// Converts, relabels and delivers `alerts` (one rule's due alerts).
    public func send(_ alerts: [RuleAlert]) {
        var out: [Alert] = []
        var dropped = 0
        for r in alerts {
            if let a = prepare(r) { out.append(a) } else { dropped += 1 }
        }
        let time = alerts.compactMap(\.lastSentAt).max() ?? 0
        lock.withLock {
            droppedCount += dropped
            if !out.isEmpty, historyLimit > 0 {
                history.append(Delivery(time: time, alerts: out))
                if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
            }
        }
        if !out.isEmpty { deliver(out) }
    }

    /// The closure to give a ``RuleManager`` as its notify function.
    public var notifyFunc: NotifyFunc {
        { [self] alerts in send(alerts) }
    }

    // MARK: - Inspection

    /// Deliveries so far, oldest first.
    public var deliveries: [Delivery] { lock.withLock { history } }

    /// Alerts that relabelling dropped.
    public var droppedAlerts: Int { lock.withLock { droppedCount } }
}
