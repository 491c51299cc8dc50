import PromModel

/// What every histogram sample of one chunk shares: the schema, the zero threshold, the bucket
/// layout (as Prometheus's spans) and the custom bounds. A sample with another layout starts a new chunk.
///
/// Encoded at the start of the chunk: schema (`VarbitInt`), zero threshold (8 bits: 0 for 0,
/// `k + 244` for exactly `2^k` with k in -243…10, 255 followed by the 64 raw bits otherwise), positive
/// spans and negative spans (a count, then offset and length per span, all `VarbitInt`), the number
/// of custom bounds and each bound's 64 bits.
struct HistogramChunkLayout: Sendable, Equatable {
    var schema: Int32
    var zeroThresholdBits: UInt64
    var positiveIndexes: [Int32]
    var negativeIndexes: [Int32]
    var customValues: [UInt64]

    init(_ h: FloatHistogram) {
        schema = h.schema
        zeroThresholdBits = h.zeroThreshold.bitPattern
        positiveIndexes = h.positive.map(\.index)
        negativeIndexes = h.negative.map(\.index)
        customValues = h.customValues.map(\.bitPattern)
    }

    private init(schema: Int32, zeroThresholdBits: UInt64, positive: [Int32], negative: [Int32], custom: [UInt64]) {
        self.schema = schema
        self.zeroThresholdBits = zeroThresholdBits
        positiveIndexes = positive
        negativeIndexes = negative
        customValues = custom
    }

    /// Buckets a sample of this layout holds (zero bucket and count excluded).
    var bucketCount: Int { positiveIndexes.count + negativeIndexes.count }

    /// Whether `h` has exactly this layout (checked on every append, without allocating).
    func matches(_ h: FloatHistogram) -> Bool {
        guard h.schema == schema, h.zeroThreshold.bitPattern == zeroThresholdBits,
              h.positive.count == positiveIndexes.count, h.negative.count == negativeIndexes.count,
              h.customValues.count == customValues.count else { return false }
        for (i, b) in h.positive.enumerated() where positiveIndexes[i] != b.index { return false }
        for (i, b) in h.negative.enumerated() where negativeIndexes[i] != b.index { return false }
        for (i, v) in h.customValues.enumerated() where customValues[i] != v.bitPattern { return false }
        return true
    }

    // MARK: - Encoding

    func write(to w: inout BitWriter) {
        VarbitInt.write(Int64(schema), to: &w)
        let threshold = Double(bitPattern: zeroThresholdBits)
        if zeroThresholdBits == 0 {
            w.writeBits(0, count: 8)
        } else if threshold > 0, threshold.significandBitPattern == 0, threshold.isNormal,
                  (-243...10).contains(Int(threshold.exponent)) {
            w.writeBits(UInt64(Int(threshold.exponent) + 244), count: 8)
        } else {
            w.writeBits(255, count: 8)
            w.writeBits(zeroThresholdBits, count: 64)
        }
        HistogramChunkLayout.writeSpans(positiveIndexes, to: &w)
        HistogramChunkLayout.writeSpans(negativeIndexes, to: &w)
        VarbitInt.write(Int64(customValues.count), to: &w)
        for v in customValues { w.writeBits(v, count: 64) }
    }

    /// Reads a layout; `nil` when the stream is short or describes an impossible layout (indexes out of
    /// Int32 or not increasing, more buckets or bounds than the remaining bits could hold).
    static func read(from r: inout BitReader) -> HistogramChunkLayout? {
        guard let rawSchema = VarbitInt.read(from: &r), let schema = Int32(exactly: rawSchema),
              let code = r.readBits(8) else { return nil }
        var thresholdBits: UInt64 = 0
        switch code {
        case 0: break
        case 255:
            guard let raw = r.readBits(64) else { return nil }
            thresholdBits = raw
        default:
            thresholdBits = Double(sign: .plus, exponent: Int(code) - 244, significand: 1).bitPattern
        }
        guard let positive = readSpans(from: &r), let negative = readSpans(from: &r),
              let customCount = VarbitInt.read(from: &r), customCount >= 0,
              customCount <= Int64(r.remainingBits / 64) else { return nil }
        var custom: [UInt64] = []
        custom.reserveCapacity(Int(customCount))
        for _ in 0..<Int(customCount) {
            guard let v = r.readBits(64) else { return nil }
            custom.append(v)
        }
        return HistogramChunkLayout(schema: schema, zeroThresholdBits: thresholdBits, positive: positive,
                                    negative: negative, custom: custom)
    }

    /// Consecutive indexes as spans: a count, then per span the gap from the previous span's end
    /// (from 0 for the first) and the length.
    private static func writeSpans(_ indexes: [Int32], to w: inout BitWriter) {
        var spans: [(offset: Int64, length: Int64)] = []
        var next: Int64 = 0
        for i in indexes.map(Int64.init) {
            if let last = spans.indices.last, i == next {
                spans[last].length += 1
            } else {
                spans.append((i - next, 1))
            }
            next = i + 1
        }
        VarbitInt.write(Int64(spans.count), to: &w)
        for s in spans {
            VarbitInt.write(s.offset, to: &w)
            VarbitInt.write(s.length, to: &w)
        }
    }

    private static func readSpans(from r: inout BitReader) -> [Int32]? {
        guard let count = VarbitInt.read(from: &r), count >= 0, count <= Int64(r.remainingBits) else { return nil }
        var out: [Int32] = []
        var next: Int64 = 0
        for n in 0..<Int(count) {
            guard let offset = VarbitInt.read(from: &r), let length = VarbitInt.read(from: &r),
                  length > 0, n == 0 || offset >= 0,
                  // Each bucket of the first sample takes at least one bit.
                  length <= Int64(r.remainingBits) - Int64(out.count) else { return nil }
            let (start, overflow) = next.addingReportingOverflow(offset)
            guard !overflow, start >= Int64(Int32.min), start <= Int64(Int32.max) - length + 1 else { return nil }
            for i in 0..<length { out.append(Int32(start + i)) }
            next = start + length
        }
        return out
    }
}
