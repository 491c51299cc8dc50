import PromModel

/// One alert instance of an alerting rule: the identity (labels), its rendered annotations and its
/// life cycle, as Prometheus's `rules.Alert`. Times are milliseconds since the Unix epoch.
///
/// What a notifier sends to Alertmanager is derived from it: ``startsAt`` and ``endsAt``.
public struct RuleAlert: Hashable, Sendable, CustomStringConvertible {
    /// The alerting rule's name (the `alertname` label).
    public var ruleName: String
    /// The series labels without `__name__`, plus the rule's (rendered) labels and `alertname`.
    public var labels: Labels
    /// Rendered annotations sorted by name (empty values are kept, unlike labels).
    public var annotations: [Label]
    public var state: AlertState
    /// The value of the expression at the last evaluation that returned this alert.
    public var value: Double
    /// When the alert became pending.
    public var activeAt: Int64
    /// When it started firing (`nil` while pending).
    public var firedAt: Int64?
    /// When it stopped being returned (`nil` while active).
    public var resolvedAt: Int64?
    /// When it was last handed to the notify function.
    public var lastSentAt: Int64?
    /// Until when Alertmanager should consider it firing without news (4 × max(interval, resend delay)).
    public var validUntil: Int64?
    /// When the expression stopped returning it while `keep_firing_for` keeps it firing.
    public var keepFiringSince: Int64?
    /// A link to the rule's expression in the external URL's graph page.
    public var generatorURL: String

    public init(ruleName: String, labels: Labels, annotations: [Label], state: AlertState, value: Double,
                activeAt: Int64, generatorURL: String = "") {
        self.ruleName = ruleName
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.value = value
        self.activeAt = activeAt
        self.generatorURL = generatorURL
    }

    /// `startsAt` as sent to Alertmanager: the firing time (Prometheus sends `FiredAt`).
    public var startsAt: Int64 { firedAt ?? activeAt }

    /// `endsAt` as sent to Alertmanager: the resolution time, else `validUntil`.
    public var endsAt: Int64? { resolvedAt ?? validUntil }

    /// The annotation `name`, or `nil`.
    public func annotation(_ name: String) -> String? {
        annotations.first { $0.name == name }?.value
    }

    /// Whether the notifier must send it at `ts`: never while pending; after a resolution not yet
    /// sent; otherwise when the last send is older than `resendDelay`.
    public func needsSending(at ts: Int64, resendDelay: Int64) -> Bool {
        if state == .pending { return false }
        guard let lastSentAt else { return true }
        if let resolvedAt, resolvedAt > lastSentAt { return true }
        let (due, overflow) = lastSentAt.addingReportingOverflow(resendDelay)
        return !overflow && due < ts
    }

    public var description: String {
        "\(labels) \(state) value=\(value) activeAt=\(activeAt)"
    }
}
