/// The text of a scalar node and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written in the source. Only plain scalars are subject to type resolution:
    /// a quoted or block scalar is always a string (unless explicitly tagged).
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        /// `|` block scalar.
        case literal
        /// `>` block scalar.
        case folded

        /// Whether the style forces string resolution (every style but plain).
        public var isQuotedOrBlock: Bool { self != .plain }
    }

    /// The scalar's content after unescaping and folding.
    public var value: String
    public var style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }
}
