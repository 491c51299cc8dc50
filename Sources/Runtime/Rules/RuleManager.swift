import ConfigModel
import Foundation
import PromModel

/// Runs rule groups on a clock, like Prometheus's rule manager.
///
/// ```swift
/// let clock = ManualClock(milliseconds: 0)
/// var options = RuleManagerOptions(query: engine.ruleQuery(over: storage), storage: storage, clock: clock)
/// options.notify = { alerts in sent.append(contentsOf: alerts) }
/// let manager = RuleManager(options: options)
/// try manager.load([ruleFile])
/// manager.start()
/// clock.advance(by: 60)
/// manager.runDue()
/// ```
///
/// Scheduling: a group's slots are `k × interval + offset` (offset from ``RuleGroupEvaluator/hashOffset``,
/// or 0 when `alignByGroupHash` is off); after ``start()`` the first evaluation is at the first slot
/// after the start time. When the clock jumped over several slots, only the latest one is evaluated
/// (Prometheus counts the others as missed iterations).
public final class RuleManager: @unchecked Sendable {
    /// The settings in force; replaced only by ``load(_:options:)`` (under the lock).
    public private(set) var options: RuleManagerOptions
    let lock = NSLock()
    var groupList: [RuleGroupEvaluator] = []

    public init(options: RuleManagerOptions) {
        self.options = options
    }

    /// The loaded groups, in file order.
    public var groups: [RuleGroupEvaluator] {
        lock.lock()
        defer { lock.unlock() }
        return groupList
    }

    /// Runs `body` on the loaded groups while holding the manager's lock, so that the rule and alert
    /// state read inside it is not changed by an evaluation meanwhile (for the HTTP API).
    public func withGroups<T>(_ body: ([RuleGroupEvaluator]) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(groupList)
    }

    // MARK: - Loading

    /// Replaces the groups with those of `files`. A group whose (file, name) was loaded before keeps its
    /// alert state and staleness tracking when its rules are unchanged in number and names.
    /// - Throws: ``RuleManagerError`` when a rule's expression did not parse.
    public func load(_ files: [RuleFile]) throws {
        try load(files, options: options)
    }

    /// Replaces the groups with those of `files` and the settings with `newOptions` at once (a
    /// configuration reload: new evaluation interval, external labels or notify function), keeping
    /// the state of groups that stay as ``load(_:)`` does. New groups start at their next slot.
    /// - Throws: ``RuleManagerError`` when a rule's expression did not parse; nothing changes then.
    public func load(_ files: [RuleFile], options newOptions: RuleManagerOptions) throws {
        var built: [RuleGroupEvaluator] = []
        for file in files {
            for group in file.groups {
                built.append(try makeGroup(group, file: file.file, options: newOptions))
            }
        }
        lock.lock()
        defer { lock.unlock() }
        options = newOptions
        let old = Dictionary(groupList.map { ($0.file + ";" + $0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for group in built {
            guard let previous = old[group.file + ";" + group.name] else { continue }
            group.copyState(from: previous)
        }
        groupList = built
    }

    /// The evaluator of one group of a rule file (interval, offset and limit from the group or the
    /// manager's defaults; group labels merged into every rule).
    public func makeGroup(_ group: RuleGroup, file: String) throws -> RuleGroupEvaluator {
        try makeGroup(group, file: file, options: options)
    }

    private func makeGroup(_ group: RuleGroup, file: String, options: RuleManagerOptions) throws -> RuleGroupEvaluator {
        let interval = group.interval.map(\.milliseconds).flatMap { $0 > 0 ? $0 : nil } ?? options.evaluationInterval
        var rules: [EvaluatedRule] = []
        for rule in group.rules {
            guard let expr = rule.parsedExpr else {
                throw RuleManagerError(file: file, group: group.name, rule: rule.name,
                                       message: "the expression did not parse: \(rule.expr)")
            }
            var labels: [String: String] = [:]
            for entry in group.labels { labels[entry.name] = entry.value }
            for entry in rule.labels { labels[entry.name] = entry.value }
            let labelList = labels.map { Label($0.key, $0.value) }.sorted { $0.name < $1.name }
            switch rule.kind {
            case .recording:
                rules.append(.recording(RecordingRule(name: rule.name, expr: expr, labels: labelList)))
            case .alerting:
                let annotations = rule.annotations.map { Label($0.name, $0.value) }
                rules.append(.alerting(AlertingRule(
                    name: rule.name, expr: expr, exprText: rule.expr.trimmingCharacters(in: .whitespacesAndNewlines),
                    holdDuration: rule.forDuration?.milliseconds ?? 0,
                    keepFiringFor: rule.keepFiringFor?.milliseconds ?? 0, labels: labelList,
                    annotations: annotations, externalLabels: options.externalLabels,
                    externalURL: options.externalURL)))
            }
        }
        return RuleGroupEvaluator(name: group.name, file: file, interval: interval,
                                  queryOffset: group.queryOffset?.milliseconds ?? options.defaultQueryOffset,
                                  limit: group.limit, rules: rules)
    }

    // MARK: - Running

    /// Schedules every group's first evaluation at its first slot after the clock's current time.
    public func start() {
        let now = options.clock.milliseconds
        lock.lock()
        defer { lock.unlock() }
        for group in groupList {
            let offset = options.alignByGroupHash ? group.hashOffset : 0
            group.nextEvaluation = group.evalTimestamp(before: now, offset: offset).addingSaturated(group.interval)
        }
    }

    /// Evaluates every group whose next slot has come (once, at the latest slot reached) and returns
    /// the rules that failed. Groups not started yet are started first.
    @discardableResult
    public func runDue() -> [RuleEvaluationFailure] {
        let now = options.clock.milliseconds
        lock.lock()
        defer { lock.unlock() }
        var failures: [RuleEvaluationFailure] = []
        for group in groupList {
            if group.nextEvaluation == nil {
                let offset = options.alignByGroupHash ? group.hashOffset : 0
                group.nextEvaluation = group.evalTimestamp(before: now, offset: offset).addingSaturated(group.interval)
            }
            guard let next = group.nextEvaluation, next <= now else { continue }
            let missed = now.subtractingSaturated(next) / group.interval
            let slot = next.addingSaturated(missed.multipliedSaturated(by: group.interval))
            failures += evaluate(group, at: slot)
            group.nextEvaluation = slot.addingSaturated(group.interval)
        }
        return failures
    }

    /// Evaluates every group once at `ts`, in order, regardless of schedules.
    @discardableResult
    public func evaluateAll(at ts: Int64) -> [RuleEvaluationFailure] {
        lock.lock()
        defer { lock.unlock() }
        return groupList.flatMap { evaluate($0, at: ts) }
    }

    private func evaluate(_ group: RuleGroupEvaluator, at ts: Int64) -> [RuleEvaluationFailure] {
        group.eval(at: ts, query: options.query, storage: options.storage, notify: options.notify,
                   resendDelay: options.resendDelay)
    }

    // MARK: - State

    /// Every alerting rule of every group, in order.
    public var alertingRules: [AlertingRule] { groups.flatMap(\.alertingRules) }

    /// The pending and firing alerts of every rule, sorted by labels.
    public var activeAlerts: [RuleAlert] {
        alertingRules.flatMap(\.activeAlerts).sorted { $0.labels < $1.labels }
    }

    /// The alerts named `name` that are firing.
    public func firingAlerts(named name: String) -> [RuleAlert] {
        activeAlerts.filter { $0.ruleName == name && $0.state == .firing }
    }
}

/// A rule file that cannot be run.
public struct RuleManagerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var group: String
    public var rule: String
    public var message: String

    public var description: String { "\(file): group \"\(group)\", rule \"\(rule)\": \(message)" }
}

extension RuleGroupEvaluator {
    /// Takes over the alert state and staleness tracking of the same rules of `previous`.
    func copyState(from previous: RuleGroupEvaluator) {
        lastEvaluation = previous.lastEvaluation
        nextEvaluation = previous.nextEvaluation
        var pool: [String: [Int]] = [:]
        for (i, rule) in previous.rules.enumerated() { pool[rule.name, default: []].append(i) }
        for (i, rule) in rules.enumerated() {
            guard var candidates = pool[rule.name], let from = candidates.first else { continue }
            candidates.removeFirst()
            pool[rule.name] = candidates
            if from < previous.seriesInPreviousEval.count, i < seriesInPreviousEval.count {
                seriesInPreviousEval[i] = previous.seriesInPreviousEval[from]
            }
            if let mine = rule.alerting, let theirs = previous.rules[from].alerting {
                mine.active = theirs.active
            }
        }
    }
}
