/// Cuts series and samples into records of bounded size (about 1 MiB), so that any batch can be
/// logged and replay never needs a large buffer.
enum WALRecordBatcher {
    /// Samples per record: at most 39 bytes each.
    static let samplesPerRecord = 32_768
    /// Approximate payload bytes per series record.
    static let seriesBytesPerRecord = 1 << 20

    static func records(series: [WALSeries], samples: [WALSample]) -> [WALRecord] {
        var out: [WALRecord] = []
        var chunk: [WALSeries] = []
        var bytes = 0
        for s in series {
            let size = s.labels.reduce(10) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
            if !chunk.isEmpty, bytes + size > seriesBytesPerRecord {
                out.append(.series(chunk))
                chunk = []
                bytes = 0
            }
            chunk.append(s)
            bytes += size
        }
        if !chunk.isEmpty { out.append(.series(chunk)) }
        var start = 0
        while start < samples.count {
            let end = min(start + samplesPerRecord, samples.count)
            out.append(.samples(Array(samples[start..<end])))
            start = end
        }
        return out
    }

    /// Histogram samples per record at most (fewer when they have many buckets: about 1 MiB a record).
    static let histogramsPerRecord = 4_096

    static func records(histograms: [WALHistogramSample]) -> [WALRecord] {
        var out: [WALRecord] = []
        var run: [WALHistogramSample] = []
        var bytes = 0
        for h in histograms {
            let size = 48 + 10 * (h.h.positive.count + h.h.negative.count) + 8 * h.h.customValues.count
            if !run.isEmpty, run.count >= histogramsPerRecord || bytes + size > seriesBytesPerRecord {
                out.append(.histogramSamples(run))
                run = []
                bytes = 0
            }
            run.append(h)
            bytes += size
        }
        if !run.isEmpty { out.append(.histogramSamples(run)) }
        return out
    }
}
