import PromModel

/// A native-histogram sample as logged. Equality compares every float's bits, so NaN sums and the
/// staleness marker round-trip exactly.
public struct WALHistogramSample: Hashable, Sendable {
    /// The series, as a `WALSeries.ref`.
    public var ref: UInt64
    /// Milliseconds since the epoch.
    public var t: Int64
    public var h: FloatHistogram

    public init(ref: UInt64, t: Int64, h: FloatHistogram) {
        self.ref = ref
        self.t = t
        self.h = h
    }

    public static func == (lhs: WALHistogramSample, rhs: WALHistogramSample) -> Bool {
        lhs.ref == rhs.ref && lhs.t == rhs.t && lhs.h.bitwiseEquals(rhs.h)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ref)
        hasher.combine(t)
        hasher.combine(h.sum.bitPattern)
        hasher.combine(h.count.bitPattern)
    }
}

/// A histogram chunk as logged: the series' WAL reference and the chunk's encoded samples
/// (see `HistogramChunk`).
public struct WALHistogramChunk: Hashable, Sendable {
    /// The series, as a `WALSeries.ref`.
    public var ref: UInt64
    /// Samples in the chunk.
    public var count: Int
    /// Timestamps of the first and last sample.
    public var minT: Int64
    public var maxT: Int64
    /// The encoded samples.
    public var bytes: [UInt8]

    public init(ref: UInt64, count: Int, minT: Int64, maxT: Int64, bytes: [UInt8]) {
        self.ref = ref
        self.count = count
        self.minT = minT
        self.maxT = maxT
        self.bytes = bytes
    }

    init(ref: UInt64, _ chunk: EncodedHistogramChunk) {
        self.init(ref: ref, count: chunk.count, minT: chunk.minT, maxT: chunk.maxT, bytes: chunk.bytes)
    }

    /// The chunk to decode (a corrupt one decodes to fewer samples, never crashes).
    var encoded: EncodedHistogramChunk {
        EncodedHistogramChunk(bytes: bytes, count: count, minT: minT, maxT: maxT)
    }
}

extension FloatHistogram {
    /// Equality on the bits of every float (NaN sums and counts, the staleness marker, -0 equal to
    /// themselves only), the hint included.
    public func bitwiseEquals(_ other: FloatHistogram) -> Bool {
        counterResetHint == other.counterResetHint && schema == other.schema
            && zeroThreshold.bitPattern == other.zeroThreshold.bitPattern
            && zeroCount.bitPattern == other.zeroCount.bitPattern && count.bitPattern == other.count.bitPattern
            && sum.bitPattern == other.sum.bitPattern && positive == other.positive && negative == other.negative
            && customValues.map(\.bitPattern) == other.customValues.map(\.bitPattern)
    }
}
