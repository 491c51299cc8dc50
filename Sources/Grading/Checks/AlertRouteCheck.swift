import ConfigModel
import Diagnostics
import LabCatalog
import PromModel
import Runtime

/// `alert_route`: Alertmanager's real routing code sends an alert with `labels` to exactly
/// `receivers`; with `inhibited_by` (labels of a source alert), the inhibition rules must mute it.
public struct AlertRouteCheck: CheckEvaluator {
    public static let kind = CheckKind.alertRoute
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file")
        guard let labelPairs = check.map("labels"), let expected = check.list("receivers") else {
            throw GraderError("alert_route needs labels and receivers", location: check.location)
        }
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let (config, diagnostics) = AlertmanagerConfig.load(text: text, file: file).parts
        let errors = context.feedback(diagnostics)
        guard let config, let route = config.route, errors.isEmpty else {
            return .failed(errors.isEmpty ? [Feedback(context.say("\(file) has no route"))] : errors)
        }
        let labels = Labels(Dictionary(labelPairs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
        let actual = AlertRoute(config: route).receivers(for: labels)
        var total = 1, met = 0
        var feedback: [Feedback] = []
        if actual == expected || Set(actual) == Set(expected) && actual.count == expected.count { met += 1 } else {
            feedback.append(Feedback(context.say("an alert \(labels) reaches [\(actual.joined(separator: ", "))]; it should reach [\(expected.joined(separator: ", "))]"),
                                     location: route.node?.location ?? SourceLocation(file: file, line: 1, column: 1)))
        }
        if let source = check.map("inhibited_by") {
            total += 1
            let sourceLabels = Labels(Dictionary(source.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
            let rules = config.inhibitRules.map(InhibitionRule.init(config:))
            if rules.contains(where: { $0.inhibits(labels, by: sourceLabels) }) { met += 1 } else {
                feedback.append(Feedback(context.say("no inhibit_rule mutes \(labels) while \(sourceLabels) fires"),
                                         location: SourceLocation(file: file, line: 1, column: 1)))
            }
        }
        return .parts(met: met, of: total, feedback)
    }
}
