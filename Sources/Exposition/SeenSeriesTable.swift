/// The series an exposition has seen, for duplicate checks: an open-addressing table from a series
/// hash to where the reader keeps the series' latest sample (family index, series index).
///
/// Keys are the 64-bit series hashes the scanner computes from a line's bytes (seeded per process),
/// so a lookup touches no strings unless two hashes are equal; the caller then compares the samples
/// series themselves, so a collision can never make two different series look the same. Hash and position
/// share one slot, so a probe costs one cache miss.
struct SeenSeriesTable {
    private struct Slot {
        var hash: UInt64 = 0
        var family = 0
        var sample = 0
    }

    private var slots: [Slot]
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
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
    }

    /// Looks `hash` up; `matches(family, sample)` tells whether a stored position with an equal
    /// hash holds the same series.
    func probe(_ hash: UInt64, matches: (Int, Int) -> Bool) -> Probe {
        var slot = SeenSeriesTable.index(hash) & mask
        while slots[slot].hash != 0 {
            let s = slots[slot]
            if s.hash == hash, matches(s.family, s.sample) {
                return Probe(slot: slot, found: (s.family, s.sample))
            }
            slot = (slot + 1) & mask
        }
        return Probe(slot: slot, found: nil)
    }

    /// Stores the position of the series' latest sample at `probe`'s slot (`hash` is never 0).
    mutating func store(_ hash: UInt64, at probe: Probe, family: Int, sample: Int) {
        if probe.found == nil {
            count += 1
        }
        slots[probe.slot] = Slot(hash: hash, family: family, sample: sample)
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        for s in old where s.hash != 0 {
            var slot = SeenSeriesTable.index(s.hash) & mask
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = s
        }
    }

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
}
