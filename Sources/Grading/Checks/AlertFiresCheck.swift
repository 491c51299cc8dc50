import LabCatalog

/// `alert_fires`: on the scenario, the alert reaches firing at or before `within` (as the rule
/// manager evaluates it, so never before its `for`).
public struct AlertFiresCheck: CheckEvaluator {
    public static let kind = CheckKind.alertFires
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), name = try check.required("alert")
        let scenario = try context.scenario(try check.required("scenario"), for: check)
        guard let within = try check.duration("within") else { throw GraderError("alert_fires needs within", location: check.location) }
        let run = try context.ruleRun(file: file, scenario: scenario)
        if !run.problems.isEmpty { return .failed(run.problems) }
        guard let rule = run.rule(named: name, kind: .alerting) else {
            if let ruleFile = run.ruleFile { return .failed(RuleFileLookup.missing(name, in: ruleFile, file: file, context: context)) }
            return .failed(run.problems)
        }
        let timelines = try context.alertTimelines(run, rule: rule)
        let firing = timelines.compactMap(\.firingAt).min()
        let pending = timelines.compactMap(\.pendingAt).min()
        let f = PromModelDuration.format
        if let firing, firing <= within { return .passed() }
        var notes = run.evaluationErrors
        let message: String
        if let firing {
            message = context.say("\(name) fires at \(f(firing)) on \(scenario.name); it should fire by \(f(within))")
        } else if let pending {
            message = context.say("\(name) is pending from \(f(pending)) but never fires on \(scenario.name) (is its for too long?)")
        } else {
            message = context.say("\(name) never fires on \(scenario.name): its expression is never true; it should fire by \(f(within))")
            notes.append(context.say("expression: \(rule.expr)"))
        }
        return .failed([Feedback(message, location: rule.location, notes: notes)])
    }
}
