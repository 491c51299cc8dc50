import PromModel

/// One series of an intermediate result: labels, the delayed-name-removal flag and its points,
/// one per evaluation step at most (for instant vectors) or raw samples (for range vectors).
struct StepSeries {
    var metric: Labels
    var dropName: Bool
    var points: [FloatPoint]
    /// Native-histogram points, by increasing time; a step (or raw time) has a float or a histogram, never both.
    var histograms: [HistogramPoint]

    init(metric: Labels, dropName: Bool = false, points: [FloatPoint] = [], histograms: [HistogramPoint] = []) {
        self.metric = metric
        self.dropName = dropName
        self.points = points
        self.histograms = histograms
    }

    /// Whether the series has no point of either kind.
    var isEmpty: Bool { points.isEmpty && histograms.isEmpty }
}

/// The value of a subexpression over all steps of the evaluation.
enum EvalValue {
    /// One value per step.
    case scalar([Double])
    case string(String)
    /// Instant-vector series whose points sit on step times.
    case vector([StepSeries])
    /// A range vector: raw points (only at the top of an instant query).
    case range([StepSeries])
}

/// The points of a vector-valued result regrouped by step: for step `i`, the entries
/// `entries[offsets[i]..<offsets[i+1]]` give the series index and value present at that step.
struct StepIndex {
    var offsets: [Int]
    var series: [Int32]
    var values: [Double]

    init(_ matrix: [StepSeries], start: Int64, interval: Int64, steps: Int) {
        var counts = [Int](repeating: 0, count: steps + 1)
        for s in matrix {
            for p in s.points {
                let i = Int((p.t - start) / interval)
                if i >= 0 && i < steps { counts[i + 1] += 1 }
            }
        }
        for i in 0..<steps { counts[i + 1] += counts[i] }
        offsets = counts
        let total = counts[steps]
        series = [Int32](repeating: 0, count: total)
        values = [Double](repeating: 0, count: total)
        var fill = counts
        for (si, s) in matrix.enumerated() {
            for p in s.points {
                let i = Int((p.t - start) / interval)
                guard i >= 0 && i < steps else { continue }
                let at = fill[i]
                series[at] = Int32(si)
                values[at] = p.f
                fill[i] = at + 1
            }
        }
    }

    /// The range of entry positions for step `i`.
    @inline(__always)
    func range(ofStep i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }
}
