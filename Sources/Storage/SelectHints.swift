/// What the engine is going to do with a selection; an implementation may use it to read less.
///
/// The in-memory storage ignores everything but the time range passed to `select`.
public struct SelectHints: Hashable, Sendable {
    /// Start of the query, in milliseconds.
    public var start: Int64
    /// End of the query, in milliseconds.
    public var end: Int64
    /// Step of a range query in milliseconds (0 for instant queries).
    public var step: Int64
    /// Range of a range vector selector in milliseconds (0 for instant vectors).
    public var range: Int64
    /// The function that will consume the data, when known (for example `rate`).
    public var function: String?

    public init(start: Int64, end: Int64, step: Int64 = 0, range: Int64 = 0, function: String? = nil) {
        self.start = start
        self.end = end
        self.step = step
        self.range = range
        self.function = function
    }
}
