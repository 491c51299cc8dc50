import PromModel

/// Writes metric families in the Prometheus protobuf exposition format (delimited `MetricFamily`
/// messages), the inverse of `ProtobufExpositionParser`: what it writes parses back to the same families.
///
/// Counter, gauge and untyped samples become one metric each; a sample carrying a native histogram
/// becomes a histogram metric (integer deltas when every count is a whole number, float counts
/// otherwise); classic histogram and summary samples are grouped by their labels without `le` and
/// `quantile`.
public struct ProtobufExpositionWriter: Sendable {
    public init() {}

    /// The encoded families.
    public func write(_ families: [MetricFamily]) -> [UInt8] {
        var out = ProtobufWriter()
        for family in families {
            var message = ProtobufWriter()
            encode(family, into: &message)
            out.varint(UInt64(message.bytes.count))
            out.bytes.append(contentsOf: message.bytes)
        }
        return out.bytes
    }

    private func encode(_ family: MetricFamily, into w: inout ProtobufWriter) {
        w.stringField(1, family.name)
        if let help = family.help { w.stringField(2, help) }
        let type: UInt64
        switch family.type {
        case .counter: type = 0
        case .gauge: type = 1
        case .summary: type = 2
        case .histogram: type = 4
        case .gaugeHistogram: type = 5
        default: type = 3
        }
        w.varintField(3, type)
        switch family.type {
        case .summary, .histogram, .gaugeHistogram:
            for (labels, group) in grouped(family) { w.messageField(4) { metric(family, labels, group, &$0) } }
        default:
            // The value's field of Metric: counter 3, gauge 2, untyped 5.
            let field: UInt64 = family.type == .counter ? 3 : family.type == .gauge ? 2 : 5
            for s in family.samples {
                w.messageField(4) { m in
                    labels(s.labels, &m)
                    m.messageField(field) { $0.doubleField(1, s.value) }
                    if let t = s.timestamp { m.varintField(6, UInt64(bitPattern: t)) }
                }
            }
        }
        if let unit = family.unit { w.stringField(5, unit) }
    }

    private func labels(_ labels: Labels, _ m: inout ProtobufWriter) {
        for l in labels {
            m.messageField(1) {
                $0.stringField(1, l.name)
                $0.stringField(2, l.value)
            }
        }
    }

    /// Samples by their labels without `le` / `quantile`, in first-seen order.
    private func grouped(_ family: MetricFamily) -> [(Labels, [MetricSample])] {
        var order: [Labels] = []
        var groups: [Labels: [MetricSample]] = [:]
        for s in family.samples {
            let key = s.labels.removing(["le", "quantile"])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(s)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    private func metric(_ family: MetricFamily, _ key: Labels, _ group: [MetricSample], _ m: inout ProtobufWriter) {
        labels(key, &m)
        let name = family.name
        let sum = group.first { $0.name.hasSuffix("_sum") }?.value ?? 0
        let count = group.first { $0.name.hasSuffix("_count") }?.value ?? 0
        if family.type == .summary {
            m.messageField(4) { s in
                s.varintField(1, UInt64(max(0, min(count, 1.8e19))))
                s.doubleField(2, sum)
                for q in group where q.name == name {
                    s.messageField(3) {
                        $0.doubleField(1, Double(q.labels["quantile"] ?? "") ?? .nan)
                        $0.doubleField(2, q.value)
                    }
                }
            }
        } else if let h = group.first(where: { $0.histogram != nil })?.histogram {
            m.messageField(7) { native(h, &$0) }
        } else {
            m.messageField(7) { c in
                c.doubleField(4, count)
                c.doubleField(2, sum)
                for b in group where b.name.hasSuffix("_bucket") {
                    c.messageField(3) {
                        $0.doubleField(4, b.value)
                        $0.doubleField(2, Double(b.labels["le"] ?? "") ?? .infinity)
                    }
                }
            }
        }
        if let t = group.first?.timestamp { m.varintField(6, UInt64(bitPattern: t)) }
    }

    private func native(_ h: FloatHistogram, _ w: inout ProtobufWriter) {
        let integer = ([h.count, h.zeroCount] + h.positive.map(\.count) + h.negative.map(\.count))
            .allSatisfy { $0 >= 0 && $0 < 9e15 && $0 == $0.rounded() }
        if integer { w.varintField(1, UInt64(h.count)) } else { w.doubleField(4, h.count) }
        w.doubleField(2, h.sum)
        w.sint64Field(5, Int64(h.schema))
        w.doubleField(6, h.zeroThreshold)
        if integer { w.varintField(7, UInt64(h.zeroCount)) } else { w.doubleField(8, h.zeroCount) }
        let sides: [(spans: UInt64, deltas: UInt64, counts: UInt64, buckets: [HistogramBucket], spanList: [HistogramSpan])] = [
            (9, 10, 11, h.negative, h.negativeSpans), (12, 13, 14, h.positive, h.positiveSpans),
        ]
        for side in sides {
            for span in side.spanList {
                w.messageField(side.spans) {
                    $0.sint64Field(1, Int64(span.offset))
                    $0.varintField(2, UInt64(span.length))
                }
            }
            if integer {
                var previous: Int64 = 0
                var deltas: [Int64] = []
                for b in side.buckets {
                    deltas.append(Int64(b.count) - previous)
                    previous = Int64(b.count)
                }
                w.packedSint64(side.deltas, deltas)
            } else {
                w.packedDoubles(side.counts, side.buckets.map(\.count))
            }
        }
        // An empty native histogram says it is native with one span of length 0.
        if h.positive.isEmpty && h.negative.isEmpty && h.zeroThreshold == 0 && h.zeroCount == 0 {
            w.messageField(12) {
                $0.sint64Field(1, 0)
                $0.varintField(2, 0)
            }
        }
    }
}
