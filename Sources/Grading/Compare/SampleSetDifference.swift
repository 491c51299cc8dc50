import PromModel

/// The first difference between an expected and an actual instant result, for feedback.
public enum SampleSetDifference: Sendable, Equatable {
    /// A series the reference has and the answer does not.
    case missing(Labels, expected: Double)
    /// A series the answer has and the reference does not.
    case unexpected(Labels, actual: Double)
    /// Same series, different value.
    case value(Labels, expected: Double, actual: Double)

    /// Compares by label set, then value; nil when they agree. Scalars compare with one-element
    /// vectors without labels.
    public static func first(expected: SampleSet, actual: SampleSet, tolerance: ValueTolerance) -> SampleSetDifference? {
        for labels in expected.labelSets {
            guard let e = expected.values[labels] else { continue }
            guard let a = actual.values[labels] else { return .missing(labels, expected: e) }
            if !tolerance.equal(e, a) { return .value(labels, expected: e, actual: a) }
        }
        for labels in actual.labelSets where expected.values[labels] == nil {
            return .unexpected(labels, actual: actual.values[labels] ?? .nan)
        }
        return nil
    }

    /// Whether the answer has the reference's values under other labels (the commonest near miss).
    public static func sameValuesOtherLabels(expected: SampleSet, actual: SampleSet, tolerance: ValueTolerance) -> Bool {
        guard expected.count == actual.count, expected.count > 0 else { return false }
        let e = expected.values.values.sorted(), a = actual.values.values.sorted()
        return zip(e, a).allSatisfy { tolerance.equal($0, $1) }
    }
}
