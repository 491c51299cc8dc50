import PromModel

/// Why a storage rejected a sample or a series.
///
/// A struct over an extensible `Kind`, so new reasons do not break callers that switch on them.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, comparable against the static members.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A sample older than the newest sample of its series.
        public static let outOfOrderSample = Kind("out-of-order-sample")
        /// A sample at the newest timestamp of its series, with a different value.
        public static let duplicateSampleForTimestamp = Kind("duplicate-sample-for-timestamp")
        /// A sample older than what the storage still keeps (retention).
        public static let outOfBounds = Kind("out-of-bounds")
        /// Creating the series would exceed `StorageLimits.maxSeries`.
        public static let tooManySeries = Kind("too-many-series")
        /// The series has more labels than `StorageLimits.maxLabelsPerSeries`.
        public static let tooManyLabels = Kind("too-many-labels")
        /// A label name is longer than `StorageLimits.maxLabelNameLength` bytes.
        public static let labelNameTooLong = Kind("label-name-too-long")
        /// A label value is longer than `StorageLimits.maxLabelValueLength` bytes.
        public static let labelValueTooLong = Kind("label-value-too-long")
        /// A series without any label.
        public static let emptyLabelSet = Kind("empty-label-set")
        /// A `SeriesRef` this storage does not know (or has dropped by retention).
        public static let unknownSeriesRef = Kind("unknown-series-ref")
        /// A native-histogram sample given to a storage that keeps floats only.
        public static let histogramsNotSupported = Kind("histograms-not-supported")
    }

    public let kind: Kind
    public let message: String
    /// The series concerned, when known.
    public let labels: Labels?

    /// An error of `kind`, with a message for people and the series it concerns when known.
    public init(_ kind: Kind, _ message: String, labels: Labels? = nil) {
        self.kind = kind
        self.message = message
        self.labels = labels
    }

    public var description: String {
        labels.map { "\(message) (series \($0))" } ?? message
    }
}
