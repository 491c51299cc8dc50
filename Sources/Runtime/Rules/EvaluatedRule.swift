/// A rule of a group: recording or alerting.
public enum EvaluatedRule {
    case recording(RecordingRule)
    case alerting(AlertingRule)

    /// The `record` or `alert` name.
    public var name: String {
        switch self {
        case .recording(let r): return r.name
        case .alerting(let r): return r.name
        }
    }

    /// The last evaluation's error, `nil` after a success.
    public var lastError: String? {
        switch self {
        case .recording(let r): return r.lastError
        case .alerting(let r): return r.lastError
        }
    }

    /// The alerting rule, when it is one.
    public var alerting: AlertingRule? {
        if case .alerting(let r) = self { return r }
        return nil
    }

    func record(error: String?, at ts: Int64) {
        switch self {
        case .recording(let r):
            r.lastError = error
            r.health = error == nil ? .good : .bad
            r.lastEvaluation = ts
        case .alerting(let r):
            r.lastError = error
            r.health = error == nil ? .good : .bad
            r.lastEvaluation = ts
        }
    }
}

/// A rule that failed during a group evaluation.
public struct RuleEvaluationFailure: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var rule: String
    /// The evaluation time (milliseconds).
    public var time: Int64
    public var message: String

    public var description: String { "group \(group), rule \(rule), time \(time)ms: \(message)" }
}
