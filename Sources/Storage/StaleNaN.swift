// MARK: - Staleness markers

/// The staleness marker: a NaN with a bit pattern no arithmetic produces, as in Prometheus.
///
/// A scraper appends it when a series disappears from a target; the engine treats a series whose
/// latest sample is stale as absent. Compare with `isStaleNaN(_:)`, never with `==` (NaN ≠ NaN).
public enum StaleNaN {
    /// The exact bit pattern, `0x7ff0000000000002`.
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002

    /// The marker as a `Double`.
    public static let value = Double(bitPattern: bitPattern)
}

/// Whether `v` is the staleness marker (and not some other NaN).
@inlinable
public func isStaleNaN(_ v: Double) -> Bool {
    v.bitPattern == StaleNaN.bitPattern
}
