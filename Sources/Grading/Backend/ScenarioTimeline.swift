import Foundation
import LabCatalog
import PromModel
import PromQL
import Storage
import Runtime

/// Where a lab's scenarios live in a real Prometheus: scenario times start at 0, so each scenario is
/// shifted to its own slot after ``base`` (the scenarios of a lab share series names and would
/// otherwise overlap). Slots follow spec order, each one the previous scenario's duration rounded up
/// to the hour plus a day apart — plus, before a later scenario, the longest range its checks'
/// references select (an SLO's `[30d]`) — so no lookback or range selector of one scenario reaches
/// another. (Labs list their long-window scenario first, which needs no extra gap and keeps the whole
/// timeline within Prometheus's default 15-day retention.)
///
/// The same timeline writes the OpenMetrics file to backfill (``openMetrics(_:values:)``, for
/// `promtool tsdb create-blocks-from openmetrics`) and tells ``PrometheusQueryBackend`` the offset to
/// query, so both sides agree.
public struct ScenarioTimeline: Sendable {
    /// 2020-09-13T12:26:40Z in milliseconds: far enough from 0 that no TSDB edge case applies and old
    /// enough that a `--storage.tsdb.retention.time` of a few years keeps it.
    public static let base: Int64 = 1_600_000_000_000
    static let gap: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000

    /// The offset of each scenario, by name.
    public let offsets: [String: Int64]

    public init(_ spec: LabSpec) {
        var offsets: [String: Int64] = [:]
        var next = Self.base
        for scenario in spec.scenarios where offsets[scenario.name] == nil {
            if !offsets.isEmpty { next += Self.longestReferenceRange(spec, scenario: scenario.name) }
            offsets[scenario.name] = next
            let duration = min(max(scenario.duration.milliseconds, 0), 100 * 365 * Self.gap)
            next += (duration / Self.hour + 1) * Self.hour + Self.gap
        }
        self.offsets = offsets
    }

    /// The longest range (milliseconds, at most a year) a range selector or subquery of the
    /// `reference` of a check on `scenario` spans; 0 when none does.
    static func longestReferenceRange(_ spec: LabSpec, scenario: String) -> Int64 {
        var longest = 0.0
        for check in spec.exercises.flatMap(\.checks) where check.string("scenario") == scenario {
            guard let text = check.string("reference"), let expr = try? Parser().parseExpr(text) else { continue }
            var stack = [expr]
            while let e = stack.popLast() {
                stack.append(contentsOf: e.children)
                switch e {
                case .matrixSelector(let m): if case .number(let n) = m.range, n.value.isFinite { longest = max(longest, n.value) }
                case .subquery(let q): if case .number(let n) = q.range, n.value.isFinite { longest = max(longest, n.value) }
                default: break
                }
            }
        }
        let year = 365.0 * 86_400
        return Int64(min(max(longest, 0), year) * 1000)
    }

    /// The offset of scenario `name` (``base`` for a name the spec does not have).
    public func offset(_ name: String) -> Int64 { offsets[name] ?? Self.base }

    /// Every scenario of `spec` (with the student's `values`) as one OpenMetrics text: series in
    /// name order, each series' samples in time order across scenarios, timestamps in seconds, ending
    /// in `# EOF`. Stale markers cannot be written in OpenMetrics and are left out (the series then
    /// ends by the 5-minute lookback instead of at once).
    /// - Throws: ``GraderError`` when a scenario cannot be expanded.
    public func openMetrics(_ spec: LabSpec, values: [String: String] = [:]) throws -> String {
        var points: [Labels: [(t: Int64, v: Double)]] = [:]
        for scenario in spec.scenarios {
            let data = try ScenarioData(scenario, values: values)
            let offset = offset(scenario.name)
            for s in data.series {
                let shifted = s.points.filter { !isStaleNaN($0.v) }.map { (t: $0.t + offset, v: $0.v) }
                points[s.labels, default: []].append(contentsOf: shifted)
            }
        }
        var out = ""
        for labels in points.keys.sorted(by: Self.byName) {
            let name = labels.first { $0.name == Label.metricName }?.value ?? ""
            let rest = labels.filter { $0.name != Label.metricName }
            let selector = rest.isEmpty ? name : name + "{" + rest.map { "\($0.name)=\(Labels.quote($0.value))" }.joined(separator: ",") + "}"
            var last = Int64.min
            for p in (points[labels] ?? []).sorted(by: { $0.t < $1.t }) where p.t > last {
                last = p.t
                out += "\(selector) \(Self.format(p.v)) \(PrometheusQueryBackend.seconds(p.t, 0))\n"
            }
        }
        return out + "# EOF\n"
    }

    private static func byName(_ a: Labels, _ b: Labels) -> Bool {
        let na = a.first { $0.name == Label.metricName }?.value ?? "", nb = b.first { $0.name == Label.metricName }?.value ?? ""
        return na != nb ? na < nb : a < b
    }

    private static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        return "\(v)"
    }
}
