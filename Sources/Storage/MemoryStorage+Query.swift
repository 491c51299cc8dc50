import PromModel

// MARK: - Querier

extension MemoryStorage {
    /// The series matching `matchers` with at least one sample in `[mint, maxt]`, sorted by labels.
    public func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64,
                       hints: SelectHints?) throws -> SeriesSet {
        guard mint <= maxt else { return .empty }
        var out: [Series] = []
        lock.lock()
        let refs = index.postings(for: matchers)
        out.reserveCapacity(refs.count)
        for ref in refs {
            guard let s = series[Int(ref)] else { continue }
            let chunks = s.chunks(mint: mint, maxt: maxt)
            let hchunks = s.hasHistograms ? s.histogramChunks(mint: mint, maxt: maxt) : []
            if chunks.isEmpty && hchunks.isEmpty { continue }
            // Histogram chunks stay compressed in the snapshot; readers decode them as they go.
            out.append(Series(labels: s.labels, chunks: chunks, mint: mint, maxt: maxt, histogramChunks: hchunks))
        }
        lock.unlock()
        // A chunk that starts inside the range proves a sample there; otherwise decode to be sure.
        out.removeAll { series in
            if series.hasHistograms || series.chunks.contains(where: { $0.minT >= mint }) { return false }
            var it = series.makeIterator()
            return it.next() == nil
        }
        out.sort { $0.labels < $1.labels }
        return SeriesSet(out)
    }

    public func labelNames(matchers: [LabelMatcher]) throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if matchers.isEmpty { return index.labelNames }
        var names = Set<String>()
        for ref in index.postings(for: matchers) {
            guard let s = series[Int(ref)] else { continue }
            for label in s.labels { names.insert(label.name) }
        }
        return names.sorted()
    }

    public func labelValues(_ name: String, matchers: [LabelMatcher]) throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if matchers.isEmpty { return index.labelValues(name) }
        var values = Set<String>()
        for ref in index.postings(for: matchers) {
            if let v = series[Int(ref)]?.labels[name] { values.insert(v) }
        }
        return values.sorted()
    }

    /// The labels of every live series, sorted (for tests and `/api/v1/series`-like listings).
    public func allSeriesLabels() -> [Labels] {
        lock.lock()
        let out = index.all.compactMap { series[Int($0)]?.labels }
        lock.unlock()
        return out.sorted()
    }
}

// MARK: - Retention

extension MemoryStorage {
    /// Drops the chunks whose newest sample is older than `cutoff` (milliseconds), removes series
    /// left without samples, and rejects later samples older than `cutoff` as out of bounds.
    /// Returns the number of series removed.
    @discardableResult
    public func truncate(before cutoff: Int64) -> Int {
        lock.lock()
        defer { lock.unlock() }
        minValidTime = max(minValidTime, cutoff)
        var removed: [UInt32] = []
        var removedLabels: [Labels] = []
        for ref in index.all {
            let i = Int(ref)
            guard var s = series[i] else { continue }
            series[i] = nil  // keep the element uniquely referenced while mutating
            s.truncate(before: cutoff)
            if s.isEmpty {
                removed.append(ref)
                removedLabels.append(s.labels)
                refsByLabels[s.labels] = nil
            } else {
                series[i] = s
            }
        }
        index.remove(removed, labels: removedLabels)
        liveSeries -= removed.count
        return removed.count
    }

    /// Applies a retention period: keeps samples newer than `now - retention`.
    @discardableResult
    public func applyRetention(_ retention: Duration, now: Int64) -> Int {
        let (cutoff, overflow) = now.subtractingReportingOverflow(retention.milliseconds)
        return truncate(before: overflow ? .min : cutoff)
    }
}
