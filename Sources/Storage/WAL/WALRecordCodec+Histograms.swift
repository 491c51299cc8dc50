import PromModel

/// Payloads of the histogram records.
///
/// - histogram samples: `count`, then per sample the ref and the timestamp as signed varint deltas
///   against the previous sample of the record (the first against 0; `WALSampleKeys`), a flag byte (bits 0–1 the
///   counter-reset hint, bit 2 integer counts), the schema (signed varint), the zero threshold and the
///   sum (64 bits little endian each), the count and the zero count, then per side (positive, negative)
///   the number of buckets and per bucket its index as a signed varint delta against the previous
///   bucket's (the first against 0) and its count, then the number of custom bounds and each bound
///   (64 bits). Counts are signed varints with the integer flag, 64 bits little endian otherwise.
/// - histogram chunks: `count`, then per chunk a `WALChunkHeader`.
extension WALRecordCodec {
    // MARK: - Encoding

    static func encodeHistogramSamples(_ samples: [WALHistogramSample], into w: inout WALByteWriter) {
        w.uvarint(UInt64(samples.count))
        var keys = WALSampleKeys()
        for s in samples {
            keys.encode(ref: s.ref, t: s.t, into: &w)
            encodeHistogram(s.h, into: &w)
        }
    }

    static func encodeHistogram(_ h: FloatHistogram, into w: inout WALByteWriter) {
        let integer = HistogramChunk.hasIntegerCounts(h)
        w.byte(UInt8(HistogramChunk.hintBits(h.counterResetHint)) | (integer ? 4 : 0))
        w.varint(Int64(h.schema))
        w.le64(h.zeroThreshold.bitPattern)
        w.le64(h.sum.bitPattern)
        func count(_ v: Double) {
            if integer { w.varint(Int64(v)) } else { w.le64(v.bitPattern) }
        }
        count(h.count)
        count(h.zeroCount)
        for side in [h.positive, h.negative] {
            w.uvarint(UInt64(side.count))
            var prev: Int64 = 0
            for b in side {
                w.varint(Int64(b.index) - prev)
                prev = Int64(b.index)
                count(b.count)
            }
        }
        w.uvarint(UInt64(h.customValues.count))
        for v in h.customValues { w.le64(v.bitPattern) }
    }

    static func encodeHistogramChunks(_ chunks: [WALHistogramChunk], into w: inout WALByteWriter) {
        w.uvarint(UInt64(chunks.count))
        for c in chunks {
            WALChunkHeader(ref: c.ref, count: c.count, minT: c.minT, maxT: c.maxT, bytes: c.bytes).encode(into: &w)
        }
    }

    // MARK: - Decoding

    static func decodeHistogramSamples(_ r: inout WALByteReader, payloadBytes: Int) throws -> [WALHistogramSample] {
        let count = try r.uvarint()
        var out: [WALHistogramSample] = []
        // A sample takes at least 25 bytes: never reserve more than the payload can hold.
        out.reserveCapacity(Int(min(count, UInt64(payloadBytes / 25))))
        var keys = WALSampleKeys()
        for _ in 0..<count {
            let (ref, t) = try keys.decode(&r)
            out.append(WALHistogramSample(ref: ref, t: t, h: try decodeHistogram(&r)))
        }
        return out
    }

    static func decodeHistogram(_ r: inout WALByteReader) throws -> FloatHistogram {
        let flags = try r.byte()
        guard flags < 8 else { throw WALDecodeError("histogram flags \(flags)") }
        let integer = flags & 4 != 0
        guard let schema = Int32(exactly: try r.varint()) else { throw WALDecodeError("histogram schema out of range") }
        let zeroThreshold = Double(bitPattern: try r.le64())
        let sum = Double(bitPattern: try r.le64())
        func count() throws -> Double {
            integer ? Double(try r.varint()) : Double(bitPattern: try r.le64())
        }
        let total = try count()
        let zeroCount = try count()
        var sides: [[HistogramBucket]] = []
        for _ in 0..<2 {
            let n = try r.uvarint()
            // Every bucket takes at least 2 bytes.
            guard n <= UInt64(r.remaining / 2) else { throw WALDecodeError("\(n) buckets exceed the record") }
            var buckets: [HistogramBucket] = []
            buckets.reserveCapacity(Int(n))
            var index: Int64 = 0
            for k in 0..<n {
                let delta = try r.varint()
                let (next, overflow) = index.addingReportingOverflow(delta)
                guard !overflow, k == 0 || delta > 0, let i = Int32(exactly: next) else {
                    throw WALDecodeError("histogram bucket indexes out of order or range")
                }
                index = next
                buckets.append(HistogramBucket(index: i, count: try count()))
            }
            sides.append(buckets)
        }
        let customCount = try r.uvarint()
        guard customCount <= UInt64(r.remaining / 8) else { throw WALDecodeError("\(customCount) bounds exceed the record") }
        var custom: [Double] = []
        custom.reserveCapacity(Int(customCount))
        for _ in 0..<customCount { custom.append(Double(bitPattern: try r.le64())) }
        return FloatHistogram(counterResetHint: HistogramChunk.hint(UInt64(flags & 3)), schema: schema,
                              zeroThreshold: zeroThreshold, zeroCount: zeroCount, count: total, sum: sum,
                              positive: sides[0], negative: sides[1], customValues: custom)
    }

    static func decodeHistogramChunks(_ r: inout WALByteReader, payloadBytes: Int) throws -> [WALHistogramChunk] {
        let count = try r.uvarint()
        var out: [WALHistogramChunk] = []
        out.reserveCapacity(Int(min(count, UInt64(payloadBytes / 5))))
        for _ in 0..<count {
            let c = try WALChunkHeader.decode(&r, kind: "histogram chunk")
            out.append(WALHistogramChunk(ref: c.ref, count: c.count, minT: c.minT, maxT: c.maxT, bytes: c.bytes))
        }
        return out
    }
}
