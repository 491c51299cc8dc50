import Foundation

/// Number formatting that matches Go's `strconv.FormatFloat` and `fmt` verbs used by Prometheus's printer.
public enum GoFormat {
    /// `strconv.FormatFloat(v, 'f', -1, 64)`: the shortest digits that round-trip, never in exponent form.
    /// Infinities print as `+Inf` / `-Inf`.
    public static func float(_ v: Double) -> String {
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
}
