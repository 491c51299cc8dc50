import PromModel

/// A consistent copy of the rule manager's groups, rules and alerts, taken under its lock so that
/// readers (the HTTP API, the web page) never race the evaluation thread.
public struct RuleGroupSnapshot: Sendable {
    /// One rule as the API shows it.
    public struct Rule: Sendable {
        /// `alerting` or `recording`.
        public var kind: String
        public var name: String
        /// The expression as written (alerting) or printed (recording).
        public var query: String
        public var labels: [Label]
        public var annotations: [Label]
        /// `for`, in milliseconds (alerting rules).
        public var holdDuration: Int64
        /// `keep_firing_for`, in milliseconds (alerting rules).
        public var keepFiringFor: Int64
        public var health: RuleHealth
        public var lastError: String?
        /// Milliseconds since the epoch of the last evaluation.
        public var lastEvaluation: Int64?
        /// The rule's state (the highest of its alerts; inactive for recording rules).
        public var state: AlertState
        /// Pending and firing alerts, by labels.
        public var alerts: [RuleAlert]
    }

    public var name: String
    public var file: String
    /// Milliseconds.
    public var interval: Int64
    public var limit: Int
    public var lastEvaluation: Int64?
    public var rules: [Rule]
}

extension RuleManager {
    /// Every group with its rules' state, copied under the manager's lock.
    public func snapshot() -> [RuleGroupSnapshot] {
        lock.lock()
        defer { lock.unlock() }
        return groupList.map { group in
            RuleGroupSnapshot(name: group.name, file: group.file, interval: group.interval, limit: group.limit,
                              lastEvaluation: group.lastEvaluation, rules: group.rules.map(Self.snapshot))
        }
    }

    private static func snapshot(_ rule: EvaluatedRule) -> RuleGroupSnapshot.Rule {
        switch rule {
        case .recording(let r):
            return RuleGroupSnapshot.Rule(kind: "recording", name: r.name, query: r.expr.description, labels: r.labels,
                                          annotations: [], holdDuration: 0, keepFiringFor: 0, health: r.health,
                                          lastError: r.lastError, lastEvaluation: r.lastEvaluation, state: .inactive,
                                          alerts: [])
        case .alerting(let r):
            let alerts = r.activeAlerts
            return RuleGroupSnapshot.Rule(kind: "alerting", name: r.name,
                                          query: r.exprText.isEmpty ? r.expr.description : r.exprText,
                                          labels: r.labels, annotations: r.annotations, holdDuration: r.holdDuration,
                                          keepFiringFor: r.keepFiringFor, health: r.health, lastError: r.lastError,
                                          lastEvaluation: r.lastEvaluation, state: r.state, alerts: alerts)
        }
    }
}
