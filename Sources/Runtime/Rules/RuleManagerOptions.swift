import PromModel
import Storage

/// Settings of a ``RuleManager``; the defaults are Prometheus's.
public struct RuleManagerOptions: Sendable {
    /// Runs the rules' queries.
    public var query: QueryFunc
    /// Receives alerts that need sending (`nil`: alerts are not sent).
    public var notify: NotifyFunc?
    /// Where rule results, `ALERTS` and staleness markers are written.
    public var storage: any Appendable
    /// The time source.
    public var clock: any LabClock
    /// The global `evaluation_interval` used by groups without `interval` (milliseconds, 1m).
    public var evaluationInterval: Int64 = 60_000
    /// The global `rule_query_offset` used by groups without `query_offset` (milliseconds, 0).
    public var defaultQueryOffset: Int64 = 0
    /// `external_labels`, visible to templates as `$externalLabels`.
    public var externalLabels: Labels = .empty
    /// The external URL, visible as `$externalURL` and used in generator URLs.
    public var externalURL: String = ""
    /// `--rules.alert.resend-delay`: the least time between two sends of a firing alert (1m).
    public var resendDelay: Int64 = 60_000
    /// Offset each group within its interval by a hash of its name and file (Prometheus's slotting).
    /// Off, groups are evaluated at exact multiples of their interval (like promtool's unit tests).
    public var alignByGroupHash = true

    public init(query: @escaping QueryFunc, storage: any Appendable, clock: any LabClock,
                notify: NotifyFunc? = nil) {
        self.query = query
        self.storage = storage
        self.clock = clock
        self.notify = notify
    }
}
