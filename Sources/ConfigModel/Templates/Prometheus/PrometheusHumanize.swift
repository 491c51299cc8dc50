/// Prometheus's `humanize*` template functions, with its exact number formatting (`%.4g` and SI or
/// IEC prefixes): `humanize 1234567` is `1.235M`, `humanizeDuration 90` is `1m 30s`.
public enum PrometheusHumanize {
    private static let largePrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"]
    private static let smallPrefixes = ["m", "u", "n", "p", "f", "a", "z", "y"]
    private static let binaryPrefixes = ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"]

    /// Go's `fmt.Sprintf("%.4g", v)`.
    static func g4(_ v: Double) -> String {
        GoValueFormatter.format(.float(v), verb: "g", spec: GoPrintf.Spec(precision: 4))
    }

    /// SI prefixes: `1.235M`, `120m`.
    public static func humanize(_ value: Double) -> String {
        var v = value
        if v == 0 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        if abs(v) >= 1 {
            for p in largePrefixes {
                if abs(v) < 1000 { break }
                prefix = p
                v /= 1000
            }
            return g4(v) + prefix
        }
        for p in smallPrefixes {
            if abs(v) >= 1 { break }
            prefix = p
            v *= 1000
        }
        return g4(v) + prefix
    }

    /// IEC prefixes: `1Mi`, `1.5ki`.
    public static func humanize1024(_ value: Double) -> String {
        var v = value
        if abs(v) <= 1 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        for p in binaryPrefixes {
            if abs(v) < 1024 { break }
            prefix = p
            v /= 1024
        }
        return g4(v) + prefix
    }

    /// Seconds as `1d 2h 3m 4s`, `1m 30s`, `1.5s` or `100ms`.
    public static func humanizeDuration(_ value: Double) -> String {
        var v = value
        if v.isNaN || v.isInfinite { return g4(v) }
        if v == 0 { return g4(v) + "s" }
        if abs(v) >= 1 {
            var sign = ""
            if v < 0 { sign = "-"; v = -v }
            let whole = v >= 9.2e18 ? Int64.max : Int64(v)
            let seconds = whole % 60
            let minutes = (whole / 60) % 60
            let hours = (whole / 3600) % 24
            let days = whole / 86_400
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(v) + "s"
        }
        var prefix = ""
        for p in smallPrefixes {
            if abs(v) >= 1 { break }
            prefix = p
            v *= 1000
        }
        return g4(v) + prefix + "s"
    }

    /// A ratio as a percentage: `0.2` is `20%`.
    public static func humanizePercentage(_ value: Double) -> String {
        g4(value * 100) + "%"
    }

    /// Seconds since the epoch as a time truncated to milliseconds (Prometheus's `floatToTime`);
    /// nil for NaN and infinities.
    static func time(fromSeconds v: Double) throws -> TemplateTime? {
        if v.isNaN || v.isInfinite { return nil }
        let nanos = v * 1e9
        guard nanos < 9.223372036854775e18, nanos >= -9.223372036854775e18 else {
            throw TemplateRuntimeError("\(GoValueFormatter.plain(.float(v))) cannot be represented as a nanoseconds timestamp since it overflows int64")
        }
        let ms = Int64(nanos) / 1_000_000
        return TemplateTime(unixMilliseconds: ms)
    }

    /// `2015-06-23 13:19:44.128 +0000 UTC`; `%.4g` of the value for NaN and infinities.
    public static func humanizeTimestamp(_ value: Double) throws -> String {
        guard let t = try time(fromSeconds: value) else { return g4(value) }
        return GoTimeFormat.string(t)
    }
}
