import PromModel

/// The fields of a metrics.proto `Histogram` message: classic buckets and the native histogram's
/// schema, zero bucket, spans and counts (integer deltas or absolute float counts).
struct ProtobufHistogram {
    struct ClassicBucket {
        var upperBound: Double
        var cumulative: Double
    }

    var count = 0.0
    var sum = 0.0
    var buckets: [ClassicBucket] = []
    var schema: Int32 = 0
    var zeroThreshold = 0.0
    var zeroCount = 0.0
    var negativeSpans: [HistogramSpan] = []
    var negativeDeltas: [Int64] = []
    var negativeCounts: [Double] = []
    var positiveSpans: [HistogramSpan] = []
    var positiveDeltas: [Int64] = []
    var positiveCounts: [Double] = []
    var gauge = false

    /// As Prometheus decides: native when it has spans or a zero bucket (an empty native histogram
    /// carries one span of length 0 to say so).
    var isNative: Bool {
        !positiveSpans.isEmpty || !negativeSpans.isEmpty || zeroThreshold > 0 || zeroCount > 0
    }

    static func decode(_ message: ProtobufReader, maxBuckets: Int) throws -> ProtobufHistogram {
        var r = message
        var h = ProtobufHistogram()
        var countInt: UInt64 = 0, countFloat = 0.0, zeroInt: UInt64 = 0, zeroFloat = 0.0
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .varint): countInt = try r.varint()
            case (4, .fixed64): countFloat = try r.double()
            case (2, .fixed64): h.sum = try r.double()
            case (3, .lengthDelimited):
                guard h.buckets.count < maxBuckets else { throw ProtobufDecodeError("more than \(maxBuckets) buckets", at: r.position) }
                h.buckets.append(try classicBucket(r.sub(try r.lengthDelimited())))
            case (5, .varint):
                guard let s = Int32(exactly: try r.sint64()) else { throw ProtobufDecodeError("schema out of range", at: r.position) }
                h.schema = s
            case (6, .fixed64): h.zeroThreshold = try r.double()
            case (7, .varint): zeroInt = try r.varint()
            case (8, .fixed64): zeroFloat = try r.double()
            case (9, .lengthDelimited): h.negativeSpans.append(try span(r.sub(try r.lengthDelimited())))
            case (10, _): try r.sint64s(wire, into: &h.negativeDeltas, limit: maxBuckets)
            case (11, _): try r.doubles(wire, into: &h.negativeCounts, limit: maxBuckets)
            case (12, .lengthDelimited): h.positiveSpans.append(try span(r.sub(try r.lengthDelimited())))
            case (13, _): try r.sint64s(wire, into: &h.positiveDeltas, limit: maxBuckets)
            case (14, _): try r.doubles(wire, into: &h.positiveCounts, limit: maxBuckets)
            default: try r.skip(wire)
            }
            guard h.positiveSpans.count + h.negativeSpans.count <= maxBuckets else {
                throw ProtobufDecodeError("more than \(maxBuckets) spans", at: r.position)
            }
        }
        // `*_float` fields override the integer ones when set (> 0), as in Prometheus.
        h.count = countFloat > 0 ? countFloat : Double(countInt)
        h.zeroCount = zeroFloat > 0 ? zeroFloat : Double(zeroInt)
        return h
    }

    private static func classicBucket(_ message: ProtobufReader) throws -> ClassicBucket {
        var r = message
        var cumulative: UInt64 = 0, cumulativeFloat = 0.0, upper = 0.0
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .varint): cumulative = try r.varint()
            case (4, .fixed64): cumulativeFloat = try r.double()
            case (2, .fixed64): upper = try r.double()
            default: try r.skip(wire)
            }
        }
        return ClassicBucket(upperBound: upper, cumulative: cumulativeFloat > 0 ? cumulativeFloat : Double(cumulative))
    }

    private static func span(_ message: ProtobufReader) throws -> HistogramSpan {
        var r = message
        var offset: Int32 = 0, length: UInt32 = 0
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .varint):
                guard let o = Int32(exactly: try r.sint64()) else { throw ProtobufDecodeError("span offset out of range", at: r.position) }
                offset = o
            case (2, .varint):
                guard let l = UInt32(exactly: try r.varint()) else { throw ProtobufDecodeError("span length out of range", at: r.position) }
                length = l
            default: try r.skip(wire)
            }
        }
        return HistogramSpan(offset: offset, length: length)
    }

    // MARK: - Conversion

    /// The native histogram; throws when the schema is invalid or the counts do not fill the spans.
    func floatHistogram(at offset: Int) throws -> FloatHistogram {
        guard FloatHistogram.exponentialSchemas.contains(schema) else {
            throw ProtobufDecodeError("invalid native histogram schema \(schema)", at: offset)
        }
        guard zeroThreshold >= 0, !zeroThreshold.isNaN else {
            throw ProtobufDecodeError("invalid zero threshold \(zeroThreshold)", at: offset)
        }
        let positive = try side(positiveSpans, positiveDeltas, positiveCounts, "positive", offset)
        let negative = try side(negativeSpans, negativeDeltas, negativeCounts, "negative", offset)
        return FloatHistogram(counterResetHint: gauge ? .gauge : .unknown, schema: schema, zeroThreshold: zeroThreshold,
                              zeroCount: zeroCount, count: count, sum: sum, positive: positive, negative: negative)
    }

    private func side(_ spans: [HistogramSpan], _ deltas: [Int64], _ counts: [Double], _ what: String,
                      _ offset: Int) throws -> [HistogramBucket] {
        var absolute: [Double] = counts
        if counts.isEmpty {
            // Integer buckets: each delta is against the previous bucket (the first against 0).
            var running: Int64 = 0
            absolute.reserveCapacity(deltas.count)
            for d in deltas {
                let (next, overflow) = running.addingReportingOverflow(d)
                guard !overflow, next >= 0 else { throw ProtobufDecodeError("\(what) bucket counts go negative or overflow", at: offset) }
                running = next
                absolute.append(Double(next))
            }
        } else if !deltas.isEmpty {
            throw ProtobufDecodeError("\(what) buckets have both deltas and counts", at: offset)
        }
        guard let buckets = FloatHistogram.buckets(spans: spans, counts: absolute) else {
            throw ProtobufDecodeError("\(what) spans do not match their \(absolute.count) bucket counts", at: offset)
        }
        return buckets
    }
}
