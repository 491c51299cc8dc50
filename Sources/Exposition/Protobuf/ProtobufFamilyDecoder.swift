import PromModel

/// Decodes one `MetricFamily` message into a `MetricFamily` and its samples (see
/// `ProtobufExpositionParser`). Field numbers are those of `io.prometheus.client`'s metrics.proto.
struct ProtobufFamilyDecoder {
    let limits: ExpositionLimits

    /// `MetricType` of metrics.proto.
    private static let types: [UInt64: MetricType] = [0: .counter, 1: .gauge, 2: .summary, 3: .unknown, 4: .histogram,
                                                       5: .gaugeHistogram]

    mutating func family(_ message: ProtobufReader) throws -> MetricFamily {
        var r = message
        var name = "", help: String?, unit: String?
        var typeNumber: UInt64 = 0
        var metrics: [Range<Int>] = []
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .lengthDelimited): name = try r.string()
            case (2, .lengthDelimited): help = try r.string()
            case (3, .varint): typeNumber = try r.varint()
            case (4, .lengthDelimited): metrics.append(try r.lengthDelimited())
            case (5, .lengthDelimited): unit = try r.string()
            default: try r.skip(wire)
            }
        }
        guard !name.isEmpty else { throw ProtobufDecodeError("metric family without a name", at: r.position) }
        guard let type = Self.types[typeNumber] else {
            throw ProtobufDecodeError("unknown metric type \(typeNumber) of \(name)", at: r.position)
        }
        var family = MetricFamily(name: name, type: type, help: help, unit: unit.flatMap { $0.isEmpty ? nil : $0 })
        for range in metrics {
            try metric(r.sub(range), into: &family)
            guard family.samples.count <= limits.maxSamples else {
                throw ProtobufDecodeError("more than \(limits.maxSamples) samples", at: range.upperBound)
            }
        }
        return family
    }

    // MARK: - Metric

    private func metric(_ message: ProtobufReader, into family: inout MetricFamily) throws {
        var r = message
        var pairs: [Label] = []
        var timestamp: Int64?
        var value: Range<Int>?
        // The field holding the value for the family's type: gauge 2, counter 3, summary 4, untyped 5, histogram 7.
        let valueField: UInt64
        switch family.type {
        case .gauge: valueField = 2
        case .counter: valueField = 3
        case .summary: valueField = 4
        case .histogram, .gaugeHistogram: valueField = 7
        default: valueField = 5
        }
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .lengthDelimited):
                guard pairs.count < limits.maxLabelsPerSample else {
                    throw ProtobufDecodeError("more than \(limits.maxLabelsPerSample) labels", at: r.position)
                }
                pairs.append(try label(r.sub(try r.lengthDelimited())))
            case (6, .varint): timestamp = Int64(bitPattern: try r.varint())
            case (valueField, .lengthDelimited): value = try r.lengthDelimited()
            default: try r.skip(wire)
            }
        }
        var seen = Set<String>()
        for p in pairs where !seen.insert(p.name).inserted {
            throw ProtobufDecodeError("duplicate label \(p.name) in \(family.name)", at: r.position)
        }
        let labels = Labels(pairs)
        let ts = timestamp == 0 ? nil : timestamp
        let body = value.map { r.sub($0) } ?? r.sub(r.end..<r.end)
        switch family.type {
        case .summary:
            try summary(body, family: &family, labels: labels, timestamp: ts)
        case .histogram, .gaugeHistogram:
            try histogram(body, family: &family, labels: labels, timestamp: ts)
        default:
            var v = body
            var number = 0.0
            while !v.isAtEnd {
                let (field, wire) = try v.tag()
                if field == 1, wire == .fixed64 { number = try v.double() } else { try v.skip(wire) }
            }
            family.samples.append(MetricSample(name: family.name, labels: labels, value: number, timestamp: ts))
        }
    }

    private func label(_ message: ProtobufReader) throws -> Label {
        var r = message
        var name = "", value = ""
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .lengthDelimited): name = try r.string()
            case (2, .lengthDelimited): value = try r.string()
            default: try r.skip(wire)
            }
        }
        guard !name.isEmpty else { throw ProtobufDecodeError("label without a name", at: r.position) }
        return Label(name, value)
    }

    // MARK: - Summary

    private func summary(_ message: ProtobufReader, family: inout MetricFamily, labels: Labels, timestamp: Int64?) throws {
        var r = message
        var count: UInt64 = 0, sum = 0.0
        var quantiles: [(Double, Double)] = []
        while !r.isAtEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, .varint): count = try r.varint()
            case (2, .fixed64): sum = try r.double()
            case (3, .lengthDelimited):
                guard quantiles.count < limits.maxSamples else { throw ProtobufDecodeError("too many quantiles", at: r.position) }
                var q = r.sub(try r.lengthDelimited())
                var quantile = 0.0, value = 0.0
                while !q.isAtEnd {
                    let (f, w) = try q.tag()
                    switch (f, w) {
                    case (1, .fixed64): quantile = try q.double()
                    case (2, .fixed64): value = try q.double()
                    default: try q.skip(w)
                    }
                }
                quantiles.append((quantile, value))
            default: try r.skip(wire)
            }
        }
        for (q, v) in quantiles {
            family.samples.append(MetricSample(name: family.name, labels: labels.setting("quantile", to: ExpositionNumber.format(q)),
                                               value: v, timestamp: timestamp))
        }
        family.samples.append(MetricSample(name: family.name + "_sum", labels: labels, value: sum, timestamp: timestamp))
        family.samples.append(MetricSample(name: family.name + "_count", labels: labels, value: Double(count), timestamp: timestamp))
    }

    // MARK: - Histogram

    private func histogram(_ message: ProtobufReader, family: inout MetricFamily, labels: Labels, timestamp: Int64?) throws {
        var h = try ProtobufHistogram.decode(message, maxBuckets: limits.maxHistogramBuckets)
        if h.isNative {
            h.gauge = family.type == .gaugeHistogram
            var sample = MetricSample(name: family.name, labels: labels, value: 0, timestamp: timestamp)
            sample.histogram = try h.floatHistogram(at: message.position)
            family.samples.append(sample)
            return
        }
        var sawInf = false
        for b in h.buckets {
            sawInf = sawInf || b.upperBound == .infinity
            family.samples.append(MetricSample(name: family.name + "_bucket",
                                               labels: labels.setting("le", to: ExpositionNumber.format(b.upperBound)),
                                               value: b.cumulative, timestamp: timestamp))
        }
        if !h.buckets.isEmpty, !sawInf {
            family.samples.append(MetricSample(name: family.name + "_bucket", labels: labels.setting("le", to: "+Inf"),
                                               value: h.count, timestamp: timestamp))
        }
        family.samples.append(MetricSample(name: family.name + "_sum", labels: labels, value: h.sum, timestamp: timestamp))
        family.samples.append(MetricSample(name: family.name + "_count", labels: labels, value: h.count, timestamp: timestamp))
    }
}
