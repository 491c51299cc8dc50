import Foundation

// MARK: - Shortest forms

/// The shortest round-trip forms (`precision` -1) that Prometheus's answers, printer and messages
/// use, written without the general `format(_:_:precision:)` path: `'f'`, `'e'`, `'g'`, `encoding/json`
/// numbers, and the fixed `%f` / `%.3f` verbs.
extension GoFloatFormat {
    /// `strconv.FormatFloat(v, 'f', -1, 64)`: the shortest digits that round-trip, never in exponent form.
    /// Infinities print as `+Inf` / `-Inf`.
    public static func f(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        if v == 0 { return v.sign == .minus ? "-0" : "0" }
        let text = "\(v.magnitude)"
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = String(mantissa[..<dot])
            fracPart = String(mantissa[mantissa.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointPos = intPart.count + exponent
        while digits.count > 1 && digits.hasPrefix("0") {
            digits.removeFirst()
            pointPos -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        var out: String
        if pointPos <= 0 {
            out = "0." + String(repeating: "0", count: -pointPos) + digits
        } else if pointPos >= digits.count {
            out = digits + String(repeating: "0", count: pointPos - digits.count)
        } else {
            let i = digits.index(digits.startIndex, offsetBy: pointPos)
            out = String(digits[..<i]) + "." + String(digits[i...])
        }
        if out.contains(".") {
            while out.hasSuffix("0") { out.removeLast() }
            if out.hasSuffix(".") { out.removeLast() }
        }
        return v < 0 ? "-" + out : out
    }

    /// Go's `%f` (six decimals).
    public static func fixed6(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        return String(format: "%.6f", v)
    }

    /// Go's `%.3f`.
    public static func fixed3(_ v: Double) -> String {
        String(format: "%.3f", v)
    }

    /// The shortest round-trip decimal digits of `|v|` (no leading or trailing zeros) and the
    /// exponent `e` such that `|v| = 0.d1d2… × 10^e`. `v` must be finite and not zero.
    static func shortestDigits(_ v: Double) -> (digits: String, point: Int) {
        let text = "\(v.magnitude)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(of: "e") {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts.first.map(String.init) ?? ""
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        while digits.count > 1, digits.hasPrefix("0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        return (digits, point)
    }

    /// Go's `'e', -1`: `1e+00`, `4.25e+01`, `1.5e-07`; `NaN`, `+Inf`, `-Inf`.
    public static func e(_ v: Double) -> String {
        if let special = special(v) { return special }
        if v == 0 { return v.sign == .minus ? "-0e+00" : "0e+00" }
        let (d, point) = shortestDigits(v)
        return (v < 0 ? "-" : "") + exponentForm(d, exponent: point - 1, minimumDigits: 2)
    }

    /// Go's `'g', -1` as the text exposition writes values: `%e` form when the decimal exponent is
    /// below -4 or at least 6 (`1.234567e+06`, `1e-05`), plain digits otherwise; zero is `0`.
    public static func g(_ v: Double) -> String {
        if let special = special(v) { return special }
        if v == 0 { return "0" }
        let (d, point) = shortestDigits(v)
        let exponent = point - 1
        if exponent < -4 || exponent >= 6 {
            return (v < 0 ? "-" : "") + exponentForm(d, exponent: exponent, minimumDigits: 2)
        }
        return f(v)
    }

    /// A float as Go's `encoding/json` writes it: `'f'` digits, `'e'` form below 1e-6 and from 1e21
    /// with the exponent's leading zero dropped (`1e-7`, `1e+21`). Non-finite values (which Go
    /// refuses) are written as 0.
    public static func json(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let magnitude = v.magnitude
        if magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 {
            let (d, point) = shortestDigits(v)
            return (v < 0 ? "-" : "") + exponentForm(d, exponent: point - 1, minimumDigits: 1)
        }
        return f(v)
    }

    private static func special(_ v: Double) -> String? {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    private static func exponentForm(_ d: String, exponent: Int, minimumDigits: Int) -> String {
        var out = String(d.prefix(1))
        if d.count > 1 { out += "." + d.dropFirst() }
        let magnitude = String(exponent.magnitude)
        let padded = String(repeating: "0", count: max(0, minimumDigits - magnitude.count)) + magnitude
        return out + (exponent < 0 ? "e-" : "e+") + padded
    }
}
