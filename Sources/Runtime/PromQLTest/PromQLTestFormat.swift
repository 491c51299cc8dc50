import PromModel
import Storage
import PromQL

/// How values, times and results are written in test reports.
public enum PromQLTestFormat {
    /// A float like Prometheus's `%v`: `1`, `0.5`, `1e-05`, `NaN`, `+Inf`; the staleness marker is `stale`.
    public static func value(_ v: Double) -> String {
        if isStaleNaN(v) { return "stale" }
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        if v == v.rounded(), abs(v) < 1e21 { return abs(v) < 1e15 ? String(Int64(v)) : "\(v)" }
        return "\(v)"
    }

    /// A time in milliseconds as a duration from the epoch: `0s`, `5m`, `-1m`.
    public static func time(_ ms: Int64) -> String { Duration(milliseconds: ms).description }

    /// `1 @0s, 2 @1m`.
    static func points(_ points: [FloatPoint], limit: Int = 10) -> String {
        var parts = points.prefix(limit).map { "\(value($0.f)) @\(time($0.t))" }
        if points.count > limit { parts.append("… (\(points.count) points)") }
        return parts.isEmpty ? "(none)" : parts.joined(separator: ", ")
    }

    // MARK: - Result lines

    /// The expected result of `eval` in script notation, one entry per line.
    public static func expectedLines(_ eval: PromQLTestEval) -> [String] {
        if let fail = eval.fail { return fail.matchesAnything ? ["error"] : ["error \(fail)"] }
        if let s = eval.expectedString { return ["string " + GoQuote.string(s)] }
        if let f = eval.expectedScalar { return [value(f)] }
        if eval.expectedSeries.isEmpty { return ["(empty)"] }
        return eval.expectedSeries.map { s in
            "\(s.labels) " + s.values.map { v in
                switch v {
                case .float(let f): return value(f)
                default: return v.description
                }
            }.joined(separator: " ")
        }
    }

    /// A query value in script notation, one entry per line; matrices are laid out on `grid`
    /// (`_` for steps without a point) when given.
    public static func actualLines(_ result: QueryValue, grid: (start: Int64, step: Int64)?) -> [String] {
        switch result {
        case .scalar(_, let f): return [value(f)]
        case .string(_, let s): return ["string " + GoQuote.string(s)]
        case .vector(let samples):
            return samples.isEmpty ? ["(empty)"] : samples.map { "\($0.metric) \($0.h.map(\.description) ?? value($0.f))" }
        case .matrix(let series):
            if series.isEmpty { return ["(empty)"] }
            return series.map { s in
                let hs = s.histograms.map { "\($0.h)@\(time($0.t))" }.joined(separator: " ")
                return "\(s.metric) " + matrixValues(s.points, grid: grid) + (hs.isEmpty ? "" : " " + hs)
            }
        }
    }

    static func matrixValues(_ points: [FloatPoint], grid: (start: Int64, step: Int64)?) -> String {
        guard let grid, grid.step > 0, let last = points.last, let first = points.first, first.t >= grid.start,
              (last.t - grid.start) / grid.step < 10_000, points.allSatisfy({ ($0.t - grid.start) % grid.step == 0 })
        else { return points.map { "\(value($0.f))@\(time($0.t))" }.joined(separator: " ") }
        var out: [String] = []
        var k: Int64 = 0
        for p in points {
            let slot = (p.t - grid.start) / grid.step
            while k < slot { out.append("_"); k += 1 }
            out.append(value(p.f))
            k += 1
        }
        return out.joined(separator: " ")
    }
}

extension PromQLTestMessageMatch {
    /// Whether this is the match-anything form.
    var matchesAnything: Bool { if case .any = self { return true } else { return false } }
}

extension PromQLTestFormat {
    /// Milliseconds as Unix seconds, the way an `@` modifier is written (`300`, `1.5`).
    static func seconds(_ ms: Int64) -> String {
        ms % 1000 == 0 ? String(ms / 1000) : value(Double(ms) / 1000)
    }
}
