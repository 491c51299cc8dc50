#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reuses the `String` built for a short scalar when the same bytes were read recently.
///
/// Configuration files repeat the same keys and many of the same values thousands of times
/// (`job_name`, `targets`, `30s`, …). Building a `String` validates and copies the bytes each time;
/// a hit here costs one short hash and one byte comparison instead, and equal texts share storage.
/// The cache is direct-mapped (a colliding text replaces the older one), so it never grows.
/// Only the bytes decide which `String` comes back, so results are the same as building it anew.
struct YAMLStringCache {
    /// Number of slots (a power of two).
    static let slotCount = 1024
    /// Texts longer than this are built directly: they rarely repeat and hashing them costs more.
    static let maxLength = 40

    private var slots: [String]

    init() {
        slots = Array(repeating: "", count: Self.slotCount)
    }

    /// The string of the valid UTF-8 bytes `start..<start + count`.
    mutating func string(_ start: UnsafePointer<UInt8>, count: Int) -> String {
        let bytes = UnsafeBufferPointer(start: start, count: count)
        guard count > 0, count <= Self.maxLength else { return String(decoding: bytes, as: UTF8.self) }
        // FNV-1a; wrapping multiplication is the hash's definition, not a size computation.
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash & UInt32(Self.slotCount - 1))
        var cached = slots[slot]
        if cached.utf8.count == count,
           cached.withUTF8({ stored in stored.baseAddress.map { memcmp($0, start, count) == 0 } ?? false }) {
            return cached
        }
        let fresh = String(decoding: bytes, as: UTF8.self)
        slots[slot] = fresh
        return fresh
    }
}
