import PromModel
import Storage
import PromQL

// MARK: - Appending loaded series

extension PromQLTestLoad {
    /// What `append(to:)` did.
    public struct AppendSummary: Hashable, Sendable {
        /// Float samples, histogram samples and staleness markers appended.
        public var samples = 0
        /// Series that had native histogram samples, and the native histogram series `load_with_nhcb`
        /// would have made.
        public var histogramSeries = Set<Labels>()
    }

    /// Appends the float and histogram samples and staleness markers (value `i` at `i * step`) in one batch.
    /// A series written twice in one block keeps only its last line, as in Prometheus.
    /// Throws the storage's error (the batch is rolled back) with the series line.
    public func append(to storage: any Appendable) throws -> AppendSummary {
        var summary = AppendSummary()
        var lastLine: [Labels: Int] = [:]
        for (i, series) in self.series.enumerated() { lastLine[series.labels] = i }
        let appender = storage.appender()
        for (index, series) in self.series.enumerated() where lastLine[series.labels] == index {
            for (i, value) in series.values.enumerated() {
                let (t, overflow) = Int64(i).multipliedReportingOverflow(by: step)
                if overflow { break }
                do {
                    switch value {
                    case .omitted: continue
                    case .float(let v):
                        if let st = startTime(series, index: i, t: t) {
                            try appender.append(series.labels, t: t, v: v, st: st)
                        } else {
                            try appender.append(series.labels, t: t, v: v)
                        }
                    case .stale: try appender.append(series.labels, t: t, v: StaleNaN.value)
                    case .histogram(let h):
                        summary.histogramSeries.insert(series.labels)
                        if let st = startTime(series, index: i, t: t) {
                            try appender.appendHistogram(series.labels, t: t, h: h.floatHistogram, st: st)
                        } else {
                            try appender.appendHistogram(series.labels, t: t, h: h.floatHistogram)
                        }
                    }
                    summary.samples += 1
                } catch {
                    appender.rollback()
                    throw PromQLTestLoadError(line: series.line, message: "\(error)")
                }
            }
            if withNHCB, let name = series.labels.metricName, name.hasSuffix("_bucket"), series.labels["le"] != nil {
                let base = String(name.dropLast("_bucket".count))
                summary.histogramSeries.insert(series.labels.removing(["le"]).setting(Label.metricName, to: base))
            }
        }
        if withNHCB {
            do {
                for h in customBucketHistograms(lastLine: lastLine) {
                    summary.histogramSeries.insert(h.labels)
                    for (t, value) in h.samples {
                        if let value {
                            try appender.appendHistogram(h.labels, t: t, h: value)
                        } else {
                            try appender.append(h.labels, t: t, v: StaleNaN.value)
                        }
                        summary.samples += 1
                    }
                }
            } catch {
                appender.rollback()
                throw PromQLTestLoadError(line: line, message: "\(error)")
            }
        }
        do {
            try appender.commit()
        } catch {
            throw PromQLTestLoadError(line: line, message: "\(error)")
        }
        return summary
    }
}

extension PromQLTestLoad {
    /// The start timestamp of value `index` (at `t`) of `series`, from its `@st` line.
    func startTime(_ series: Series, index: Int, t: Int64) -> Int64? {
        guard let offsets = series.startOffsets, index < offsets.count, let offset = offsets[index] else { return nil }
        let (st, overflow) = t.addingReportingOverflow(offset)
        return overflow ? nil : st
    }
}

/// A sample of a `load` block that the storage rejected.
public struct PromQLTestLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the series (or of the `load` command when the commit failed).
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}
