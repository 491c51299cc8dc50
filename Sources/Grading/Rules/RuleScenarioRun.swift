import ConfigModel
import Diagnostics
import Foundation
import PromModel
import Storage
import Runtime

/// A student's rule file evaluated on a scenario, as Prometheus would: every group on its interval
/// (the group's own, else the scenario's), from the start to the end of the scenario, the samples
/// appearing as time passes. Keeps when each alert went pending and firing, and the store with the
/// recorded series.
public final class RuleScenarioRun {
    /// One alert instance's history.
    public struct AlertTimeline: Sendable {
        public var labels: Labels
        public var annotations: [Label]
        /// First evaluation time at which it was pending (or firing without a `for`).
        public var pendingAt: Int64?
        /// First evaluation time at which it was firing.
        public var firingAt: Int64?
    }

    /// The rule file as loaded (nil when it cannot be read or has errors).
    public private(set) var ruleFile: RuleFile?
    /// Why the file could not be evaluated: feedback for the student.
    public private(set) var problems: [Feedback] = []
    /// Alert histories by alert name.
    public private(set) var alerts: [String: [AlertTimeline]] = [:]
    /// Scenario plus every recorded series.
    public let storage = MemoryStorage()
    /// Rule evaluation failures at some time (query errors of the student's expressions).
    public private(set) var evaluationErrors: [String] = []
    public let scenario: ScenarioData
    public let file: String

    /// The most rule evaluations one run does (groups × steps).
    public static let maxEvaluations = 200_000

    init(file: String, scenario: ScenarioData, submission: Submission, timeout: Double) {
        self.file = file
        self.scenario = scenario
        let text: String
        do {
            text = try submission.text(file)
        } catch let error as SubmissionError {
            problems = [Feedback(error.message(.en), location: SourceLocation(file: file, line: 1, column: 1))]
            return
        } catch {
            problems = [Feedback("\(error)")]
            return
        }
        let loaded = RuleFile.parse(text, file: file)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || loaded.value == nil {
            problems = errors.prefix(3).map { Feedback($0.message, location: $0.location) }
            if problems.isEmpty { problems = [Feedback("\(file) is not a rule file")] }
            return
        }
        ruleFile = loaded.value
        run(timeout: timeout)
    }

    private func run(timeout: Double) {
        guard let ruleFile else { return }
        let engine = Engine(options: EngineOptions(maxSamples: 5_000_000, timeout: timeout))
        let query = engine.ruleQuery(over: storage)
        var options = RuleManagerOptions(query: query, storage: storage, clock: ManualClock(milliseconds: 0))
        options.evaluationInterval = scenario.interval
        options.alignByGroupHash = false
        let manager = RuleManager(options: options)
        var groups: [RuleGroupEvaluator] = []
        for group in ruleFile.groups {
            do {
                groups.append(try manager.makeGroup(group, file: file))
            } catch {
                problems.append(Feedback("\(error)", location: group.location))
            }
        }
        guard problems.isEmpty else { return }
        let samples = scenario.samplesByTime()
        var next = 0
        var evaluations = 0
        let deadline = Date().addingTimeInterval(timeout * 3)
        var ts: Int64 = 0
        var nextEval = groups.map { _ in Int64(0) }
        while ts <= scenario.duration {
            let appender = storage.appender()
            while next < samples.count, samples[next].t <= ts {
                _ = try? appender.append(samples[next].labels, t: samples[next].t, v: samples[next].v)
                next += 1
            }
            try? appender.commit()
            for (i, g) in groups.enumerated() where nextEval[i] <= ts {
                nextEval[i] = ts + max(g.interval, 1)
                evaluations += 1
                for failure in g.eval(at: ts, query: query, storage: storage, notify: nil) {
                    if evaluationErrors.count < 5 {
                        evaluationErrors.append("\(failure.rule) at \(PromModelDuration.format(ts)): \(failure.message)")
                    }
                }
                record(g, at: ts)
            }
            if evaluations > Self.maxEvaluations || Date() > deadline {
                problems.append(Feedback("rule evaluation stopped: more than the grader's limits"))
                return
            }
            ts += scenario.interval
        }
    }

    private func record(_ group: RuleGroupEvaluator, at ts: Int64) {
        for rule in group.alertingRules {
            var timelines = alerts[rule.name] ?? []
            for alert in rule.activeAlerts {
                let index = timelines.firstIndex { $0.labels == alert.labels } ?? {
                    timelines.append(AlertTimeline(labels: alert.labels, annotations: alert.annotations))
                    return timelines.count - 1
                }()
                if timelines[index].pendingAt == nil { timelines[index].pendingAt = ts }
                if alert.state == .firing, timelines[index].firingAt == nil {
                    timelines[index].firingAt = ts
                    timelines[index].annotations = alert.annotations
                }
            }
            alerts[rule.name] = timelines
        }
    }

    /// The rule called `name` (alert or record) in the file.
    public func rule(named name: String, kind: Rule.Kind) -> Rule? {
        ruleFile?.rules.first { $0.kind == kind && $0.name == name }
    }
}
