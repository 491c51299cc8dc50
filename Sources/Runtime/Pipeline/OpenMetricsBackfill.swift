import Diagnostics
import Exposition
import PromModel
import Storage

/// Loads OpenMetrics text with timestamps into a storage: the format `promtool tsdb
/// create-blocks-from openmetrics` reads, used by labctl as a query data file.
///
/// Every sample needs a timestamp; series may repeat with increasing timestamps. The whole file is
/// parsed before anything is appended, so a syntax error leaves the storage untouched. The parser
/// hands out samples one by one, each reduced at once to (series, time, value, line), and each
/// series' labels are built once, so memory holds the input and about 32 bytes per sample.
public enum OpenMetricsBackfill {
    /// What a load added.
    public struct Summary: Hashable, Sendable {
        public var series: Int
        public var samples: Int
        /// Oldest and newest timestamps loaded (milliseconds), `nil` when nothing was loaded.
        public var minTime: Int64?
        public var maxTime: Int64?
    }

    /// One parsed sample: its series (an index into the series labels), time, value and line.
    private struct Point {
        var series: Int
        var t: Int64
        var v: Double
        var line: Int32
    }

    /// Parses `text` and appends its samples to `storage`, committing once.
    /// Errors are `ExpositionError`s with the position of the offending sample, including samples
    /// the storage rejects (code `exposition/storage-rejected`).
    @discardableResult
    public static func load(_ text: String, file: String = "<input>", into storage: any Appendable,
                            limits: ExpositionLimits = .default) throws -> Summary {
        var seriesLabels: [Labels] = []
        var points: [Point] = []
        var missing: ExpositionError?
        try ExpositionParser(format: .openMetrics, file: file, limits: limits).parse(text, eachSample: { sample, series in
            // Series are numbered in order of first appearance: a new one is the next index.
            if series >= seriesLabels.count { seriesLabels.append(sample.seriesLabels) }
            guard let t = sample.timestamp else {
                if missing == nil {
                    missing = ExpositionError("missing-timestamp", "sample \(sample.seriesLabels) has no timestamp; backfill data needs one on every sample",
                                              at: SourceLocation(file: file, line: sample.line, column: 1))
                }
                return
            }
            points.append(Point(series: series, t: t, v: sample.value, line: Int32(clamping: sample.line)))
        })
        if let missing { throw missing }

        var summary = Summary(series: seriesLabels.count, samples: 0)
        var refs = [SeriesRef?](repeating: nil, count: seriesLabels.count)
        let appender = storage.appender()
        for point in points {
            do {
                if let ref = refs[point.series] {
                    try appender.append(ref, t: point.t, v: point.v)
                } else {
                    refs[point.series] = try appender.append(seriesLabels[point.series], t: point.t, v: point.v)
                }
            } catch {
                appender.rollback()
                throw ExpositionError("storage-rejected", "\(error)",
                                      at: SourceLocation(file: file, line: Int(point.line), column: 1))
            }
            summary.samples += 1
            summary.minTime = min(summary.minTime ?? point.t, point.t)
            summary.maxTime = max(summary.maxTime ?? point.t, point.t)
        }
        do {
            try appender.commit()
        } catch {
            throw ExpositionError("storage-rejected", "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return summary
    }
}
