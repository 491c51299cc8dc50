import Foundation
import PromModel

/// Evaluates inhibition rules against every alert the dispatcher holds (across all routes, as
/// Alertmanager's inhibitor watches the whole alert store).
public struct Inhibitor: Sendable {
    public var rules: [InhibitionRule]

    public init(rules: [InhibitionRule]) {
        self.rules = rules
    }

    /// Whether `labels` is inhibited at `date` by one of `alerts` that is still firing then.
    public func mutes(_ labels: Labels, alerts: [Alert], at date: Date) -> Bool {
        inhibitingAlert(for: labels, among: alerts, at: date) != nil
    }

    /// The first firing alert that inhibits `labels`, if any.
    public func inhibitingAlert(for labels: Labels, among alerts: [Alert], at date: Date) -> Alert? {
        for rule in rules where rule.matchesTarget(labels) {
            for alert in alerts where !alert.isResolved(at: date) && rule.inhibits(labels, by: alert.labels) {
                return alert
            }
        }
        return nil
    }
}
