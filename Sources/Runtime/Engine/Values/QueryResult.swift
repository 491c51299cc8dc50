/// The outcome of a successful query: its value and the annotations gathered while evaluating.
public struct QueryResult: Hashable, Sendable {
    public var value: QueryValue
    /// Warnings and infos, deduplicated, in the order they were first raised.
    public var annotations: [Annotation]

    public init(value: QueryValue, annotations: [Annotation] = []) {
        self.value = value
        self.annotations = annotations
    }

    /// The warnings only.
    public var warnings: [Annotation] { annotations.filter { $0.severity == .warning } }
    /// The infos only.
    public var infos: [Annotation] { annotations.filter { $0.severity == .info } }
}
