import Foundation
import PromModel
import YAML

/// JSON text as Go's `encoding/json` writes it for Alertmanager's payloads: fields in struct order,
/// map keys sorted, `<`, `>` and `&` escaped as `\u003c`…, times as RFC 3339 with nanoseconds
/// (trailing zeros dropped) in UTC, Go's zero time for "no time".
enum NotificationJSON {
    /// A JSON string literal, escaped as Go's `encoding/json` does (HTML characters included;
    /// `\b` and `\f` as since Go 1.22).
    static func string(_ s: String) -> String { JSONWriter.quote(s, escapingHTML: true) }

    /// A label set as a JSON object with sorted keys.
    static func object(_ labels: Labels) -> String {
        "{" + labels.map { string($0.name) + ":" + string($0.value) }.joined(separator: ",") + "}"
    }

    /// Go's zero `time.Time` in JSON.
    static let zeroTime = "0001-01-01T00:00:00Z"

    /// RFC 3339 with up to microsecond precision (what a `Date` holds reliably), UTC.
    static func time(_ date: Date?) -> String {
        guard let date else { return zeroTime }
        var micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        if !micros.isFinite || abs(micros) > 9e15 { micros = 0 }
        let total = Int64(micros)
        var seconds = total / 1_000_000
        var fraction = total % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        let base = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: base)
        var out = pad(c.year ?? 1970, 4) + "-" + pad(c.month ?? 1, 2) + "-" + pad(c.day ?? 1, 2) + "T"
            + pad(c.hour ?? 0, 2) + ":" + pad(c.minute ?? 0, 2) + ":" + pad(c.second ?? 0, 2)
        if fraction > 0 {
            var digits = pad(Int(fraction), 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        return out + "Z"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Go's `regexp.QuoteMeta` (Alertmanager puts the receiver name through it in template data).
    static func quoteMeta(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\.+*?()|[]{}^$".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
