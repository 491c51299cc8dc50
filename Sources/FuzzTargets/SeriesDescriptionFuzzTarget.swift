import PromQL

extension FuzzTarget {
    /// Series descriptions of PromQL test scripts (`metric{a="b"} 0+10x5 _ stale {{schema:0}}`).
    public static let seriesDescription = FuzzTarget(name: "series-description",
                                                     summary: "series-description notation") { bytes in
        let text = FuzzInput.text(bytes)
        let limits = SeriesDescriptionLimits(maxValues: 100_000, maxBuckets: 1_000, maxTotalBuckets: 100_000)
        _ = try? SeriesDescription.parse(text, limits: limits)
        _ = try? SeriesDescription.parseMetric(text)
        return []
    }
}
