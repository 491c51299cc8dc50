/// One label: a name and a value. Labels with an empty value are treated as absent.
public struct Label: Hashable, Sendable, Comparable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func < (lhs: Label, rhs: Label) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : lhs.value < rhs.value
    }
}

extension Label {
    /// The reserved label that holds the metric name.
    public static let metricName = "__name__"
}
