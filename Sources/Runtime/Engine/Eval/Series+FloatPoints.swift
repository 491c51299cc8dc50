// MARK: - Decoding for the engine

extension Series {
    /// Replaces the contents of `buf` with the samples of the selected range, staleness markers
    /// removed. The buffer's storage is reused across calls and written without per-sample append
    /// checks (the chunks' sample counts bound how many there are).
    func decodeFloatPoints(into buf: inout [FloatPoint]) {
        var bound = 0
        for c in chunks { bound += c.count }
        if buf.count < bound {
            buf.append(contentsOf: repeatElement(FloatPoint(t: 0, f: 0), count: bound - buf.count))
        }
        var it = makeIterator()
        let n = buf.withUnsafeMutableBufferPointer { out -> Int in
            var n = 0
            while n < bound, let x = it.next() {
                if isStaleNaN(x.v) { continue }
                out[n] = FloatPoint(t: x.t, f: x.v)
                n += 1
            }
            return n
        }
        buf.removeLast(buf.count - n)
    }
}
