import PromModel
import Storage
import PromQL

/// The input series of a test group as samples in time order, appended to the store lazily (only
/// those at or before each evaluation time), like promtool's lazy loader.
struct SeriesLoader {
    private var samples: [(t: Int64, labels: Labels, v: Double, h: FloatHistogram?)] = []
    private var next = 0

    /// The most values all input series of one group may expand to together (each series alone
    /// is limited by ``SeriesDescriptionLimits``; sixty series of `0x9999999` are not).
    static let maxTotalValues = 10_000_000

    /// Parses every `series values` pair; value `i` is at `i × interval`. A series given twice keeps
    /// its last line. Native histograms (`{{schema:0 sum:5 count:4 buckets:[1 2 1]}}`, expanded as
    /// `{{…}}+{{…}}x3`) are loaded as histogram samples, as promtool does.
    init(_ input: [RuleTestInputSeries], interval: Int64) throws {
        var byLabels: [Labels: [(Int64, Double, FloatHistogram?)]] = [:]
        var order: [Labels] = []
        var total = 0
        for series in input {
            let description: SeriesDescription
            do {
                description = try SeriesDescription.parse(series.series + " " + series.values)
            } catch {
                throw RuleTestInputError(message: "error in input series \(RuleTestFormat.goQuote(series.series)): \(error)")
            }
            total += description.values.count
            if total > Self.maxTotalValues {
                throw RuleTestInputError(message: "input series expand to more than \(Self.maxTotalValues) values in all "
                                         + "(at series \(RuleTestFormat.goQuote(series.series)))")
            }
            var points: [(Int64, Double, FloatHistogram?)] = []
            for (i, value) in description.values.enumerated() {
                let (t, overflow) = Int64(i).multipliedReportingOverflow(by: interval)
                if overflow { break }
                switch value {
                case .omitted: continue
                case .float(let v): points.append((t, v, nil))
                case .stale: points.append((t, StaleNaN.value, nil))
                case .histogram(let h): points.append((t, 0, h.floatHistogram))
                }
            }
            if byLabels[description.labels] == nil { order.append(description.labels) }
            byLabels[description.labels] = points
        }
        for labels in order {
            for (t, v, h) in byLabels[labels] ?? [] { samples.append((t, labels, v, h)) }
        }
        // Stable by time: each series stays in order.
        samples = samples.enumerated().sorted { a, b in
            a.element.t != b.element.t ? a.element.t < b.element.t : a.offset < b.offset
        }.map(\.element)
    }

    /// Appends the samples at or before `ts`; returns an error message when the store refused one.
    mutating func append(upTo ts: Int64, to storage: any Appendable) -> String? {
        guard next < samples.count, samples[next].t <= ts else { return nil }
        let appender = storage.appender()
        while next < samples.count, samples[next].t <= ts {
            let s = samples[next]
            next += 1
            do {
                if let h = s.h {
                    try appender.appendHistogram(s.labels, t: s.t, h: h)
                } else {
                    try appender.append(s.labels, t: s.t, v: s.v)
                }
            } catch {
                appender.rollback()
                return "error loading input series \(s.labels): \(error)"
            }
        }
        do {
            try appender.commit()
        } catch {
            return "error loading input series: \(error)"
        }
        return nil
    }
}

/// An input series that cannot be loaded.
struct RuleTestInputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
