import PromModel

/// The series an exposition has seen, for duplicate checks: an open-addressing table from a series
/// hash to where the series' latest sample is stored (family index, sample index).
///
/// Keys are 64-bit hashes of name and labels, mixed word by word with a per-process random seed, so
/// a lookup touches no strings unless two hashes are equal; the caller then compares the samples
/// themselves, so a collision can never make two different series look the same.
struct SeenSeriesTable {
    private var hashes: [UInt64]
    private var families: [Int]
    private var samples: [Int]
    private var count = 0
    private var mask: Int

    /// Where a lookup ended: the slot to write and the stored position when the series was found.
    struct Probe {
        let slot: Int
        let found: (family: Int, sample: Int)?
    }

    /// A table that holds `expected` series without growing.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2, capacity < 1 << 40 { capacity <<= 1 }
        hashes = Array(repeating: 0, count: capacity)
        families = Array(repeating: 0, count: capacity)
        samples = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Looks `hash` up; `matches(family, sample)` tells whether a stored position with an equal
    /// hash holds the same series.
    func probe(_ hash: UInt64, matches: (Int, Int) -> Bool) -> Probe {
        var slot = SeenSeriesTable.index(hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, matches(families[slot], samples[slot]) {
                return Probe(slot: slot, found: (families[slot], samples[slot]))
            }
            slot = (slot + 1) & mask
        }
        return Probe(slot: slot, found: nil)
    }

    /// Stores the position of the series' latest sample at `probe`'s slot.
    mutating func store(_ hash: UInt64, at probe: Probe, family: Int, sample: Int) {
        if probe.found == nil {
            count += 1
        }
        hashes[probe.slot] = hash
        families[probe.slot] = family
        samples[probe.slot] = sample
        if count * 2 > hashes.count { grow() }
    }

    private mutating func grow() {
        let old = (hashes, families, samples)
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        families = Array(repeating: 0, count: capacity)
        samples = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for i in old.0.indices where old.0[i] != 0 {
            var slot = SeenSeriesTable.index(old.0[i]) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = old.0[i]
            families[slot] = old.1[i]
            samples[slot] = old.2[i]
        }
    }

    // MARK: - Hashing

    /// The hash of a series (never 0, which marks an empty slot).
    static func hash(name: String, labels: Labels) -> UInt64 {
        var h = seed
        mix(name, into: &h)
        for label in labels {
            mix(label.name, into: &h)
            mix(label.value, into: &h)
        }
        return h == 0 ? 1 : h
    }

    private static let seed = UInt64.random(in: 1...UInt64.max)

    /// Final avalanche (as in MurmurHash3) so neighbouring hashes spread over the slots.
    private static func index(_ h: UInt64) -> Int {
        var x = h
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x & 0x7fff_ffff_ffff_ffff)
    }

    /// Mixes the bytes eight at a time, then the length, so `("ab","c")` and `("a","bc")` differ.
    private static func mix(_ string: String, into h: inout UInt64) {
        var copy = string
        copy.withUTF8 { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var i = 0
            while i + 8 <= raw.count {
                step(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), &h)
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            step(tail, &h)
            step(UInt64(raw.count), &h)
        }
    }

    @inline(__always)
    private static func step(_ word: UInt64, _ h: inout UInt64) {
        h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
    }
}
