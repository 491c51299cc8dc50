/// The grid positions of the panels laid out so far, sorted by `y`, so that finding the first panel a new
/// one overlaps looks only at panels whose rows can reach it (not at every panel: dashboards from a file
/// may hold thousands).
struct GrafanaPanelGrid {
    private var entries: [(position: GrafanaPanel.GridPos, order: Int)] = []
    /// The largest height placed so far: a panel starting more than this above `y` cannot reach `y`.
    private var tallest = 0

    /// The placement order of the earliest placed panel that overlaps `g`, if any.
    func firstOverlap(with g: GrafanaPanel.GridPos) -> Int? {
        let (bottom, overflow) = g.y.addingReportingOverflow(Swift.max(g.h, 0))
        var i = partitionPoint(overflow ? Int.max : bottom) - 1
        let (reach, under) = g.y.subtractingReportingOverflow(tallest)
        let lowest = under ? Int.min : reach
        var best: Int?
        while i >= 0, entries[i].position.y >= lowest {
            if entries[i].position.overlaps(g), entries[i].order < best ?? Int.max { best = entries[i].order }
            i -= 1
        }
        return best
    }

    /// Adds a placed panel; `order` identifies it in `firstOverlap(with:)` answers.
    mutating func place(_ g: GrafanaPanel.GridPos, order: Int) {
        entries.insert((g, order), at: partitionPoint(g.y))
        tallest = Swift.max(tallest, g.h)
    }

    /// The index of the first entry whose `y` is not below `y`.
    private func partitionPoint(_ y: Int) -> Int {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if entries[mid].position.y < y { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
