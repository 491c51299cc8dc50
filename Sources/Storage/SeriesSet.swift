/// The series a selection returned, sorted by labels.
public struct SeriesSet: RandomAccessCollection, Sendable {
    /// The series, in label order.
    public let series: [Series]

    public init(_ series: [Series]) {
        self.series = series
    }

    public static let empty = SeriesSet([])

    public var startIndex: Int { series.startIndex }
    public var endIndex: Int { series.endIndex }
    public subscript(position: Int) -> Series { series[position] }
}
