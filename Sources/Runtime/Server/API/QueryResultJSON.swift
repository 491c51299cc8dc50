import GoCompat
import Diagnostics
import PromModel
import PromQL

/// Query results as Prometheus's HTTP API writes them (`/api/v1/query`, `/api/v1/query_range`):
/// the same keys in the same order, timestamps as seconds with millisecond digits and values as
/// strings. `labctl query --format json` and ``PrometheusAPI`` both print through it.
public enum QueryResultJSON {
    /// The whole success body: `{"status":"success","data":{...}}` with the `warnings` and `infos`
    /// arrays when there are any (each annotation with its position in `query`).
    public static func response(_ result: QueryResult, query: String) -> String {
        let warnings = result.warnings.map { $0.rendered(query: query) }
        let infos = result.infos.map { $0.rendered(query: query) }
        return response(result.value, warnings: warnings, infos: infos)
    }

    /// The success body for `value` with already rendered warnings and infos.
    public static func response(_ value: QueryValue, warnings: [String], infos: [String]) -> String {
        var out = "{\"status\":\"success\",\"data\":" + data(value)
        out += annotationArrays(warnings: warnings, infos: infos)
        return out + "}"
    }

    /// `,"warnings":[...]` and `,"infos":[...]`, each only when not empty (Go's `omitempty`).
    public static func annotationArrays(warnings: [String], infos: [String]) -> String {
        var out = ""
        if !warnings.isEmpty { out += ",\"warnings\":[" + warnings.map { quote($0) }.joined(separator: ",") + "]" }
        if !infos.isEmpty { out += ",\"infos\":[" + infos.map { quote($0) }.joined(separator: ",") + "]" }
        return out
    }

    /// The `data` object: `{"resultType":"vector","result":[...]}`.
    public static func data(_ value: QueryValue) -> String {
        var out = "{\"resultType\":\"\(value.typeName)\",\"result\":"
        switch value {
        // Scalars and strings go through Go's own JSON: the time as a float, the value in 'f' digits.
        case .scalar(let t, let f): out += "[" + GoFloatFormat.json(Double(t) / 1000) + ",\"" + GoFloatFormat.f(f) + "\"]"
        case .string(let t, let s): out += "[" + GoFloatFormat.json(Double(t) / 1000) + "," + quote(s) + "]"
        case .vector(let samples):
            out += "["
            for (i, s) in samples.enumerated() {
                if i > 0 { out += "," }
                if let h = s.h {
                    out += "{\"metric\":" + metric(s.metric) + ",\"histogram\":" + histogramPoint(s.t, h) + "}"
                } else {
                    out += "{\"metric\":" + metric(s.metric) + ",\"value\":" + point(s.t, s.f) + "}"
                }
            }
            out += "]"
        case .matrix(let series):
            out += "["
            for (i, s) in series.enumerated() {
                if i > 0 { out += "," }
                out += "{\"metric\":" + metric(s.metric)
                if !s.points.isEmpty || s.histograms.isEmpty {
                    out += ",\"values\":["
                    for (j, p) in s.points.enumerated() {
                        if j > 0 { out += "," }
                        out += point(p.t, p.f)
                    }
                    out += "]"
                }
                if !s.histograms.isEmpty {
                    out += ",\"histograms\":["
                    for (j, p) in s.histograms.enumerated() {
                        if j > 0 { out += "," }
                        out += histogramPoint(p.t, p.h)
                    }
                    out += "]"
                }
                out += "}"
            }
            out += "]"
        }
        return out + "}"
    }

    /// A label set as a JSON object in label order: `{"__name__":"up","job":"api"}`.
    public static func metric(_ labels: Labels) -> String {
        var out = "{"
        for (i, label) in labels.enumerated() {
            if i > 0 { out += "," }
            out += quote(label.name) + ":" + quote(label.value)
        }
        return out + "}"
    }

    /// A JSON string as Go's `encoding/json` writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped too.
    public static func quote(_ text: String) -> String {
        JSONString.quote(text, escapingHTML: true, escapingLineSeparators: true)
    }

    /// `[<seconds>,"<value>"]` of a vector or matrix point (timestamps with three decimals when not whole).
    public static func point(_ t: Int64, _ f: Double) -> String {
        "[" + timestamp(t) + ",\"" + value(f) + "\"]"
    }

    /// Seconds with millisecond digits, as the API writes timestamps: `1435781451.781`, `60`, `1.500`.
    public static func timestamp(_ ms: Int64) -> String {
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

    /// A sample value as Prometheus's JSON writes it: Go's shortest `'f'` digits, or `'e'` form
    /// (`1.5e-07`, `1e+21`) below 1e-6 and from 1e21 in magnitude; `NaN`, `+Inf`, `-Inf`.
    public static func value(_ f: Double) -> String {
        let magnitude = f.magnitude
        if f.isFinite, magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 {
            // Swift's shortest round-trip text is in exponent form with at least two exponent digits
            // in this range, as Go's `'e', -1` is.
            return "\(f)"
        }
        return GoFloatFormat.f(f)
    }

    /// An error body: `{"status":"error","errorType":"bad_data","error":"..."}`.
    public static func error(type: String, message: String, warnings: [String] = [], infos: [String] = []) -> String {
        "{\"status\":\"error\",\"errorType\":" + quote(type) + ",\"error\":" + quote(message)
            + annotationArrays(warnings: warnings, infos: infos) + "}"
    }
}
