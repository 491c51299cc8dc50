/// The state of one alert instance, ordered `inactive < pending < firing` like Prometheus's.
public enum AlertState: Int, Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Not active, or resolved (kept for 15 minutes to send the resolution).
    case inactive = 0
    /// Active for less than the rule's `for`.
    case pending = 1
    /// Active for at least `for` (or kept firing by `keep_firing_for`).
    case firing = 2

    public static func < (lhs: AlertState, rhs: AlertState) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `inactive`, `pending` or `firing`: the `alertstate` label value of `ALERTS`.
    public var description: String {
        switch self {
        case .inactive: return "inactive"
        case .pending: return "pending"
        case .firing: return "firing"
        }
    }
}

/// Whether a rule's last evaluation worked.
public enum RuleHealth: String, Hashable, Sendable {
    /// Not evaluated yet.
    case unknown
    /// The last evaluation succeeded.
    case good = "ok"
    /// The last evaluation failed (see the rule's `lastError`).
    case bad = "err"
}
