import LabCatalog

/// `alert_silent`: on the (negative) scenario, the alert never fires: no false positives.
public struct AlertSilentCheck: CheckEvaluator {
    public static let kind = CheckKind.alertSilent
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), name = try check.required("alert")
        let scenario = try context.scenario(try check.required("scenario"), for: check)
        let run = try context.ruleRun(file: file, scenario: scenario)
        if !run.problems.isEmpty { return .failed(run.problems) }
        guard let rule = run.rule(named: name, kind: .alerting) else {
            if let ruleFile = run.ruleFile { return .failed(RuleFileLookup.missing(name, in: ruleFile, file: file, context: context)) }
            return .failed(run.problems)
        }
        let fired = (try context.alertTimelines(run, rule: rule)).filter { $0.firingAt != nil }.sorted { ($0.firingAt ?? 0) < ($1.firingAt ?? 0) }
        guard let first = fired.first, let at = first.firingAt else { return .passed() }
        return .failed([Feedback(context.say("\(name) fires at \(PromModelDuration.format(at)) on \(scenario.name), where it must stay silent (false positive): \(first.labels)"),
                                 location: rule.location)])
    }
}
