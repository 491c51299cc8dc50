// MARK: - Decimal fast path

extension ExpositionNumber {
    /// Exact powers of ten 10^0 ... 10^22 (every one is a double without rounding).
    static let exactPowersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                             1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Converts `[sign] digits [. digits] [(e|E) [sign] digits]` in `bytes[range]` straight from the
    /// bytes when the result is exact by construction (Clinger's fast path): at most 19 significant
    /// digits forming a mantissa of at most 2^53, scaled by a power of ten within 10^±22. The
    /// mantissa and the power are then both exact doubles, so one IEEE multiplication or division
    /// rounds correctly and the result is bit for bit what `strtod` returns.
    ///
    /// Returns `nil` for anything else — malformed text, special values, long mantissas, large
    /// exponents — which the caller hands to the full conversion.
    static func fastDecimal(bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
        let end = range.upperBound
        var i = range.lowerBound
        let negative = bytes[i] == 45
        if negative || bytes[i] == 43 { i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var scale = 0
        var sawDigit = false
        while i < end, isDigit(bytes[i]) {
            sawDigit = true
            let d = UInt64(bytes[i] &- 48)
            i += 1
            if mantissa == 0, d == 0 { continue }  // leading zero
            guard significant < 19 else { return nil }
            mantissa = mantissa &* 10 &+ d
            significant += 1
        }
        if i < end, bytes[i] == 46 {
            i += 1
            while i < end, isDigit(bytes[i]) {
                sawDigit = true
                let d = UInt64(bytes[i] &- 48)
                i += 1
                scale -= 1
                if mantissa == 0, d == 0 { continue }
                guard significant < 19 else { return nil }
                mantissa = mantissa &* 10 &+ d
                significant += 1
            }
        }
        guard sawDigit else { return nil }
        if i < end, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            var exponentNegative = false
            if i < end, bytes[i] == 43 || bytes[i] == 45 {
                exponentNegative = bytes[i] == 45
                i += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while i < end, isDigit(bytes[i]) {
                guard exponent < 10_000 else { return nil }
                exponent = exponent * 10 + Int(bytes[i] &- 48)
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            scale += exponentNegative ? -exponent : exponent
        }
        guard i == end, mantissa <= 1 << 53 else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard scale >= -22, scale <= 22 else { return nil }
        let m = Double(mantissa)
        let magnitude = scale < 0 ? m / exactPowersOfTen[-scale] : m * exactPowersOfTen[scale]
        return negative ? -magnitude : magnitude
    }

    /// Parses an OpenMetrics timestamp in `bytes[range]` as `parseSeconds(_:)` does, without building
    /// a string: integers of at most 18 digits exactly, other decimals through `fastDecimal`.
    /// `nil` when neither path applies or the text is invalid (the caller then falls back to
    /// `parseSeconds(_:)`, which decides and reports).
    static func parseSeconds(bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        if let whole = parseMillis(bytes: bytes, range) {
            let (ms, overflow) = whole.multipliedReportingOverflow(by: 1000)
            return overflow ? nil : ms
        }
        guard let seconds = fastDecimal(bytes: bytes, range), seconds.isFinite else { return nil }
        return millis(seconds: seconds)
    }

    /// Seconds to milliseconds rounded to nearest, `nil` beyond the 64-bit millisecond range.
    static func millis(seconds: Double) -> Int64? {
        let ms = (seconds * 1000).rounded()
        guard abs(ms) < 9.2e18 else { return nil }
        return Int64(ms)
    }
}
