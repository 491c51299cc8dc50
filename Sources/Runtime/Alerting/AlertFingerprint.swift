import PromModel

/// The 64-bit fingerprint of a label set, computed as Prometheus's `model.LabelSet.Fingerprint`:
/// FNV-1a over the labels sorted by name, each name and value followed by the separator byte `0xff`.
/// The empty set hashes to the FNV offset basis. Printed as 16 lower-case hex digits, so
/// fingerprints in webhook payloads are the ones Alertmanager would send for the same labels.
public struct AlertFingerprint: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) { self.value = value }

    static let offsetBasis: UInt64 = 14_695_981_039_346_656_037
    static let prime: UInt64 = 1_099_511_628_211
    static let separator: UInt8 = 0xff

    /// The fingerprint of `labels` (already sorted by name).
    public init(_ labels: Labels) {
        var h = Self.offsetBasis
        for label in labels {
            for byte in label.name.utf8 { h = (h ^ UInt64(byte)) &* Self.prime }
            h = (h ^ UInt64(Self.separator)) &* Self.prime
            for byte in label.value.utf8 { h = (h ^ UInt64(byte)) &* Self.prime }
            h = (h ^ UInt64(Self.separator)) &* Self.prime
        }
        value = h
    }

    /// 16 hex digits, zero-padded (Go's `%016x`).
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    public static func < (lhs: AlertFingerprint, rhs: AlertFingerprint) -> Bool { lhs.value < rhs.value }
}
