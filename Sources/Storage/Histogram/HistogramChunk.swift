import PromModel

/// An appendable chunk of native-histogram samples of one layout, compressed Gorilla-style, after
/// Prometheus's histogram and float-histogram chunks (the layout is our own).
///
/// The first sample writes the header: the counter-reset header (2 bits: the first sample's hint,
/// 0 unknown, 1 reset, 2 not reset, 3 gauge), 1 bit for integer counts, then the `HistogramChunkLayout`;
/// then its timestamp (64 raw bits), count, zero count and bucket counts (each a `VarbitInt` for integer
/// counts, 64 raw bits otherwise) and the sum (64 raw bits).
///
/// Every later sample: the timestamp's delta of delta (`VarbitInt`; the second sample's delta against
/// 0), then a control field — `0` a sample with the previous sample's hint, `10` + 2 bits a sample with
/// another hint, `11` + 2 bits the staleness marker (a histogram of the chunk's schema, zero threshold
/// and custom bounds without observations and with the stale NaN as sum, which costs nothing more) —
/// and for a sample its count, zero count and bucket counts (deltas of deltas of integers as
/// `DoDField`s in integer chunks, `XORField`s in float chunks) and the sum (an `XORField`).
///
/// `append` returns `false` (changing nothing) when the chunk is full, the timestamp does not follow,
/// the layout differs, a count is not an integer in an integer chunk, or the sample's hint says a counter
/// reset happened (a reset starts a chunk, whose header then records it, as in Prometheus).
struct HistogramChunk: Sendable {
    /// Samples per chunk before a new one is cut.
    static let targetSamples = 120
    /// Bytes after which a new chunk is cut (histograms with many buckets).
    static let targetBytes = 4096

    private var writer = BitWriter(reservingBytes: 64)
    private(set) var count = 0
    private(set) var minT: Int64 = 0
    private(set) var maxT: Int64 = 0
    private var prevDelta: Int64 = 0
    private var layout: HistogramChunkLayout?
    private var integerCounts = false
    private var prevHint: UInt64 = 0
    private var intFields: [DoDField] = []
    private var floatFields: [XORField] = []
    private var sum = XORField(bits: 0)
    /// Start timestamps of the samples (0 = none), kept only once one sample has one (as `XORChunk`
    /// keeps them), so chunks of series without start timestamps pay one `nil` check per append.
    private(set) var startTimes: [Int64]?

    init() {}

    var isFull: Bool { count >= HistogramChunk.targetSamples || writer.byteCount >= HistogramChunk.targetBytes }
    var byteCount: Int { writer.byteCount }

    // MARK: - Appending

    /// Appends `h` at `t` (after the last sample) with its start timestamp `st` (0 = none) when it fits
    /// this chunk; `false` changes nothing.
    mutating func append(t: Int64, h: FloatHistogram, st: Int64 = 0) -> Bool {
        guard appendEncoded(t: t, h: h) else { return false }
        if st != 0 || startTimes != nil {
            if startTimes == nil { startTimes = [Int64](repeating: 0, count: count - 1) }
            startTimes?.append(st)
        }
        return true
    }

    private mutating func appendEncoded(t: Int64, h: FloatHistogram) -> Bool {
        guard count > 0, let layout else {
            start(t: t, h: h)
            return true
        }
        guard !isFull, t > maxT else { return false }
        let (delta, overflow) = t.subtractingReportingOverflow(maxT)
        guard !overflow else { return false }
        let hint = HistogramChunk.hintBits(h.counterResetHint)
        if HistogramChunk.isStaleMarker(h, of: layout) {
            VarbitInt.write(count == 1 ? delta : delta &- prevDelta, to: &writer)
            writer.writeBits(0b11, count: 2)
            writer.writeBits(hint, count: 2)
        } else {
            guard layout.matches(h), h.counterResetHint != .counterReset,
                  !integerCounts || HistogramChunk.hasIntegerCounts(h) else { return false }
            VarbitInt.write(count == 1 ? delta : delta &- prevDelta, to: &writer)
            if hint == prevHint {
                writer.writeBit(false)
            } else {
                writer.writeBits(0b10, count: 2)
                writer.writeBits(hint, count: 2)
                prevHint = hint
            }
            writeCounts(h)
            sum.write(h.sum.bitPattern, to: &writer)
        }
        prevDelta = delta
        maxT = t
        count += 1
        return true
    }

    private mutating func start(t: Int64, h: FloatHistogram) {
        let layout = HistogramChunkLayout(h)
        self.layout = layout
        integerCounts = HistogramChunk.hasIntegerCounts(h)
        prevHint = HistogramChunk.hintBits(h.counterResetHint)
        writer.writeBits(prevHint, count: 2)
        writer.writeBit(integerCounts)
        layout.write(to: &writer)
        writer.writeBits(UInt64(bitPattern: t), count: 64)
        let values = HistogramChunk.counts(of: h)
        if integerCounts {
            intFields = values.map { DoDField(value: Int64($0)) }
            for f in intFields { VarbitInt.write(f.value, to: &writer) }
        } else {
            floatFields = values.map { XORField(bits: $0.bitPattern) }
            for v in values { writer.writeBits(v.bitPattern, count: 64) }
        }
        sum = XORField(bits: h.sum.bitPattern)
        writer.writeBits(h.sum.bitPattern, count: 64)
        minT = t
        maxT = t
        count = 1
    }

    /// Writes the counts of a sample whose layout matched (so the fields line up with its buckets).
    private mutating func writeCounts(_ h: FloatHistogram) {
        if integerCounts {
            // Integral and at most 2^53 (checked), so the conversions are exact.
            intFields[0].write(Int64(h.count), to: &writer)
            intFields[1].write(Int64(h.zeroCount), to: &writer)
            var i = 2
            for b in h.positive { intFields[i].write(Int64(b.count), to: &writer); i += 1 }
            for b in h.negative { intFields[i].write(Int64(b.count), to: &writer); i += 1 }
        } else {
            floatFields[0].write(h.count.bitPattern, to: &writer)
            floatFields[1].write(h.zeroCount.bitPattern, to: &writer)
            var i = 2
            for b in h.positive { floatFields[i].write(b.count.bitPattern, to: &writer); i += 1 }
            for b in h.negative { floatFields[i].write(b.count.bitPattern, to: &writer); i += 1 }
        }
    }

    // MARK: - Fields

    /// Count, zero count, positive then negative bucket counts: the order fields are written in.
    static func counts(of h: FloatHistogram) -> [Double] {
        var out: [Double] = [h.count, h.zeroCount]
        out.reserveCapacity(2 + h.positive.count + h.negative.count)
        for b in h.positive { out.append(b.count) }
        for b in h.negative { out.append(b.count) }
        return out
    }

    /// Whether every count is an integer that survives a round trip through Int64 bit for bit
    /// (-0 does not) and is small enough that deltas of deltas cannot overflow.
    static func hasIntegerCounts(_ h: FloatHistogram) -> Bool {
        @inline(__always) func ok(_ v: Double) -> Bool {
            guard abs(v) <= 9_007_199_254_740_992 else { return false }  // 2^53; false for NaN too
            return Double(Int64(v)).bitPattern == v.bitPattern
        }
        guard ok(h.count), ok(h.zeroCount) else { return false }
        for b in h.positive where !ok(b.count) { return false }
        for b in h.negative where !ok(b.count) { return false }
        return true
    }

    /// The staleness marker in its compact form: no observations, the stale NaN as sum, the layout's
    /// schema, threshold and bounds, no buckets.
    static func isStaleMarker(_ h: FloatHistogram, of layout: HistogramChunkLayout) -> Bool {
        guard isStaleNaN(h.sum), h.count.bitPattern == 0, h.zeroCount.bitPattern == 0, h.positive.isEmpty,
              h.negative.isEmpty, h.schema == layout.schema,
              h.zeroThreshold.bitPattern == layout.zeroThresholdBits,
              h.customValues.count == layout.customValues.count else { return false }
        for (i, v) in h.customValues.enumerated() where layout.customValues[i] != v.bitPattern { return false }
        return true
    }

    static func hintBits(_ hint: FloatHistogram.CounterResetHint) -> UInt64 {
        switch hint {
        case .unknown: return 0
        case .counterReset: return 1
        case .notCounterReset: return 2
        case .gauge: return 3
        }
    }

    static func hint(_ bits: UInt64) -> FloatHistogram.CounterResetHint {
        switch bits & 3 {
        case 1: return .counterReset
        case 2: return .notCounterReset
        case 3: return .gauge
        default: return .unknown
        }
    }

    // MARK: - Snapshots

    /// The chunk as it is now, sharing storage (copy-on-write) for queries.
    func snapshot() -> EncodedHistogramChunk {
        EncodedHistogramChunk(bytes: writer.bytes, count: count, minT: minT, maxT: maxT, startTimes: startTimes)
    }

    /// The finished chunk, with its bytes copied into an exactly sized buffer.
    func sealed() -> EncodedHistogramChunk {
        EncodedHistogramChunk(bytes: writer.compactBytes(), count: count, minT: minT, maxT: maxT, startTimes: startTimes)
    }
}
