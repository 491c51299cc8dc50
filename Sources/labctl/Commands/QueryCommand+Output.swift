import GoCompat
import Diagnostics
import PromModel
import PromQL
import Runtime

// MARK: - Output

extension QueryCommand {
    // MARK: Table

    /// An aligned table: `METRIC  VALUE  TIMESTAMP`, one row per sample (per point for matrices).
    static func table(_ value: QueryValue) -> String {
        var rows: [[String]] = [["METRIC", "VALUE", "TIMESTAMP"]]
        switch value {
        case .scalar(let t, let f): rows.append(["scalar", formatValue(f), formatTimestamp(t)])
        case .string(let t, let s): rows.append(["string", JSONDiagnosticRenderer.quoted(s), formatTimestamp(t)])
        case .vector(let samples):
            for s in samples { rows.append([s.metric.description, formatValue(s.f), formatTimestamp(s.t)]) }
        case .matrix(let series):
            for s in series {
                for p in s.points { rows.append([s.metric.description, formatValue(p.f), formatTimestamp(p.t)]) }
            }
        }
        if rows.count == 1 { return "(empty result)\n" }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
                + row[1].padding(toLength: widths[1], withPad: " ", startingAt: 0) + "  " + row[2]
        }.joined(separator: "\n") + "\n"
    }

    /// Seconds with millisecond digits (the API's timestamps).
    static func formatTimestamp(_ ms: Int64) -> String { QueryResultJSON.timestamp(ms) }

    /// A value in the table: Go's shortest `'f'` digits, never an exponent.
    static func formatValue(_ f: Double) -> String { GoFloatFormat.f(f) }
}
