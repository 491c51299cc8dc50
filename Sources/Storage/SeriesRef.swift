/// An opaque handle to a series of one storage, returned by `Appender.append` so callers
/// (the scraper) can append later samples without hashing the labels again.
public struct SeriesRef: Hashable, Sendable, Comparable {
    /// Position of the series in its storage; never reused within one storage.
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static func < (lhs: SeriesRef, rhs: SeriesRef) -> Bool { lhs.rawValue < rhs.rawValue }
}
