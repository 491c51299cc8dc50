import Diagnostics

/// One relabelling step (`relabel_configs`, `metric_relabel_configs`, `alert_relabel_configs`,
/// `write_relabel_configs`), with Prometheus's defaults applied.
public struct RelabelConfig: Hashable, Sendable {
    /// The relabelling actions Prometheus knows.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        case replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase
    }

    public static let defaultRegex = "(.*)"
    public static let defaultSeparator = ";"
    public static let defaultReplacement = "$1"

    public var sourceLabels: [String] = []
    public var separator: String = RelabelConfig.defaultSeparator
    /// The regex as written; Prometheus anchors it (`^(?s:regex)$`).
    public var regex: String = RelabelConfig.defaultRegex
    public var modulus: UInt64 = 0
    public var targetLabel: String = ""
    public var replacement: String = RelabelConfig.defaultReplacement
    public var action: Action = .replace
    /// Where the step starts in its file.
    public var location: SourceLocation?

    public init(sourceLabels: [String] = [], separator: String = RelabelConfig.defaultSeparator,
                regex: String = RelabelConfig.defaultRegex, modulus: UInt64 = 0, targetLabel: String = "",
                replacement: String = RelabelConfig.defaultReplacement, action: Action = .replace,
                location: SourceLocation? = nil) {
        self.sourceLabels = sourceLabels
        self.separator = separator
        self.regex = regex
        self.modulus = modulus
        self.targetLabel = targetLabel
        self.replacement = replacement
        self.action = action
        self.location = location
    }
}
