/// "Natural" string order for `sort_by_label`: runs of digits compare by numeric value.
enum NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            let dx = isDigit(x[i]), dy = isDigit(y[j])
            if dx && dy {
                let si = i, sj = j
                while i < x.count && isDigit(x[i]) { i += 1 }
                while j < y.count && isDigit(y[j]) { j += 1 }
                let nx = trimZeros(x[si..<i]), ny = trimZeros(y[sj..<j])
                if nx.count != ny.count { return nx.count < ny.count }
                if nx != ny { return nx.lexicographicallyPrecedes(ny) }
                continue
            }
            if x[i] != y[j] { return x[i] < y[j] }
            i += 1
            j += 1
        }
        return x.count - i < y.count - j
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func trimZeros(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while s.count > 1, s.first == 48 { s = s.dropFirst() }
        return s
    }
}
