/// Stable diagnostic codes for alertmanager.yml (besides the `yaml/…` decoding codes).
public enum AlertmanagerDiagnosticCode {
    /// The file has no `route` ("no routes provided").
    public static let noRoute = "am-config/no-route"
    /// The root route has no `receiver`.
    public static let rootReceiverMissing = "am-config/root-receiver-missing"
    /// The root route has `match`, `match_re` or `matchers`.
    public static let rootMatchers = "am-config/root-matchers"
    /// The root route has `mute_time_intervals` or `active_time_intervals`.
    public static let rootTimeIntervals = "am-config/root-time-intervals"
    /// A route names a receiver that is not defined.
    public static let unknownReceiver = "am-config/unknown-receiver"
    /// Two receivers share a name.
    public static let duplicateReceiver = "am-config/duplicate-receiver"
    /// A receiver without `name`.
    public static let receiverNameMissing = "am-config/receiver-name-missing"
    /// A route names a time interval that is not defined.
    public static let unknownTimeInterval = "am-config/unknown-time-interval"
    /// Two time intervals share a name.
    public static let duplicateTimeInterval = "am-config/duplicate-time-interval"
    /// A time interval without `name`.
    public static let timeIntervalNameMissing = "am-config/time-interval-name-missing"
    /// A bad time range, weekday, day of month, month, year or location.
    public static let invalidTimeInterval = "am-config/invalid-time-interval"
    /// A label listed twice in `group_by`.
    public static let groupByDuplicate = "am-config/group-by-duplicate"
    /// `group_by` mixing `...` with label names.
    public static let groupByWildcardMixed = "am-config/group-by-wildcard-mixed"
    /// A label name that is not valid (in `group_by`, `match`, `equal`…).
    public static let invalidLabelName = "am-config/invalid-label-name"
    /// A matcher string that does not parse.
    public static let invalidMatcher = "am-config/invalid-matcher"
    /// A matcher string only the pre-0.27 grammar accepts (Alertmanager warns and accepts it).
    public static let classicMatcherSyntax = "am-config/classic-matcher-syntax"
    /// A regular expression that does not compile.
    public static let invalidRegex = "am-config/invalid-regex"
    /// `group_interval` or `repeat_interval` of zero.
    public static let zeroInterval = "am-config/zero-interval"
    /// A notifier setting that is required and set neither in the integration nor in `global`.
    public static let missingSetting = "am-config/missing-setting"
    /// Two settings that exclude each other (`url` and `url_file`).
    public static let conflictingSettings = "am-config/conflicting-settings"
    /// A URL that is not http(s) or has no host.
    public static let invalidURL = "am-config/invalid-url"
    /// An SMTP smarthost without a port.
    public static let invalidSmarthost = "am-config/invalid-smarthost"
    /// A value outside the allowed set (telegram `parse_mode`, email header twice…).
    public static let invalidSetting = "am-config/invalid-setting"
    /// `mute_time_intervals:` at the top level (deprecated in favour of `time_intervals:`).
    public static let deprecatedMuteTimeIntervals = "am-config/deprecated-mute-time-intervals"
}
