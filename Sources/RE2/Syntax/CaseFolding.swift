/// Simple case-folding orbits (sets of scalars equal under case-insensitive matching).
///
/// The table is derived once, lazily, from the Unicode case mappings that Swift exposes
/// (`Unicode.Scalar.Properties`): scalars linked by a single-scalar lower/upper/title mapping form
/// one orbit, e.g. `k K K` (Kelvin sign) or `s S ſ`. The Turkic dotted/dotless i are excluded,
/// as in Unicode's simple case folding that Go uses.
enum CaseFolding {
    /// Highest scalar scanned: no cased scalar lies above the supplementary multilingual plane.
    private static let scanLimit: UInt32 = 0x1FFFF

    private struct Table: Sendable {
        /// Sorted scalars that have at least one other case variant.
        var cased: [UInt32] = []
        /// For each scalar of `cased`, the other members of its orbit.
        var orbits: [UInt32: [UInt32]] = [:]
    }

    private static let table: Table = buildTable()

    // MARK: - Queries

    /// The other members of the case orbit of `c` (empty when `c` has no case variants).
    static func variants(of c: UInt32) -> [UInt32] {
        if c < 0x80 {
            if c >= 0x41 && c <= 0x5A {
                return c == 0x4B ? [c + 32, 0x212A] : c == 0x53 ? [c + 32, 0x17F] : [c + 32]
            }
            if c >= 0x61 && c <= 0x7A {
                return c == 0x6B ? [c - 32, 0x212A] : c == 0x73 ? [c - 32, 0x17F] : [c - 32]
            }
            return []
        }
        return table.orbits[c] ?? []
    }

    /// Calls `body` with every case variant of every scalar in `range`.
    static func forEachVariant(in range: ClosedRange<UInt32>, _ body: (UInt32) -> Void) {
        let t = table
        var lo = 0
        var hi = t.cased.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if t.cased[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < t.cased.count, t.cased[i] <= range.upperBound {
            for v in t.orbits[t.cased[i]] ?? [] { body(v) }
            i += 1
        }
    }

    // MARK: - Building

    private static func buildTable() -> Table {
        var parent: [UInt32: UInt32] = [:]
        func find(_ x: UInt32) -> UInt32 {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        func union(_ a: UInt32, _ b: UInt32) {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let ra = find(a)
            let rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        let excluded: Set<UInt32> = [0x130, 0x131]
        var c: UInt32 = 0
        while c <= scanLimit {
            defer { c += 1 }
            guard !excluded.contains(c), let s = Unicode.Scalar(c) else { continue }
            let p = s.properties
            guard p.changesWhenCaseMapped else { continue }
            for mapping in [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping] {
                let scalars = mapping.unicodeScalars
                guard scalars.count == 1, let m = scalars.first?.value, m != c, !excluded.contains(m) else {
                    continue
                }
                union(c, m)
            }
        }
        var groups: [UInt32: [UInt32]] = [:]
        for key in parent.keys { groups[find(key), default: []].append(key) }
        var t = Table()
        for members in groups.values where members.count > 1 {
            for m in members {
                t.orbits[m] = members.filter { $0 != m }.sorted()
            }
        }
        t.cased = t.orbits.keys.sorted()
        return t
    }
}
