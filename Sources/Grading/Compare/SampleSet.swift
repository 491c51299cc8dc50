import PromModel

/// An instant result as a set of labelled values, compared by label set and value, never by text.
public struct SampleSet: Sendable {
    public var values: [Labels: Double]
    /// The result was a scalar (one value without labels).
    public var isScalar: Bool

    public init(_ samples: [(Labels, Double)], isScalar: Bool = false) {
        var values: [Labels: Double] = [:]
        for (labels, v) in samples { values[labels] = v }
        self.values = values
        self.isScalar = isScalar
    }

    public var count: Int { values.count }
    /// The label sets, sorted.
    public var labelSets: [Labels] { values.keys.sorted() }
}
