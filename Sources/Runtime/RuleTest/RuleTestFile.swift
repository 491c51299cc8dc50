import Diagnostics
import PromModel

/// A promtool rule unit-test file (`promtool test rules`): rule files, input series and expected alerts
/// and query results.
///
/// ```yaml
/// rule_files: [alerts.yml]
/// evaluation_interval: 1m
/// tests:
///   - interval: 1m
///     input_series:
///       - series: 'up{job="api"}'
///         values: '0x10'
///     alert_rule_test:
///       - eval_time: 2m
///         alertname: ServiceDown
///         exp_alerts:
///           - exp_labels: {job: api, severity: critical}
/// ```
public struct RuleTestFile: Sendable {
    /// The test file's path, as named by the caller.
    public var file: String
    /// `rule_files`, as written (relative to the test file's directory; globs allowed).
    public var ruleFiles: [String] = []
    /// `evaluation_interval` (default 1m).
    public var evaluationInterval: Duration?
    /// `group_eval_order`: group names evaluated first, in this order.
    public var groupEvalOrder: [String] = []
    public var groupEvalOrderLocations: [SourceLocation] = []
    /// `fuzzy_compare` (Prometheus 3.x): compare sample values allowing a last-bit difference.
    public var fuzzyCompare = false
    public var tests: [RuleTestGroup] = []

    public init(file: String) {
        self.file = file
    }

    /// The evaluation interval in milliseconds (1m when absent or zero).
    public var evaluationIntervalMilliseconds: Int64 {
        let ms = evaluationInterval?.milliseconds ?? 0
        return ms > 0 ? ms : 60_000
    }
}

/// One entry of `tests`: input series and the checks run over them.
public struct RuleTestGroup: Sendable {
    /// `name` (may be empty).
    public var name = ""
    /// `interval`: the step between input samples (default: the evaluation interval).
    public var interval: Duration?
    public var inputSeries: [RuleTestInputSeries] = []
    public var alertRuleTests: [AlertRuleTestCase] = []
    public var promqlExprTests: [PromQLExprTestCase] = []
    public var externalLabels: [Label] = []
    public var externalURL = ""
    public var location: SourceLocation?

    public init() {}
}

/// `series` and `values` of one input series.
public struct RuleTestInputSeries: Sendable {
    public var series: String
    public var values: String
    public var location: SourceLocation?
}

/// `alert_rule_test` entry: the alerts named `alertname` expected to be firing at `eval_time`.
public struct AlertRuleTestCase: Sendable {
    public var evalTime: Duration
    public var alertname: String
    public var expAlerts: [ExpectedAlert]
    public var location: SourceLocation?
}

/// One expected alert: labels (without `alertname`) and annotations.
public struct ExpectedAlert: Sendable {
    public var labels: [Label]
    public var annotations: [Label]
}

/// `promql_expr_test` entry: the samples `expr` gives at `eval_time`.
public struct PromQLExprTestCase: Sendable {
    public var expr: String
    public var evalTime: Duration
    public var expSamples: [ExpectedSample]
    public var location: SourceLocation?
}

/// One expected sample: a series selector-like text (`metric{a="b"}`) and a value, or a native
/// histogram in the series notation (`{{schema:0 sum:5 count:4 buckets:[1 2 1]}}`; `value` is then ignored).
public struct ExpectedSample: Sendable {
    public var labels: String
    public var value: Double
    /// The expected native histogram's text; empty for a float sample.
    public var histogram: String = ""
}
