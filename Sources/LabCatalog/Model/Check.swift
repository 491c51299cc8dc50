import Diagnostics

/// One automated (or teacher-graded) check of an exercise: a kind, its parameters and its points.
///
/// Parameters stay close to the YAML (strings, string lists, string maps) with their positions, so a
/// grader can decode what it needs; ``CheckKind/parameters`` says which ones each kind takes.
public struct Check: Sendable {
    public var kind: CheckKind
    /// The id the spec gives (`id:`); graders fall back to `<exercise>.<n>` when it is absent.
    public var id: String?
    /// A hidden check runs and counts, but its feedback is shown only to the instructor or after release.
    public var hidden: Bool
    public var points: Int
    /// What the check verifies, for students; generated from the parameters when absent.
    public var description: LocalizedText?
    public var parameters: [String: CheckValue]
    /// Where each parameter's value is.
    public var parameterLocations: [String: SourceLocation]
    public var location: SourceLocation

    public init(kind: CheckKind, id: String? = nil, hidden: Bool = false, points: Int, description: LocalizedText?,
                parameters: [String: CheckValue], parameterLocations: [String: SourceLocation], location: SourceLocation) {
        self.kind = kind
        self.id = id
        self.hidden = hidden
        self.points = points
        self.description = description
        self.parameters = parameters
        self.parameterLocations = parameterLocations
        self.location = location
    }

    /// A string parameter.
    public func string(_ name: String) -> String? {
        if case .string(let s)? = parameters[name] { return s }
        return nil
    }

    /// A list parameter.
    public func list(_ name: String) -> [String]? {
        if case .list(let items)? = parameters[name] { return items }
        return nil
    }

    /// A map parameter, in source order.
    public func map(_ name: String) -> [(key: String, value: String)]? {
        if case .map(let pairs)? = parameters[name] { return pairs.map { ($0.key, $0.value) } }
        return nil
    }
}

/// The value of a check parameter.
public enum CheckValue: Sendable, Hashable {
    case string(String)
    case list([String])
    case map([MapEntry])

    /// One entry of a map parameter.
    public struct MapEntry: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }
}
