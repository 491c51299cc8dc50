import Foundation

/// Go's `strconv.FormatFloat` for the `e`, `f` and `g` formats, shortest (`precision` -1) or with a
/// precision, written from the documented rules: `%g` switches to exponent form when the exponent is
/// below -4 or at least the precision (6 for the shortest form), and drops trailing zeros.
public enum GoFloatFormat {
    /// Decimal digits of a finite, non-negative value: `digits` without leading or trailing zeros and
    /// `point`, the position of the decimal point (value = 0.d1d2… × 10^point).
    struct Digits {
        var digits: [UInt8]
        var point: Int
    }

    /// Formats `v` with `format` `e`, `E`, `f`, `F`, `g` or `G`.
    public static func format(_ v: Double, _ format: Character, precision: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let negative = v.sign == .minus
        let magnitude = v.magnitude
        let upper = format == "E" || format == "G"
        var body: String
        switch format {
        case "e", "E":
            let d = precision < 0 ? shortest(magnitude) : rounded(magnitude, significant: precision + 1)
            body = formatE(d, precision: precision < 0 ? max(d.digits.count - 1, 0) : precision)
        case "f", "F":
            if precision < 0 {
                body = formatF(shortest(magnitude), precision: max(shortest(magnitude).digits.count - shortest(magnitude).point, 0))
            } else {
                body = String(format: "%.\(min(precision, 400))f", magnitude)
            }
        default:
            var prec = precision
            let shortestForm = prec < 0
            if prec == 0 { prec = 1 }
            let d = shortestForm ? shortest(magnitude) : rounded(magnitude, significant: prec)
            if shortestForm { prec = d.digits.count }
            var eprec = prec
            if eprec > d.digits.count && d.digits.count >= d.point { eprec = d.digits.count }
            if shortestForm { eprec = 6 }
            let exp = d.point - 1
            if d.digits.isEmpty {
                body = "0"
            } else if exp < -4 || exp >= eprec {
                body = formatE(d, precision: min(prec, d.digits.count) - 1)
            } else {
                let p = prec > d.point ? d.digits.count : prec
                body = formatF(d, precision: max(p - d.point, 0))
            }
        }
        if upper { body = body.uppercased() }
        return negative ? "-" + body : body
    }

    // MARK: - Digits

    /// The shortest digits that round-trip (Swift's description is shortest round-trip too).
    static func shortest(_ v: Double) -> Digits {
        if v == 0 { return Digits(digits: [], point: 1) }
        return parseDigits("\(v)")
    }

    /// `v` rounded to `significant` digits (correctly rounded by the C library).
    static func rounded(_ v: Double, significant: Int) -> Digits {
        if v == 0 { return Digits(digits: [], point: 1) }
        let n = min(max(significant, 1), 120)
        return parseDigits(String(format: "%.\(n - 1)e", v))
    }

    /// Parses `123.45`, `1.2345e+02` or `1e-05` into digits and point.
    private static func parseDigits(_ text: String) -> Digits {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for ch in mantissa {
            if ch == "." { seenPoint = true; continue }
            guard let d = ch.wholeNumberValue else { continue }
            digits.append(UInt8(d))
            if !seenPoint { point += 1 }
        }
        while digits.first == 0 { digits.removeFirst(); point -= 1 }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { return Digits(digits: [], point: 1) }
        return Digits(digits: digits, point: point + exponent)
    }

    // MARK: - Layout

    /// `d.ddde±XX` with `precision` digits after the point.
    static func formatE(_ d: Digits, precision: Int) -> String {
        var out = String(d.digits.first ?? 0)
        if precision > 0 {
            out += "."
            for i in 1...precision { out += String(i < d.digits.count ? d.digits[i] : 0) }
        }
        let exp = d.digits.isEmpty ? 0 : d.point - 1
        let e = String(abs(exp))
        out += (exp < 0 ? "e-" : "e+") + (e.count < 2 ? "0" + e : e)
        return out
    }

    /// `ddd.ddd` with `precision` digits after the point (digits beyond are zeros, no rounding).
    static func formatF(_ d: Digits, precision: Int) -> String {
        var out = ""
        if d.point > 0 {
            for i in 0..<d.point { out += String(i < d.digits.count ? d.digits[i] : 0) }
        } else {
            out = "0"
        }
        if precision > 0 {
            out += "."
            for i in 0..<precision {
                let index = d.point + i
                out += String(index >= 0 && index < d.digits.count ? d.digits[index] : 0)
            }
        }
        return out
    }
}
