import LabCatalog
import PromModel

/// `recording_rule`: the rule file records the series, and the rule's expression (evaluated where the
/// student's rules have run over the scenario) matches the reference, names aside.
public struct RecordingRuleCheck: CheckEvaluator {
    public static let kind = CheckKind.recordingRule
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), record = try check.required("record"), reference = try check.required("reference")
        let scenario = try context.scenario(try check.required("scenario"), for: check)
        let run = try context.ruleRun(file: file, scenario: scenario)
        if !run.problems.isEmpty { return .failed(run.problems) }
        guard let rule = run.rule(named: record, kind: .recording) else {
            if let ruleFile = run.ruleFile { return .failed(RuleFileLookup.missing(record, in: ruleFile, file: file, context: context)) }
            return .failed(run.problems)
        }
        // The reference runs on the scenario alone; the student's recorded series on the run's store.
        // The rule's expression runs on the run's store (so rules built on other recorded series see
        // them) and is compared with the reference on the scenario at every time, names aside.
        // With --prometheus both sides run there unless the expression reads series the file records.
        let backend = RecordedBackend(recorded: try context.recordedBackend(run, expr: rule.expr),
                                      reference: try context.backend(scenario), referenceText: reference)
        let comparison = QueryComparison(backend: backend, scenario: scenario, tolerance: ValueTolerance(), language: context.language)
        let result = try comparison.compare(answer: rule.expr, reference: reference, at: try check.duration("at"), dropName: true)
        guard var feedback = result.feedback else { return .passed(chart: result.chart) }
        feedback.location = rule.location
        feedback.notes.append(context.say("expression: \(rule.expr)"))
        return .failed([feedback], chart: result.chart)
    }
}

/// Answers the reference text from the scenario and everything else from the store with the
/// recorded series.
struct RecordedBackend: QueryBackend {
    let recorded: any QueryBackend
    let reference: any QueryBackend
    let referenceText: String

    func instant(_ expr: String, at time: Int64) throws -> SampleSet {
        try (expr == referenceText ? reference : recorded).instant(expr, at: time)
    }

    func range(_ expr: String, start: Int64, end: Int64, step: Int64) throws -> [Labels: [(t: Int64, v: Double)]] {
        try (expr == referenceText ? reference : recorded).range(expr, start: start, end: end, step: step)
    }
}
