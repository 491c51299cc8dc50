import LabCatalog
import PromModel
import Storage
import PromQL
import Runtime

/// A scenario of a lab spec expanded into samples: value `i` of a series is at `i × interval`,
/// cut at `duration`. Expansion is deterministic and bounded by ``maxValues``.
public struct ScenarioData: Sendable {
    public let name: String
    /// Milliseconds between samples.
    public let interval: Int64
    /// Milliseconds the scenario lasts (its last evaluation time).
    public let duration: Int64
    /// Every sample, series by series in spec order, each series in time order.
    public let series: [(labels: Labels, points: [(t: Int64, v: Double)])]

    /// The most values all series of one scenario may expand to.
    public static let maxValues = 2_000_000

    /// Expands `scenario`, substituting `<<labctl:NAME>>` placeholders with `values`.
    /// Throws ``GraderError`` (the spec is broken, not the student's work).
    public init(_ scenario: Scenario, values: [String: String] = [:]) throws {
        name = scenario.name
        interval = scenario.interval.milliseconds
        duration = scenario.duration.milliseconds
        guard interval > 0 else {
            throw GraderError("scenario \(scenario.name): interval must be positive", location: scenario.location)
        }
        guard duration >= 0, duration / interval <= Int64(Self.maxValues) else {
            throw GraderError("scenario \(scenario.name): duration \(scenario.duration) is out of range", location: scenario.location)
        }
        var out: [(labels: Labels, points: [(t: Int64, v: Double)])] = []
        var total = 0
        for s in scenario.series {
            let text = SpecValues.substitute(s.series, values) + " " + SpecValues.substitute(s.values, values)
            let description: SeriesDescription
            do {
                description = try SeriesDescription.parse(text)
            } catch {
                throw GraderError("scenario \(scenario.name): series \(s.series): \(error)", location: s.location)
            }
            var points: [(t: Int64, v: Double)] = []
            for (i, value) in description.values.enumerated() {
                let (t, overflow) = Int64(i).multipliedReportingOverflow(by: interval)
                if overflow || t > duration { break }
                switch value {
                case .float(let v): points.append((t, v))
                case .stale: points.append((t, StaleNaN.value))
                case .omitted, .histogram: continue
                }
            }
            total += points.count
            guard total <= Self.maxValues else {
                throw GraderError("scenario \(scenario.name) expands to more than \(Self.maxValues) values", location: s.location)
            }
            out.append((description.labels, points))
        }
        series = out
    }

    /// A fresh store holding every sample of the scenario.
    public func storage() throws -> MemoryStorage {
        let storage = MemoryStorage()
        try load(into: storage, upTo: Int64.max)
        return storage
    }

    /// Appends the samples at or before `ts` (all of them with `Int64.max`).
    public func load(into storage: any Appendable, upTo ts: Int64) throws {
        let appender = storage.appender()
        for s in series {
            for p in s.points where p.t <= ts {
                try appender.append(s.labels, t: p.t, v: p.v)
            }
        }
        try appender.commit()
    }

    /// The samples in time order (for loading step by step while rules are evaluated).
    public func samplesByTime() -> [(t: Int64, labels: Labels, v: Double)] {
        var all: [(t: Int64, labels: Labels, v: Double, order: Int)] = []
        var order = 0
        for s in series {
            for p in s.points {
                all.append((p.t, s.labels, p.v, order))
                order += 1
            }
        }
        all.sort { $0.t != $1.t ? $0.t < $1.t : $0.order < $1.order }
        return all.map { ($0.t, $0.labels, $0.v) }
    }
}
