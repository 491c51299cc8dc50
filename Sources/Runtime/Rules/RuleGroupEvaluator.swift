import PromModel
import Storage
import PromQL

/// One rule group being evaluated: its rules run in order at each evaluation, so a recording rule's
/// output is visible to the rules after it in the same evaluation. Series a rule wrote at the
/// previous evaluation and no longer returns get a staleness marker.
public final class RuleGroupEvaluator {
    public let name: String
    /// The rule file the group came from.
    public let file: String
    /// The evaluation interval in milliseconds.
    public let interval: Int64
    /// `query_offset`: queries run this far in the past, and results are stamped there (milliseconds).
    public let queryOffset: Int64
    /// `limit` on the series of a recording rule / alerts of an alerting rule (0: none).
    public let limit: Int
    public let rules: [EvaluatedRule]
    /// The time of the last evaluation (milliseconds).
    public internal(set) var lastEvaluation: Int64?
    /// The next scheduled evaluation, once the manager started.
    public internal(set) var nextEvaluation: Int64?
    /// Per rule, the series written at the previous evaluation.
    var seriesInPreviousEval: [Set<Labels>]

    public init(name: String, file: String, interval: Int64, queryOffset: Int64 = 0, limit: Int = 0,
                rules: [EvaluatedRule]) {
        self.name = name
        self.file = file
        self.interval = max(1, interval)
        self.queryOffset = queryOffset
        self.limit = limit
        self.rules = rules
        self.seriesInPreviousEval = Array(repeating: [], count: rules.count)
    }

    /// The alerting rules of the group.
    public var alertingRules: [AlertingRule] { rules.compactMap(\.alerting) }

    // MARK: - Evaluation

    /// Evaluates every rule at `ts`, writes their samples to `storage`, hands due alerts to `notify`,
    /// and returns the rules that failed.
    @discardableResult
    public func eval(at ts: Int64, query: @escaping QueryFunc, storage: any Appendable, notify: NotifyFunc?,
                     resendDelay: Int64 = 60_000) -> [RuleEvaluationFailure] {
        var failures: [RuleEvaluationFailure] = []
        let stampedAt = ts.subtractingSaturated(queryOffset)
        for (index, rule) in rules.enumerated() {
            let vector: [VectorSample]
            do {
                switch rule {
                case .recording(let r): vector = try r.eval(at: ts, queryOffset: queryOffset, query: query, limit: limit)
                case .alerting(let r): vector = try r.eval(at: ts, queryOffset: queryOffset, query: query, limit: limit)
                }
            } catch {
                let message = "\(error)"
                rule.record(error: message, at: ts)
                failures.append(RuleEvaluationFailure(group: name, rule: rule.name, time: ts, message: message))
                continue
            }
            rule.record(error: nil, at: ts)
            if case .alerting(let r) = rule, let notify {
                let due = r.alertsToSend(at: ts, resendDelay: resendDelay, interval: interval)
                if !due.isEmpty { notify(due) }
            }
            let appender = storage.appender()
            var returned = Set<Labels>()
            var appendError: String?
            for sample in vector {
                do {
                    if let h = sample.h {
                        try appender.appendHistogram(sample.metric, t: sample.t, h: h)
                    } else {
                        try appender.append(sample.metric, t: sample.t, v: sample.f)
                    }
                    returned.insert(sample.metric)
                } catch {
                    appendError = appendError ?? "\(error)"
                }
            }
            if index < seriesInPreviousEval.count {
                for series in seriesInPreviousEval[index] where !returned.contains(series) {
                    // Another rule may have written the series at this time: ignore rejections.
                    _ = try? appender.append(series, t: stampedAt, v: StaleNaN.value)
                }
            }
            do {
                try appender.commit()
                if index < seriesInPreviousEval.count { seriesInPreviousEval[index] = returned }
            } catch {
                appendError = appendError ?? "\(error)"
            }
            if let appendError {
                rule.record(error: appendError, at: ts)
                failures.append(RuleEvaluationFailure(group: name, rule: rule.name, time: ts, message: appendError))
            }
        }
        lastEvaluation = ts
        return failures
    }

    // MARK: - Schedule

    /// The group's offset within its interval, derived from a hash of its name and file so that groups
    /// do not all run at the same instant. Prometheus hashes the same two labels with xxhash; labctl
    /// uses FNV-1a, so the offsets differ from a real server's but are just as stable.
    public var hashOffset: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("name\u{ff}\(name)\u{ff}file\u{ff}\(file)".utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3 // FNV-1a wraps by definition (not input arithmetic)
        }
        return Int64(hash % UInt64(interval))
    }

    /// The latest evaluation slot at or before `time`: slots are `k × interval + offset`.
    public func evalTimestamp(before time: Int64, offset: Int64) -> Int64 {
        let adjusted = time.subtractingSaturated(offset)
        var remainder = adjusted % interval
        if remainder < 0 { remainder += interval }
        return adjusted.subtractingSaturated(remainder).addingSaturated(offset)
    }
}
