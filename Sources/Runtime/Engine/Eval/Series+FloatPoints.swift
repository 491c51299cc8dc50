import Storage

// MARK: - Decoding for the engine

extension Series {
    /// Replaces the contents of `buf` with the samples of the selected range, staleness markers
    /// removed. The buffer's storage is reused across calls and written without per-sample append
    /// checks (the chunks' sample counts bound how many there are); chunks that lie inside the range
    /// are decoded without per-sample range checks.
    func decodeFloatPoints(into buf: inout [FloatPoint]) {
        var bound = 0
        for c in chunks { bound += c.count }
        if buf.count < bound {
            buf.append(contentsOf: repeatElement(FloatPoint(t: 0, f: 0), count: bound - buf.count))
        }
        let mint = self.mint, maxt = self.maxt
        let n = buf.withUnsafeMutableBufferPointer { out -> Int in
            var n = 0
            for chunk in chunks where chunk.maxT >= mint {
                if chunk.minT > maxt { break }
                let inside = chunk.minT >= mint && chunk.maxT <= maxt
                var it = chunk.makeIterator()
                while n < bound, let x = it.next() {
                    if !inside {
                        if x.t < mint { continue }
                        if x.t > maxt { return n }
                    }
                    if isStaleNaN(x.v) { continue }
                    out[n] = FloatPoint(t: x.t, f: x.v)
                    n += 1
                }
            }
            return n
        }
        buf.removeLast(buf.count - n)
    }
}

// MARK: - Start timestamps

extension Series {
    /// Whether any chunk of the snapshot holds start timestamps.
    var hasStartTimes: Bool {
        for c in chunks where c.startTimes != nil { return true }
        return false
    }

    /// Replaces the contents of `out` with the start timestamps (0 = none) of the samples that
    /// `decodeFloatPoints(into:)` returns, index for index.
    func decodeStartTimes(into out: inout [Int64]) {
        out.removeAll(keepingCapacity: true)
        let mint = self.mint, maxt = self.maxt
        for chunk in chunks where chunk.maxT >= mint {
            if chunk.minT > maxt { break }
            var it = chunk.makeIterator()
            var k = 0
            while let x = it.next() {
                defer { k += 1 }
                if x.t < mint { continue }
                if x.t > maxt { return }
                if isStaleNaN(x.v) { continue }
                if let sts = chunk.startTimes, k < sts.count { out.append(sts[k]) } else { out.append(0) }
            }
        }
    }
}
