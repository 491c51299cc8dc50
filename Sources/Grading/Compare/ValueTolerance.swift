/// How close two numbers must be to count as equal: within `tolerance` absolutely, or relatively for
/// large values; NaN equals NaN and infinities equal themselves.
public struct ValueTolerance: Sendable, Hashable {
    public var tolerance: Double

    public init(_ tolerance: Double = 1e-6) { self.tolerance = tolerance }

    public func equal(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }
}
