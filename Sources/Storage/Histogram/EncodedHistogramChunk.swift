import PromModel

/// An immutable, compressed run of native-histogram samples of one series (see `HistogramChunk`).
public struct EncodedHistogramChunk: Sendable {
    let bytes: [UInt8]
    /// Number of samples.
    public let count: Int
    /// Timestamp of the first sample.
    public let minT: Int64
    /// Timestamp of the last sample.
    public let maxT: Int64
    /// Start timestamps of the samples, index for index (0 = none); `nil` when no sample has one.
    public let startTimes: [Int64]?

    init(bytes: [UInt8], count: Int, minT: Int64, maxT: Int64, startTimes: [Int64]? = nil) {
        self.bytes = bytes
        self.count = count
        self.minT = minT
        self.maxT = maxT
        self.startTimes = startTimes
    }

    /// Size of the compressed payload in bytes.
    public var byteCount: Int { bytes.count }

    /// Whether the chunk has samples in `[mint, maxt]`.
    public func overlaps(mint: Int64, maxt: Int64) -> Bool {
        count > 0 && minT <= maxt && maxT >= mint
    }

    /// A decoder over the samples.
    public func makeIterator() -> HistogramChunkIterator { HistogramChunkIterator(self) }

    /// All samples, decoded (fewer than `count` when the chunk is corrupt).
    public var samples: [HistogramSample] {
        var out: [HistogramSample] = []
        out.reserveCapacity(count)
        var it = makeIterator()
        while let s = it.next() { out.append(s) }
        return out
    }

    /// The samples in `[mint, maxt]`, appended to `out`.
    func appendSamples(mint: Int64, maxt: Int64, to out: inout [HistogramSample]) {
        guard overlaps(mint: mint, maxt: maxt) else { return }
        var it = makeIterator()
        while let s = it.next() {
            if s.t > maxt { break }
            if s.t >= mint { out.append(s) }
        }
    }
}

/// Decodes the samples of an `EncodedHistogramChunk` in order; a corrupt chunk ends early, never crashes.
public struct HistogramChunkIterator: IteratorProtocol, Sendable {
    private var reader: BitReader
    private let total: Int
    private var index = 0
    private var t: Int64 = 0
    private var delta: Int64 = 0
    private var layout: HistogramChunkLayout?
    private var integerCounts = false
    private var hint: UInt64 = 0
    private var intFields: [DoDField] = []
    private var floatFields: [XORField] = []
    private var sum = XORField(bits: 0)
    private var customValues: [Double] = []
    private let startTimes: [Int64]?

    init(_ chunk: EncodedHistogramChunk) {
        reader = BitReader(chunk.bytes)
        total = chunk.count
        startTimes = chunk.startTimes
    }

    /// The next sample with its start timestamp, or `nil` at the end (or on a corrupt chunk).
    public mutating func next() -> HistogramSample? {
        let k = index
        guard var s = decodeNext() else { return nil }
        if let startTimes, k < startTimes.count { s.st = startTimes[k] }
        return s
    }

    private mutating func decodeNext() -> HistogramSample? {
        guard index < total else { return nil }
        guard index > 0, let layout else { return first() }
        guard let dod = VarbitInt.read(from: &reader) else { return fail() }
        let (d, o1) = (index == 1 ? Int64(0) : delta).addingReportingOverflow(dod)
        let (nt, o2) = t.addingReportingOverflow(d)
        guard !o1, !o2, d > 0 else { return fail() }
        delta = d
        t = nt
        guard let control = reader.readBit() else { return fail() }
        if control {
            guard let stale = reader.readBit(), let bits = reader.readBits(2) else { return fail() }
            if stale {
                index += 1
                let h = FloatHistogram(counterResetHint: HistogramChunk.hint(bits), schema: layout.schema,
                                       zeroThreshold: Double(bitPattern: layout.zeroThresholdBits), sum: StaleNaN.value,
                                       customValues: customValues)
                return HistogramSample(t: t, h: h)
            }
            hint = bits
        }
        var values: [Double] = []
        values.reserveCapacity(intFields.count + floatFields.count)
        if integerCounts {
            for i in intFields.indices {
                guard let v = intFields[i].read(from: &reader) else { return fail() }
                values.append(Double(v))
            }
        } else {
            for i in floatFields.indices {
                guard let v = floatFields[i].read(from: &reader) else { return fail() }
                values.append(Double(bitPattern: v))
            }
        }
        guard let sumBits = sum.read(from: &reader) else { return fail() }
        index += 1
        return HistogramSample(t: t, h: histogram(layout, values, sum: sumBits))
    }

    private mutating func first() -> HistogramSample? {
        guard let hintBits = reader.readBits(2), let integer = reader.readBit(),
              let layout = HistogramChunkLayout.read(from: &reader), let rawT = reader.readBits(64) else { return fail() }
        let fields = 2 + layout.bucketCount
        guard fields <= reader.remainingBits else { return fail() }
        var values: [Double] = []
        values.reserveCapacity(fields)
        if integer {
            for _ in 0..<fields {
                guard let v = VarbitInt.read(from: &reader) else { return fail() }
                intFields.append(DoDField(value: v))
                values.append(Double(v))
            }
        } else {
            for _ in 0..<fields {
                guard let v = reader.readBits(64) else { return fail() }
                floatFields.append(XORField(bits: v))
                values.append(Double(bitPattern: v))
            }
        }
        guard let sumBits = reader.readBits(64) else { return fail() }
        sum = XORField(bits: sumBits)
        self.layout = layout
        customValues = layout.customValues.map { Double(bitPattern: $0) }
        integerCounts = integer
        hint = hintBits
        t = Int64(bitPattern: rawT)
        index = 1
        return HistogramSample(t: t, h: histogram(layout, values, sum: sumBits))
    }

    /// A histogram of `layout` from its decoded counts (count, zero count, positive then negative buckets).
    private func histogram(_ layout: HistogramChunkLayout, _ values: [Double], sum: UInt64) -> FloatHistogram {
        var positive: [HistogramBucket] = []
        positive.reserveCapacity(layout.positiveIndexes.count)
        for (i, index) in layout.positiveIndexes.enumerated() { positive.append(HistogramBucket(index: index, count: values[2 + i])) }
        var negative: [HistogramBucket] = []
        negative.reserveCapacity(layout.negativeIndexes.count)
        let base = 2 + layout.positiveIndexes.count
        for (i, index) in layout.negativeIndexes.enumerated() { negative.append(HistogramBucket(index: index, count: values[base + i])) }
        return FloatHistogram(counterResetHint: HistogramChunk.hint(hint), schema: layout.schema,
                              zeroThreshold: Double(bitPattern: layout.zeroThresholdBits), zeroCount: values[1],
                              count: values[0], sum: Double(bitPattern: sum), positive: positive, negative: negative,
                              customValues: customValues)
    }

    private mutating func fail() -> HistogramSample? {
        index = total
        return nil
    }
}
