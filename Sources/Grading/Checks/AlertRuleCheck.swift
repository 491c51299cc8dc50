import LabCatalog
import PromModel

/// `alert_rule`: the rule file defines the alert and (each a part) its `for` and `severity` label.
public struct AlertRuleCheck: CheckEvaluator {
    public static let kind = CheckKind.alertRule
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), name = try check.required("alert")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let loaded = RuleFileLookup.load(text, file: file, context: context)
        guard let ruleFile = loaded.file else { return .failed(loaded.feedback) }
        guard let rule = ruleFile.rules.first(where: { $0.kind == .alerting && $0.name == name }) else {
            return .failed(RuleFileLookup.missing(name, in: ruleFile, file: file, context: context))
        }
        var total = 1, met = 1
        var feedback: [Feedback] = []
        if let wanted = try check.duration("for") {
            total += 1
            let actual = rule.forDuration?.milliseconds ?? 0
            if actual == wanted { met += 1 } else {
                feedback.append(Feedback(context.say("\(name) has for: \(PromModelDuration.format(actual)); \(PromModelDuration.format(wanted)) is asked"),
                                         location: rule.forLocation ?? rule.location))
            }
        }
        if let severity = check.string("severity") {
            total += 1
            let actual = rule.labels.first { $0.name == "severity" }
            if actual?.value == severity { met += 1 } else {
                let shown = actual?.value ?? context.say("(none)")
                feedback.append(Feedback(context.say("\(name) has severity \(shown); \(severity) is asked"),
                                         location: actual?.location ?? rule.location))
            }
        }
        return .parts(met: met, of: total, feedback)
    }
}
