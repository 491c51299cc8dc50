/// How serious a diagnostic is. Errors fail a check; warnings are lint findings.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .info: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
