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

    // MARK: JSON

    /// The body Prometheus's `/api/v1/query` and `/api/v1/query_range` return, in the same key order.
    static func apiJSON(_ result: QueryResult, query: String) -> String {
        var out = "{\"status\":\"success\",\"data\":{\"resultType\":\"\(result.value.typeName)\",\"result\":"
        switch result.value {
        case .scalar(let t, let f): out += "[\(formatTimestamp(t)),\"\(formatValue(f))\"]"
        case .string(let t, let s): out += "[\(formatTimestamp(t)),\(JSONDiagnosticRenderer.quoted(s))]"
        case .vector(let samples):
            out += "[" + samples.map { s in
                "{\"metric\":\(metricJSON(s.metric)),\"value\":[\(formatTimestamp(s.t)),\"\(formatValue(s.f))\"]}"
            }.joined(separator: ",") + "]"
        case .matrix(let series):
            out += "[" + series.map { s in
                "{\"metric\":\(metricJSON(s.metric)),\"values\":["
                    + s.points.map { "[\(formatTimestamp($0.t)),\"\(formatValue($0.f))\"]" }.joined(separator: ",") + "]}"
            }.joined(separator: ",") + "]"
        }
        out += "}"
        let warnings = result.warnings.map { JSONDiagnosticRenderer.quoted($0.rendered(query: query)) }
        let infos = result.infos.map { JSONDiagnosticRenderer.quoted($0.rendered(query: query)) }
        if !warnings.isEmpty { out += ",\"warnings\":[" + warnings.joined(separator: ",") + "]" }
        if !infos.isEmpty { out += ",\"infos\":[" + infos.joined(separator: ",") + "]" }
        return out + "}"
    }

    static func metricJSON(_ labels: Labels) -> String {
        "{" + labels.map { "\(JSONDiagnosticRenderer.quoted($0.name)):\(JSONDiagnosticRenderer.quoted($0.value))" }
            .joined(separator: ",") + "}"
    }

    /// Seconds with millisecond digits, as the API writes timestamps: `1435781451.781`, `60`, `1.500`.
    static func formatTimestamp(_ ms: Int64) -> String {
        let negative = ms < 0
        let magnitude = ms.magnitude
        var out = (negative ? "-" : "") + String(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            let digits = String(fraction)
            out += "." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return out
    }

    /// A value as Go's `strconv.FormatFloat(f, 'f', -1, 64)`: shortest digits, never an exponent;
    /// `NaN`, `+Inf`, `-Inf`.
    static func formatValue(_ f: Double) -> String { GoFormat.float(f) }
}
