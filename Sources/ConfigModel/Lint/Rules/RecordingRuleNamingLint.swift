import Diagnostics
import PromModel

/// A recording rule whose name does not follow `level:metric:operations`
/// (for example `job:http_requests:rate5m`).
///
/// Triggers: `record: http_requests_rate`. Does not trigger: `record: job:http_requests:rate5m`.
public struct RecordingRuleNamingLint: LintRule {
    public static let code = "rules/recording-name-convention"
    public static let summary = "recorded series not named level:metric:operations"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.compactMap { rule in
            guard rule.kind == .recording, LabelNames.isValidLegacyMetricName(rule.name) else { return nil }
            let parts = rule.name.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count != 3 || parts.contains(where: \.isEmpty) else { return nil }
            return .warning(Self.code,
                            "recording rule \"\(rule.name)\" does not follow the level:metric:operations naming convention (e.g. job:http_requests:rate5m)",
                            at: rule.nameLocation)
        }
    }
}
