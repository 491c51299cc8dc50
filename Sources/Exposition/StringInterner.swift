import Foundation

/// Strings for byte ranges of an input, shared: the same bytes give the same `String` storage.
///
/// An exposition repeats its label names and most of its label values on every line; interning them
/// spares an allocation per label and keeps one copy of each in memory. Strings of at most 15 bytes
/// are stored inline by `String` and are not interned. The table stops taking new strings once it
/// holds `maxEntries`, so a high-cardinality input cannot grow it without bound (those strings are
/// then allocated as usual).
struct StringInterner {
    private var hashes: [UInt64]
    private var strings: [String]
    private var mask: Int
    private var count = 0
    private let maxEntries: Int
    /// Longest string interned, in bytes.
    static let maxLength = 256

    init(maxEntries: Int = 1 << 16) {
        self.maxEntries = maxEntries
        hashes = Array(repeating: 0, count: 1024)
        strings = Array(repeating: "", count: 1024)
        mask = 1023
    }

    /// The string of `bytes`, which must be valid UTF-8; `hash` is `ByteHash.hash(bytes)`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        guard bytes.count > 15, bytes.count <= Self.maxLength else { return String(decoding: bytes, as: UTF8.self) }
        let h = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h, Self.equal(strings[slot], bytes) { return strings[slot] }
            slot = (slot + 1) & mask
        }
        let s = String(decoding: bytes, as: UTF8.self)
        guard count < maxEntries else { return s }
        hashes[slot] = h
        strings[slot] = s
        count += 1
        if count * 2 > hashes.count { grow() }
        return s
    }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.utf8.count == bytes.count else { return false }
        if let same = s.utf8.withContiguousStorageIfAvailable({ stored -> Bool in
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return stored.isEmpty }
            return memcmp(a, b, bytes.count) == 0
        }) {
            return same
        }
        return s.utf8.elementsEqual(bytes)
    }

    private mutating func grow() {
        let old = (hashes, strings)
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        strings = Array(repeating: "", count: capacity)
        mask = capacity - 1
        for i in old.0.indices where old.0[i] != 0 {
            var slot = Int(truncatingIfNeeded: old.0[i]) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = old.0[i]
            strings[slot] = old.1[i]
        }
    }
}
