import ConfigModel
import PromModel

/// A compiled `inhibit_rules` item.
///
/// A target alert is inhibited when a firing source alert has the same values for every `equal`
/// label (absent counts as empty on both sides). As in Alertmanager, when the target itself matches
/// the source matchers too, source alerts that also match the target matchers are not considered —
/// so an alert never inhibits itself, and alerts matching both sides do not inhibit each other.
public struct InhibitionRule: Sendable {
    public var source: [LabelMatcher]
    public var target: [LabelMatcher]
    public var equal: [String]

    public init(source: [LabelMatcher], target: [LabelMatcher], equal: [String]) {
        self.source = source
        self.target = target
        self.equal = equal
    }

    /// The rule from the config model.
    public init(config: AlertmanagerInhibitRule) {
        self.init(source: AlertRoute.matchers(of: config.source), target: AlertRoute.matchers(of: config.target),
                  equal: config.equal)
    }

    static func all(_ matchers: [LabelMatcher], _ labels: Labels) -> Bool {
        for m in matchers where !m.matches(labels[m.name] ?? "") { return false }
        return true
    }

    public func matchesSource(_ labels: Labels) -> Bool { Self.all(source, labels) }
    public func matchesTarget(_ labels: Labels) -> Bool { Self.all(target, labels) }

    /// Whether `source` (a firing alert matching the source side) inhibits `target`.
    public func inhibits(_ target: Labels, by source: Labels) -> Bool {
        guard matchesTarget(target), matchesSource(source) else { return false }
        for name in equal where source[name] != target[name] { return false }
        if matchesSource(target), matchesTarget(source) { return false }
        return true
    }
}
