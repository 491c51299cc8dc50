import GoCompat
import PromQL

// MARK: - Go-style formatting for Prometheus's message texts

/// Go's `%q` of a string.
func goQuote(_ s: String) -> String { GoQuote.string(s) }

/// Go's `%f`.
func goFloat(_ v: Double) -> String { GoFloatFormat.fixed6(v) }

/// Go's `%g` for the values that appear in messages (shortest round-trip digits).
func goG(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
    var s = "\(v)"
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}
