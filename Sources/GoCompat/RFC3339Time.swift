import Foundation

/// RFC 3339 timestamps as Go's `time.RFC3339Nano` reads them and as Go's `time.Time` JSON writes
/// them (`2024-05-01T12:00:00Z`, `2024-05-01T12:00:00.123456789+02:00`): the one home of this
/// format for the HTTP APIs, the Alertmanager API and the web pages.
public enum RFC3339Time {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)` into milliseconds (the fraction truncated
    /// to milliseconds, as Prometheus's `timestamp.FromTime`).
    public static func parseMilliseconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + width) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                v = v * 10 + Int64(b[k] - 48)
            }
            i += width
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              i < b.count, b[i] == 84 || b[i] == 116 else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2), expect(58), let second = number(2) else {
            return nil
        }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year), hour < 24, minute < 60,
              second < 60 else { return nil }
        var millis: Int64 = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 3 { millis = millis * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits >= 1, digits <= 9 else { return nil }
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        var offset: Int64 = 0
        guard i < b.count else { return nil }
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            let sign: Int64 = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2), expect(58), let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return seconds * 1000 + millis
    }

    /// Seconds since the epoch (milliseconds precision), or nil when `text` is not RFC 3339.
    public static func parse(_ text: String) -> Double? {
        parseMilliseconds(text).map { Double($0) / 1000 }
    }

    /// Go's `time.Time` JSON text of `ms` in UTC: `2024-01-02T03:04:05.123Z`, `…:05Z` without a fraction.
    public static func format(milliseconds ms: Int64) -> String {
        let (seconds, fraction) = floorDivide(ms, 1000)
        let c = CivilDate(unixSeconds: seconds)
        var out = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":"
            + pad(c.minute, 2) + ":" + pad(c.second, 2)
        if fraction != 0 {
            var digits = pad(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        return out + "Z"
    }

    /// ``format(milliseconds:)`` of a `Date`, with Go's nanosecond digits when the date has them.
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds.magnitude < 9.2e15 else { return "0001-01-01T00:00:00Z" }
        let whole = seconds.rounded(.down)
        let nanos = Int64(((seconds - whole) * 1e9).rounded())
        var base = format(milliseconds: Int64(whole) * 1000)
        guard nanos > 0, nanos < 1_000_000_000 else { return base }
        base.removeLast()
        var digits = pad(nanos, 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return base + "." + digits + "Z"
    }

    /// ``format(milliseconds:)`` of Unix seconds (Go's zero time for a non-finite or huge value).
    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds.magnitude < 9.2e12 else { return "0001-01-01T00:00:00Z" }
        return format(milliseconds: Int64((seconds * 1000).rounded(.down)))
    }

    // MARK: - Arithmetic

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let digits = String(v.magnitude)
        let body = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return v < 0 ? "-" + body : body
    }
}
