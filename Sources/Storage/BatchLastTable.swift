/// The newest pending timestamp and value bits per series of one append batch: an open-addressing
/// table keyed by series reference, which costs a multiply per lookup where a `Dictionary` hashes
/// with SipHash (the appender looks up every sample).
struct BatchLastTable {
    private struct Entry {
        /// `UInt64(ref)`, or `empty`.
        var key: UInt64
        var t: Int64
        var bits: UInt64
    }

    private static let empty = UInt64.max
    private var entries: [Entry] = []
    private var used = 0

    init() {}

    // MARK: - Access

    /// The entry of series `ref`, if the batch has one.
    @inline(__always)
    func last(_ ref: UInt32) -> (t: Int64, bits: UInt64)? {
        guard used > 0 else { return nil }
        let key = UInt64(ref)
        let mask = entries.count - 1
        var i = BatchLastTable.slot(key, mask)
        while true {
            let e = entries[i]
            if e.key == key { return (e.t, e.bits) }
            if e.key == BatchLastTable.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Records `(t, bits)` as the newest pending sample of series `ref`.
    @inline(__always)
    mutating func set(_ ref: UInt32, t: Int64, bits: UInt64) {
        if (used + 1) * 2 > entries.count { grow() }
        let key = UInt64(ref)
        let mask = entries.count - 1
        var i = BatchLastTable.slot(key, mask)
        while entries[i].key != key && entries[i].key != BatchLastTable.empty { i = (i + 1) & mask }
        if entries[i].key == BatchLastTable.empty { used += 1 }
        entries[i] = Entry(key: key, t: t, bits: bits)
    }

    /// Forgets every entry.
    mutating func removeAll() {
        entries = []
        used = 0
    }

    // MARK: - Internals

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 32) & mask
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: BatchLastTable.empty, t: 0, bits: 0), count: Swift.max(16, old.count * 2))
        used = 0
        for e in old where e.key != BatchLastTable.empty { set(UInt32(truncatingIfNeeded: e.key), t: e.t, bits: e.bits) }
    }
}
