/// The type an expression evaluates to.
public enum ValueType: String, Sendable, Hashable {
    case none
    case scalar
    case vector
    case matrix
    case string

    /// The name Prometheus's messages use: `instant vector`, `range vector`, `scalar`, `string`.
    public var documentedName: String {
        switch self {
        case .vector: return "instant vector"
        case .matrix: return "range vector"
        default: return rawValue
        }
    }
}
