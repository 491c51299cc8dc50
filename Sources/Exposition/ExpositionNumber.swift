/// Number syntax of the exposition formats: sample values, timestamps, and their printing.
enum ExpositionNumber {
    // MARK: - Parsing

    /// Parses a sample value. Both formats take decimal floats with an optional exponent and,
    /// case-insensitively, `Inf`/`Infinity` with an optional sign and `NaN`; the text format also
    /// accepts a signed NaN. Hex floats, underscores and other spellings are rejected.
    static func parseValue(_ s: String, format: ExpositionFormat) -> Double? {
        var copy = s
        return copy.withUTF8 { parseValue(bytes: $0, text: s, format: format) }
    }

    private static func parseValue(bytes: UnsafeBufferPointer<UInt8>, text: String,
                                   format: ExpositionFormat) -> Double? {
        guard let first = bytes.first else { return nil }
        let signed = first == 43 || first == 45
        let start = signed ? 1 : 0
        guard start < bytes.count else { return nil }
        let lead = bytes[start]
        if lead >= 65 {  // a letter: only the special values qualify
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self).lowercased()
            if word == "inf" || word == "infinity" { return first == 45 ? -.infinity : .infinity }
            if word == "nan" { return (!signed || format == .prometheusText) ? .nan : nil }
            return nil
        }
        guard isDecimal(bytes, from: start) else { return nil }
        return Double(text)
    }

    /// Parses the sample value in `bytes[range]`; decimals that `fastDecimal` converts exactly are
    /// read straight from the bytes, others (special values, long mantissas, large exponents) as
    /// `parseValue(_:format:)`.
    static func parseValue(bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, format: ExpositionFormat) -> Double? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
        if let v = fastDecimal(bytes: bytes, range) { return v }
        return parseValue(String(decoding: bytes[range], as: UTF8.self), format: format)
    }

    /// Parses a text-format timestamp in `bytes[range]` when it is an optionally signed run of at most
    /// 18 digits; `nil` otherwise (the caller then falls back to `parseMillis(_:)`).
    static func parseMillis(bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
        var i = range.lowerBound
        let negative = bytes[i] == 45
        if negative || bytes[i] == 43 { i += 1 }
        guard i < range.upperBound, range.upperBound - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < range.upperBound {
            guard isDigit(bytes[i]) else { return nil }
            value = value * 10 + Int64(bytes[i] - 48)
            i += 1
        }
        return negative ? -value : value
    }

    /// Whether `bytes[from...]` is `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
    static func isDecimal<C: RandomAccessCollection>(_ bytes: C, from: Int) -> Bool where C.Element == UInt8, C.Index == Int {
        var i = from
        var mantissaDigits = 0
        while i < bytes.count, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        if i < bytes.count, bytes[i] == 46 {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < bytes.count, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            if i < bytes.count, bytes[i] == 43 || bytes[i] == 45 { i += 1 }
            var exponentDigits = 0
            while i < bytes.count, isDigit(bytes[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return i == bytes.count
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Parses a text-format timestamp: a signed integer of milliseconds that fits in 64 bits.
    static func parseMillis(_ s: String) -> Int64? {
        let bytes = Array(s.utf8)
        var i = 0
        if let first = bytes.first, first == 43 || first == 45 { i = 1 }
        guard i < bytes.count, bytes[i...].allSatisfy(isDigit) else { return nil }
        return Int64(s)
    }

    /// Parses an OpenMetrics timestamp (decimal seconds) into milliseconds, rounding to the nearest
    /// millisecond; `nil` when malformed, not finite or beyond the 64-bit millisecond range.
    static func parseSeconds(_ s: String) -> Int64? {
        let bytes = Array(s.utf8)
        var i = 0
        if let first = bytes.first, first == 43 || first == 45 { i = 1 }
        guard isDecimal(bytes, from: i), let seconds = Double(s), seconds.isFinite else { return nil }
        // Integer seconds are converted exactly; fractions go through Double.
        if let whole = Int64(s) {
            let (ms, overflow) = whole.multipliedReportingOverflow(by: 1000)
            return overflow ? nil : ms
        }
        return millis(seconds: seconds)
    }

    // MARK: - Printing

    /// A value as both formats print it: `NaN`, `+Inf`, `-Inf`, integers without a fraction,
    /// others in Swift's shortest round-tripping form.
    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        if v == 0 { return v.sign == .minus ? "-0" : "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return v.description
    }

    /// Milliseconds printed as OpenMetrics seconds: `1520879607.789`, `-1.5`, `12`.
    static func formatSeconds(_ ms: Int64) -> String {
        let sign = ms < 0 ? "-" : ""
        let magnitude = ms.magnitude
        let whole = magnitude / 1000
        let fraction = magnitude % 1000
        if fraction == 0 { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
