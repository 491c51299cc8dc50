import GoCompat
import PromModel

/// Text in the shapes promtool prints: Go durations, Go `%E` floats, Go label sets and the nested
/// expected/got alert lists.
public enum RuleTestFormat {
    // MARK: - Durations

    /// A duration as Go's `time.Duration.String()`: `0s`, `1m0s`, `1h30m0s`, `1.5s`, `250ms`.
    public static func goDuration(milliseconds ms: Int64) -> String {
        if ms == 0 { return "0s" }
        let negative = ms < 0
        let total = ms.magnitude
        var out = ""
        if total < 1000 {
            out = "\(total)ms"
        } else {
            let hours = total / 3_600_000
            let minutes = (total / 60_000) % 60
            let millis = total % 60_000
            var seconds = "\(millis / 1000)"
            if millis % 1000 != 0 {
                var frac = String(millis % 1000)
                while frac.count < 3 { frac = "0" + frac }
                while frac.hasSuffix("0") { frac.removeLast() }
                seconds += "." + frac
            }
            if hours > 0 { out += "\(hours)h" }
            if hours > 0 || minutes > 0 { out += "\(minutes)m" }
            out += seconds + "s"
        }
        return negative ? "-" + out : out
    }

    // MARK: - Floats

    /// A float as Go's `strconv.FormatFloat(v, 'E', -1, 64)`: `1E+00`, `2.5E-01`, `NaN`, `+Inf`.
    public static func goFloatE(_ v: Double) -> String { GoFloatFormat.format(v, "E", precision: -1) }

    // MARK: - Labels

    /// Labels as Go's `labels.Labels.String()`: `{__name__="up", job="api"}` (every label in braces).
    public static func goLabels(_ labels: [Label]) -> String {
        "{" + labels.map { Labels.formatName($0.name) + "=" + Labels.quote($0.value) }.joined(separator: ", ") + "}"
    }

    /// Prefixes every line but the first with `indent`.
    public static func indentLines(_ text: String, _ indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? String($0.element) : indent + $0.element }
            .joined(separator: "\n")
    }

    /// A list of alerts as promtool prints it: `[]`, or `[\n0:\n  Labels:{...}\n  Annotations:{...}\n]`.
    public static func alertList(_ alerts: [(labels: [Label], annotations: [Label])]) -> String {
        guard !alerts.isEmpty else { return "[]" }
        var out = "["
        for (i, alert) in alerts.enumerated() {
            out += (i == 0 ? "\n" : ",\n") + "\(i):"
            let body = "\nLabels:" + goLabels(alert.labels) + "\nAnnotations:" + goLabels(alert.annotations)
            out += indentLines(body, "  ")
        }
        return out + "\n]"
    }

    /// Samples as promtool prints them: `{__name__="x"} 1E+00, {...} 2E+00`, or `nil`.
    public static func sampleList(_ samples: [(labels: [Label], value: Double)]) -> String {
        guard !samples.isEmpty else { return "nil" }
        return samples.map { goLabels($0.labels) + " " + goFloatE($0.value) }.joined(separator: ", ")
    }

    /// Samples that may be native histograms (their comparison text), as promtool prints them:
    /// `{} {{count:4 sum:5 buckets:[1 2 1]}}` for a histogram, `{} 1E+00` for a float.
    static func mixedSampleList(_ samples: [(labels: [Label], value: Double, histogram: String)]) -> String {
        guard !samples.isEmpty else { return "nil" }
        return samples.map {
            goLabels($0.labels) + " " + ($0.histogram.isEmpty ? goFloatE($0.value) : $0.histogram)
        }.joined(separator: ", ")
    }

    /// Go's `%q` of a string.
    public static func goQuote(_ s: String) -> String { Labels.quote(s) }

    /// Go's `labels.Compare`: pairwise by name then value, then by length.
    static func compare(_ a: [Label], _ b: [Label]) -> Int {
        for (x, y) in zip(a, b) {
            if x.name != y.name { return x.name < y.name ? -1 : 1 }
            if x.value != y.value { return x.value < y.value ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
