import Diagnostics
import Exposition
import PromModel
import Storage

/// Loads OpenMetrics text with timestamps into a storage: the format `promtool tsdb
/// create-blocks-from openmetrics` reads, used by labctl as a query data file.
///
/// Every sample needs a timestamp; series may repeat with increasing timestamps. The whole file is
/// parsed before anything is appended, so a syntax error leaves the storage untouched.
public enum OpenMetricsBackfill {
    /// What a load added.
    public struct Summary: Hashable, Sendable {
        public var series: Int
        public var samples: Int
        /// Oldest and newest timestamps loaded (milliseconds), `nil` when nothing was loaded.
        public var minTime: Int64?
        public var maxTime: Int64?
    }

    /// Parses `text` and appends its samples to `storage`, committing once.
    /// Errors are `ExpositionError`s with the position of the offending sample, including samples
    /// the storage rejects (code `exposition/storage-rejected`).
    @discardableResult
    public static func load(_ text: String, file: String = "<input>", into storage: any Appendable,
                            limits: ExpositionLimits = .default) throws -> Summary {
        let families = try ExpositionParser(format: .openMetrics, file: file, limits: limits).parse(text)
        var summary = Summary(series: 0, samples: 0)
        var seen = Set<Labels>()
        let appender = storage.appender()
        for family in families {
            for sample in family.samples {
                let location = SourceLocation(file: file, line: sample.line, column: 1)
                guard let t = sample.timestamp else {
                    appender.rollback()
                    throw ExpositionError("missing-timestamp", "sample \(sample.seriesLabels) has no timestamp; backfill data needs one on every sample", at: location)
                }
                let labels = sample.seriesLabels
                do {
                    try appender.append(labels, t: t, v: sample.value)
                } catch {
                    appender.rollback()
                    throw ExpositionError("storage-rejected", "\(error)", at: location)
                }
                if seen.insert(labels).inserted { summary.series += 1 }
                summary.samples += 1
                summary.minTime = min(summary.minTime ?? t, t)
                summary.maxTime = max(summary.maxTime ?? t, t)
            }
        }
        do {
            try appender.commit()
        } catch {
            throw ExpositionError("storage-rejected", "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return summary
    }
}
